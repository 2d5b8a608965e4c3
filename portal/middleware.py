"""Gatekeeper for the staff areas: the CMS and everything under /{lang}/intern/."""

import re
import secrets
import time

from allauth.account.authentication import get_authentication_records
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .mfa_enrolment import enrolment_allowed, has_totp, needs_mailbox_proof
from .roles import requires_mfa

STAFF_AREA = re.compile(r"^/(cms|[a-z]{2}/intern)(/|$)")
CMS_LOGIN_PATHS = re.compile(r"^/cms/(login|logout|password_reset)/")
CMS_BACKGROUND_PATHS = re.compile(r"^/cms/editing-sessions/ping/")
INTERN_LAST_SEEN = "portal_intern_last_seen"
# The last request is recorded to the minute, so an idle session may end up to a minute early.
INTERN_SEEN_GRANULARITY = 60


def mark_staff_activity(request, now=None):
    """Someone is there: the staff areas' idle time starts again (also on signing in, portal.signals)."""
    request.session[INTERN_LAST_SEEN] = int(time.time()) if now is None else now


def session_passed_mfa(request):
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, request.user))


class StaffAreaMiddleware:
    """Deny by default: staff areas need an account with the right role and, where
    the role demands it, a TOTP device that was used in this session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if STAFF_AREA.match(path) and not CMS_LOGIN_PATHS.match(path):
            response = self.check(request, path)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request, path):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if self.idle_too_long(request):
            logout(request)
            messages.info(request, _("You were signed out after a period of inactivity. Please sign in again."))
            return redirect_to_login(request.get_full_path())
        if path.startswith("/cms"):
            if not user.has_perm("wagtailadmin.access_admin"):
                raise PermissionDenied
        elif not user.has_perm("portal.use_intern_area"):
            raise PermissionDenied
        if requires_mfa(user):
            next_query = urlencode({"next": request.get_full_path()})
            if not has_totp(user):
                messages.warning(
                    request,
                    _("Your role requires two-factor authentication. Please set it up to continue."),
                )
                return redirect(f"{reverse('mfa_enrolment')}?{next_query}")
            if not session_passed_mfa(request):
                return redirect(f"{reverse('mfa_reauthenticate')}?{next_query}")
        return None

    def process_view(self, request, view_func, view_args, view_kwargs):
        """An account whose role requires a second factor and has none adds it only after opening
        the link mailed to its address (portal/mfa_enrolment.py); until then it cannot change its
        addresses either, which would let the link go elsewhere."""
        match = request.resolver_match
        name = match.url_name if match and not match.namespace else None
        guarded = name == "mfa_activate_totp" or (name == "account_email" and request.method == "POST")
        user = request.user
        if guarded and user.is_authenticated and needs_mailbox_proof(user) and not enrolment_allowed(request):
            query = f"?{urlencode({'next': request.GET['next']})}" if request.GET.get("next") else ""
            return redirect(reverse("mfa_enrolment") + query)
        return None

    @staticmethod
    def idle_too_long(request):
        """Staff sessions end after PORTAL_INTERN_SESSION_IDLE seconds without a request in the staff
        areas, /intern/ and the CMS alike. The CMS's editing-session pings (sent every few seconds
        while an edit view is open) are no sign of anyone there: they do not count as activity."""
        now = int(time.time())
        last = request.session.get(INTERN_LAST_SEEN)
        if CMS_BACKGROUND_PATHS.match(request.path_info):
            return last is not None and now - last > settings.PORTAL_INTERN_SESSION_IDLE
        if last is None or now - last >= INTERN_SEEN_GRANULARITY:
            # Not on every request: a session write per page would be most of a page's cost.
            mark_staff_activity(request, now)
        return last is not None and now - last > settings.PORTAL_INTERN_SESSION_IDLE


PUBLIC_POLICY = (
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'nonce-{nonce}'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
)
# The Wagtail admin runs inline scripts and styles and shows previews in a frame of its own.
CMS_POLICY = (
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors {frame_ancestors}",
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    """A Content-Security-Policy on every HTML response (strict on the site, relaxed only for the
    CMS) and a Permissions-Policy. Inline styles on the site need the request's nonce."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(16)
        response = self.get_response(request)
        # HTML only: a policy on a PDF would also bind the browser's built-in PDF viewer.
        is_html = response.get("Content-Type", "").startswith("text/html")
        if is_html and "Content-Security-Policy" not in response:
            policy = CMS_POLICY if request.path_info.startswith("/cms") else PUBLIC_POLICY
            # Only the CMS's previews are shown in a frame, by the CMS itself.
            frame_ancestors = "'self'" if "/preview" in request.path_info else "'none'"
            response["Content-Security-Policy"] = "; ".join(policy).format(
                nonce=request.csp_nonce, frame_ancestors=frame_ancestors
            )
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
