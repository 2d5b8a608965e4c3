from django.core.exceptions import PermissionDenied
from wagtail import hooks


def _denied(restrictions, request):
    """`restrictions` is called only for signed-in visitors: the anonymous are sent to the login by Wagtail."""
    return request.user.is_authenticated and any(not r.accept_request(request) for r in restrictions())


# Wagtail sends every refused visitor to the login page; a signed-in account without the
# group would loop there. Deny by default: such accounts get 403 instead.
@hooks.register("before_serve_page", order=-1)
def refuse_signed_in_without_access_to_page(page, request, serve_args, serve_kwargs):
    if _denied(page.get_view_restrictions, request):
        raise PermissionDenied


@hooks.register("before_serve_document", order=-1)
def refuse_signed_in_without_access_to_document(document, request):
    if _denied(document.collection.get_view_restrictions, request):
        raise PermissionDenied
