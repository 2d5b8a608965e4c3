"""Role checks for views: deny by default, on the server, for every request."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from .roles import has_role


def role_required(*roles, refusal=None):
    """Anonymous visitors go to the login; accounts without one of the roles get 403, or the
    answer of `refusal(request)` (a 403 that tells them where they stand)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not (request.user.is_superuser or has_role(request.user, *roles)):
                if refusal:
                    return refusal(request)
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
