"""Signed-in sessions for the benchmark's demo volunteer and case worker (printed as JSON).

Made as allauth records a login with password and TOTP, so the load test needs no login form.
"""

import json
import time
from importlib import import_module

import django

django.setup()

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY  # noqa: E402
from allauth.account.internal.flows.login import _AUTHENTICATION_METHODS_USER_SESSION_KEY  # noqa: E402
from allauth.account.internal.userkit import user_id_to_str  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402

from portal import roles  # noqa: E402
from portal.demo import demo_email  # noqa: E402
from portal.models import User  # noqa: E402


def session_for(user):
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time(), "email": user.email},
        {"method": "mfa", "at": time.time(), "type": "totp"},
    ]
    store[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)
    store.save()
    return store.session_key


print(
    json.dumps(
        {
            role: session_for(User.objects.get(email=demo_email(role)))
            for role in (roles.EHRENAMT, roles.INTEGRATIONSMANAGEMENT)
        }
    )
)
