from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .mfa_enrolment import end_enrolment
from .middleware import mark_staff_activity


@receiver(authenticator_added)
def count_totp_activation_as_mfa(sender, request, user, authenticator, **kwargs):
    """Activating TOTP needs a valid code: that session has passed MFA, so staff go straight on."""
    if authenticator.type == Authenticator.Type.TOTP and request is not None:
        record_authentication(request, user, "mfa", type=authenticator.type, id=authenticator.pk)
        # The mailed link's permission (portal/mfa_enrolment.py) is used up.
        end_enrolment(request)


@receiver(user_logged_in)
def signing_in_is_activity(sender, request, user, **kwargs):
    """A sign-in starts the staff areas' idle time afresh (portal.middleware): a session kept from
    before, of the same person, must not end at once."""
    if request is not None and hasattr(request, "session"):
        mark_staff_activity(request)
