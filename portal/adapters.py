import ipaddress

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.core import context as allauth_context
from allauth.core import ratelimit
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.sites.shortcuts import get_current_site
from django.urls import translate_url
from django.utils import translation
from django.utils.http import urlencode

from . import devices
from .landing import start_url
from .notifications import language_or_default, link, queue
from .roles import requires_mfa

LINKS_IN_MAILS = ("activate_url", "password_reset_url", "password_change_url")
# Failed logins counted per account and client address together (ACCOUNT_RATE_LIMITS).
LOGIN_FAILED_FROM_ADDRESS = "login_failed_from_address"


def address_block(ip):
    """A client address as rate limits count it: an IPv6 address by its /64 network, which one
    client holds whole (as allauth counts it)."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 6:
        return str(ipaddress.IPv6Network(f"{address}/64", strict=False).network_address)
    return ip


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """allauth's mails join the portal's queue, in the account's language if it has one."""
        # Security mails may leave after the commit, past the request: the adapter's own request then.
        request = allauth_context.request or self.request
        user = context.get("user") or getattr(EmailAddress.objects.filter(email__iexact=email).first(), "user", None)
        language = language_or_default(getattr(user, "preferred_language", "") or translation.get_language())
        # allauth builds its links in the request's language: the reader's language instead.
        context = {
            **context,
            **{key: translate_url(context[key], language) for key in LINKS_IN_MAILS if context.get(key)},
        }
        with translation.override(language):
            message = self.render_mail(
                template_prefix,
                email,
                {"request": request, "email": email, "current_site": get_current_site(request), **context},
            )
        queue(message, language=language, kind=f"allauth:{template_prefix}", user=user if user and user.pk else None)

    def login(self, request, user):
        """A sign-in on a browser this account has not used before is told to its owner by mail
        (the first sign-in of a new account is not: it comes right after the sign-up)."""
        signed_in_before = user.last_login is not None
        super().login(request, user)
        if signed_in_before and not devices.known(request, user):
            self.send_notification_mail(
                "account/email/sign_in_new_device", user, {"password_change_url": link("account_change_password")}
            )

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        if response is not None:
            devices.remember(request, response, user)
        return response

    def failed_logins_key(self, request, credentials):
        login = (credentials.get("email") or credentials.get("username") or "").lower()
        return f"{login}|{address_block(self.get_client_ip(request))}"

    def pre_authenticate(self, request, **credentials):
        """allauth counts failed logins per client address over all accounts ("login_failed"); the
        portal adds a limit per account *from one address*: wrong passwords typed elsewhere do not
        lock the owner out (issue 25). Checked here, counted when a password is wrong."""
        super().pre_authenticate(request, **credentials)
        key = self.failed_logins_key(request, credentials)
        if not ratelimit.consume(request, action=LOGIN_FAILED_FROM_ADDRESS, key=key, dry_run=True):
            raise self.validation_error("too_many_login_attempts")

    def authentication_failed(self, request, **credentials):
        super().authentication_failed(request, **credentials)
        ratelimit.consume(request, action=LOGIN_FAILED_FROM_ADDRESS, key=self.failed_logins_key(request, credentials))

    def get_email_confirmation_url(self, request, emailconfirmation):
        """The page someone signed up for (`next`) rides along in the link: the mail is often
        opened in another browser than the one that signed up."""
        url = super().get_email_confirmation_url(request, emailconfirmation)
        target = request and (request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME))
        if target and target.startswith("/") and self.is_safe_url(target):
            return f"{url}?{urlencode({REDIRECT_FIELD_NAME: target})}"
        return url

    def get_login_redirect_url(self, request):
        url = start_url(request.user)
        language = getattr(request.user, "preferred_language", "")
        if language in dict(settings.LANGUAGES):
            return translate_url(url, language)
        return url


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator):
        # Staff whose role requires MFA must not switch it off again.
        if authenticator.type == Authenticator.Type.TOTP and requires_mfa(authenticator.user):
            return False
        return super().can_delete_authenticator(authenticator)
