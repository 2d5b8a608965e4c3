from django.urls import reverse
from wagtail import hooks

from portal.roles import DATENSCHUTZ, has_role


@hooks.register("portal_start_url", order=35)
def data_protection_starts_on_the_audit_log(user):
    if has_role(user, DATENSCHUTZ):
        return reverse("audit_protokoll")
