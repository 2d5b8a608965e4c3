from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.demo import DEMO_DOMAIN


class Command(BaseCommand):
    help = "Print the current TOTP code of every demo account (for testers without an authenticator app)."

    def handle(self, *args, **options):
        if getattr(settings, "PORTAL_ENVIRONMENT", "production") == "production":
            raise CommandError("demo_totp refuses to run under production settings.")
        counter = int(timezone.now().timestamp()) // 30
        authenticators = Authenticator.objects.filter(
            type=Authenticator.Type.TOTP, user__email__endswith=f"@{DEMO_DOMAIN}"
        ).select_related("user")
        for authenticator in authenticators.order_by("user__email"):
            secret = get_adapter().decrypt(authenticator.data["secret"])
            self.stdout.write(f"{authenticator.user.email:<48} {format_hotp_value(hotp_value(secret, counter))}")
