"""Where someone lands after signing in when no page asked for it: the start of their work.

Each app declares the start of its roles with the `portal_start_url` hook: a function of the
user that returns a path or None. The hooks' `order` ranks them for people with several roles
(case work before coordination before the Beirat before volunteering); without any, the account.
Superusers start in the CMS.
"""

from django.urls import reverse
from wagtail import hooks


def start_url(user):
    # Every permission check passes for a superuser: they administer, and that is done in the CMS.
    if user.is_superuser:
        return reverse("wagtailadmin_home")
    for start_of in hooks.get_hooks("portal_start_url"):
        if url := start_of(user):
            return url
    return reverse("profile")
