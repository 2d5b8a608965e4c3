import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal import roles
from portal.demo import ACCOUNT_WITHOUT_ROLE, app_demo_modules, ensure_demo_user, ensure_locales


class Command(BaseCommand):
    help = "Load the demo content and one demo login per role. Idempotent; refused in production."

    def add_arguments(self, parser):
        parser.add_argument("--credentials-json", type=Path, help="Also write the demo logins to this JSON file.")

    def handle(self, *args, **options):
        if getattr(settings, "PORTAL_ENVIRONMENT", "production") == "production" or not settings.SECRET_KEY:
            raise CommandError("seed_demo refuses to run under production settings.")
        with transaction.atomic():
            ensure_locales()
            for module in app_demo_modules():
                module.seed(self.stdout)
            credentials = {role: ensure_demo_user(role) for role in [ACCOUNT_WITHOUT_ROLE, *roles.ALL_ROLES]}

        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo logins (fictional accounts, marked as examples):"))
        self.stdout.write(f"{'Role':<24} {'Email':<44} {'Password':<20} TOTP secret")
        for role, login in credentials.items():
            self.stdout.write(f"{role:<24} {login['email']:<44} {login['password']:<20} {login['totp']}")
        if options["credentials_json"]:
            options["credentials_json"].write_text(json.dumps(credentials, indent=2), encoding="utf-8")
            self.stdout.write(f"Wrote {options['credentials_json']}")
