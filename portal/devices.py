"""Known browsers: a long-lived signed cookie remembers which accounts signed in on this browser,
so that a sign-in anywhere else tells the account's owner by mail (portal.adapters, issue 25).

The cookie holds no account ids, only a keyed hash per account, and nothing is stored on the server.
"""

from django.conf import settings
from django.utils.crypto import salted_hmac

COOKIE = "portal_geraet"
SALT = "portal.devices"
# Browsers keep a cookie for at most 400 days.
MAX_AGE = 400 * 24 * 60 * 60
# Accounts remembered per browser (a shared family computer, a counter in the town hall).
MAX_ACCOUNTS = 10


def _token(user):
    return salted_hmac(SALT, str(user.pk)).hexdigest()[:32]


def _tokens(request):
    value = request.get_signed_cookie(COOKIE, default="", salt=SALT, max_age=MAX_AGE)
    return [token for token in value.split(",") if token]


def known(request, user):
    """Has this account signed in on this browser before?"""
    return _token(user) in _tokens(request)


def remember(request, response, user):
    """Remember the account on this browser, newest first."""
    token = _token(user)
    tokens = [token, *(other for other in _tokens(request) if other != token)][:MAX_ACCOUNTS]
    response.set_signed_cookie(
        COOKIE,
        ",".join(tokens),
        salt=SALT,
        max_age=MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
