"""Staff add their first second factor only with proof of their mailbox (issue 25, finding 1).

A password alone must not be enough to register an authenticator for an account whose role
requires one: whoever phished the password would register their own. So the forced set-up mails a
link to the account's verified primary address. The link is signed, names the account and the
address, is valid for `PORTAL_MFA_ENROLMENT_SECONDS` and is taken once; opening it (signed in as
that account) allows this session to use allauth's TOTP activation for the same time.
`portal.middleware.StaffAreaMiddleware` refuses the activation without that permission.
"""

import hashlib
import time

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core import signing
from django.core.cache import cache

from .roles import requires_mfa

SALT = "portal.mfa-enrolment"
SESSION_KEY = "portal_mfa_enrolment"


def has_totp(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def needs_mailbox_proof(user):
    """Accounts whose role requires a second factor and that have none yet."""
    return requires_mfa(user) and not has_totp(user)


def verified_address(user):
    """The address the link goes to: the account's verified primary address, else none."""
    address = EmailAddress.objects.filter(user=user, primary=True, verified=True).first()
    return address.email if address else None


def make_token(user, email, next_url=""):
    return signing.dumps({"u": user.pk, "e": email.lower(), "n": next_url}, salt=SALT)


def take_token(user, token):
    """The link's data if it is valid for this account now, signed, not expired, for the account's
    current address and not taken before; None otherwise. Taking it uses it up."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.PORTAL_MFA_ENROLMENT_SECONDS)
    except signing.BadSignature:  # SignatureExpired included
        return None
    address = verified_address(user)
    if data.get("u") != user.pk or not address or data.get("e") != address.lower():
        return None
    # Once only: the mark outlives the link. The shared cache (Redis) holds it across workers.
    digest = hashlib.sha256(token.encode()).hexdigest()
    if not cache.add(f"portal:mfa-enrolment-used:{digest}", True, settings.PORTAL_MFA_ENROLMENT_SECONDS):
        return None
    return data


def allow_enrolment(request):
    request.session[SESSION_KEY] = {
        "user": request.user.pk,
        "until": int(time.time()) + settings.PORTAL_MFA_ENROLMENT_SECONDS,
    }


def enrolment_allowed(request):
    granted = request.session.get(SESSION_KEY) or {}
    return granted.get("user") == request.user.pk and granted.get("until", 0) > time.time()


def end_enrolment(request):
    request.session.pop(SESSION_KEY, None)
