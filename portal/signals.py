from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.dispatch import receiver


@receiver(authenticator_added)
def count_totp_activation_as_mfa(sender, request, user, authenticator, **kwargs):
    """Activating TOTP needs a valid code: that session has passed MFA, so staff go straight on."""
    if authenticator.type == Authenticator.Type.TOTP and request is not None:
        record_authentication(request, user, "mfa", type=authenticator.type, id=authenticator.pk)
