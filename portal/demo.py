"""Helpers for demo content: locales, translations through wagtail-localize, demo users."""

import json
from importlib import import_module
from pathlib import Path

from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils.html import format_html
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from . import roles
from .models import User
from .pdf import pdf_bytes

DEMO_PASSWORD = "Vielfalt-Demo-2026"  # noqa: S105 - printed for testers, refused in production
DEMO_DOMAIN = "demo.plochingen.example"
ACCOUNT_WITHOUT_ROLE = "Konto"


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def load_translations(path: Path):
    """{German source string: {language code: translation}}."""
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def _prepare_translation(instance, locale, translations):
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = translations.get(segment.string.data, {}).get(locale.language_code)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    return translation


def translate_page(page, locale, translations):
    """Create the page's translation through wagtail-localize, as an editor would.

    Strings without a translation fall back to the German source. Returns the translated
    page, or the existing one if the page was translated before (editors' work is kept).
    """
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing
    translation = _prepare_translation(page, locale, translations)
    # Saved as a draft and published right away: wagtail-localize would publish on commit,
    # from a page object that predates the children translated after it.
    translation.save_target(publish=False)
    translated = page.get_translation(locale)
    translated.get_latest_revision().publish()
    return translated.specific


def translate_snippet(snippet, locale, translations):
    """The same for a translatable snippet."""
    existing = snippet.get_translation_or_none(locale)
    if existing is not None:
        return existing
    _prepare_translation(snippet, locale, translations).save_target()
    return snippet.get_translation(locale)


def demo_email(role):
    local_part = role.lower().replace("ü", "ue").replace("ä", "ae").replace("ö", "oe")
    return f"{local_part}@{DEMO_DOMAIN}"


def ensure_demo_user(role):
    """One verified demo account per role; staff roles get TOTP and recovery codes."""
    email = demo_email(role)
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": "Demo", "last_name": f"{role} (Beispiel)"}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    if role in roles.ALL_ROLES:
        user.groups.add(Group.objects.get(name=role))
        if role == roles.REDAKTION:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
    totp_secret = ""
    if role in roles.MFA_REQUIRED_ROLES:
        authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if authenticator is None:
            totp_secret = generate_totp_secret()
            TOTP.activate(user, totp_secret)
        else:
            totp_secret = get_mfa_adapter().decrypt(authenticator.data["secret"])
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists():
            RecoveryCodes.activate(user)
    return {"email": email, "password": DEMO_PASSWORD, "totp": totp_secret}


def app_demo_modules():
    """Every installed project app's `demo` module, in INSTALLED_APPS order."""
    modules = []
    for config in apps.get_app_configs():
        try:
            inside = Path(config.path).resolve().relative_to(Path(settings.BASE_DIR).resolve())
        except ValueError:
            continue
        if not inside.parts[0].startswith(".") and config.name != "portal":
            try:
                modules.append(import_module(f"{config.name}.demo"))
            except ModuleNotFoundError as error:
                if error.name != f"{config.name}.demo":
                    raise
    return modules


def demo_pdf(title, text):
    """A small PDF for demo documents."""
    html = format_html(
        '<!DOCTYPE html><html lang="de"><head><title>{}</title></head><body><h1>{}</h1><p>{}</p></body></html>',
        title,
        title,
        text,
    )
    try:
        return pdf_bytes(html)
    except OSError:  # without Pango: a minimal placeholder file
        return f"%PDF-1.4\n% {title}: {text}\n".encode()
