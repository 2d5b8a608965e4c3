"""Permission checks for views: deny by default, on the server, for every request."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from rules.contrib.views import permission_required as rules_permission_required


def permission_required(permission, fn=None, refusal=None):
    """`rules`' view decorator for a permission (of the role table or an app's rules.py), with the
    portal's answers: anonymous visitors go to the login; accounts without the permission get 403,
    or the answer of `refusal(request)` (a 403 that tells them where they stand). `fn(request, *args,
    **kwargs)` returns the object an object permission is checked on."""

    def decorator(view):
        checked = rules_permission_required(permission, fn=fn, raise_exception=True)(view)

        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if refusal and not request.user.has_perm(permission):
                return refusal(request)
            return checked(request, *args, **kwargs)

        return wrapped

    return decorator
