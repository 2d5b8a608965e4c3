from django.urls import reverse
from wagtail import hooks


@hooks.register("portal_start_url", order=35)
def data_protection_starts_on_the_audit_log(user):
    if user.has_perm("audit.read_audit_log"):
        return reverse("audit_protokoll")
