import json
import re
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe
from django.views.static import serve as static_serve
from wagtail import hooks
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.models import Page
from wagtail.views import serve_chain
from wagtail_localize.models import Translation

from . import cache as shared_cache
from . import mfa_enrolment as enrolment
from . import notifications, seo, translation_states
from .account_data import collect_account_data
from .emails import MFAEnrolmentLink
from .forms import DeleteAccountForm, ProfileForm
from .models import Mail
from .roles import ROLE_DESCRIPTIONS, requires_mfa, role_names
from .storage import media_has_room
from .translation import root_page_for


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("Your profile has been saved."))
        url = reverse("profile")
        response = redirect(translate_url(url, user.preferred_language) if user.preferred_language else url)
        if user.preferred_language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, user.preferred_language, samesite="Lax", secure=request.is_secure()
            )
        return response
    roles = [
        {"name": name, "description": ROLE_DESCRIPTIONS.get(name, "")} for name in sorted(role_names(request.user))
    ]
    return render(
        request,
        "portal/account/profile.html",
        {
            "form": form,
            "roles": roles,
            "mfa_required": requires_mfa(request.user),
            # Each area adds its links with the `portal_account_links` hook: fn(request) -> [{label, url}].
            "area_links": [link for fn in hooks.get_hooks("portal_account_links") for link in fn(request)],
        },
    )


@login_required
@never_cache
def download_account_data(request):
    data = collect_account_data(request.user)
    data["exported_at"] = timezone.now().isoformat()
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="meine-daten-integrationsportal.json"'
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        user.delete()
        messages.success(request, _("Your account and its data have been deleted."))
        return redirect("/")
    return render(request, "portal/account/delete.html", {"form": form})


def _safe_next(request, url):
    return url if url and url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=None) else ""


def _to_totp_activation(next_url):
    url = reverse("mfa_activate_totp")
    return redirect(f"{url}?{urlencode({'next': next_url})}" if next_url else url)


@login_required
@never_cache
def mfa_enrolment(request):
    """The forced set-up of a second factor: a staff account without one gets a link mailed to its
    verified address and sets up its authenticator app from there (portal/mfa_enrolment.py)."""
    user = request.user
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if enrolment.has_totp(user):
        return redirect("mfa_index")
    if not enrolment.needs_mailbox_proof(user) or enrolment.enrolment_allowed(request):
        return _to_totp_activation(next_url)
    address = enrolment.verified_address(user)
    if request.method == "POST" and address:
        # One mail a minute: a password alone must not flood the owner's mailbox.
        if cache.add(f"portal:mfa-enrolment-sent:{user.pk}", True, 60):
            token = enrolment.make_token(user, address, next_url)
            minutes = settings.PORTAL_MFA_ENROLMENT_SECONDS // 60
            language = notifications.language_or_default(user.preferred_language or get_language())
            recipient = notifications.Recipient(address, language, user)
            MFAEnrolmentLink(recipient, token=token, minutes=minutes).send()
            # The address is isolated (FSI … PDI): it keeps its direction inside an Arabic or Persian sentence.
            messages.success(request, _("We have sent the link to %(email)s.") % {"email": f"\u2068{address}\u2069"})
        else:
            messages.info(request, _("A link was sent less than a minute ago. Please check your inbox."))
        query = f"?{urlencode({'next': next_url})}" if next_url else ""
        return redirect(reverse("mfa_enrolment") + query)
    return render(
        request,
        "portal/account/mfa_enrolment.html",
        {"address": address, "next": next_url, "minutes": settings.PORTAL_MFA_ENROLMENT_SECONDS // 60},
    )


@login_required
@never_cache
def mfa_enrolment_confirm(request, token):
    """The mailed link: allows this session to set up the second factor, once, for a short time."""
    if enrolment.has_totp(request.user):
        return redirect("mfa_index")
    data = enrolment.take_token(request.user, token)
    if data is None:
        messages.error(
            request,
            _("This link is invalid, expired or already used, or belongs to another account. Request a new one."),
        )
        return redirect("mfa_enrolment")
    enrolment.allow_enrolment(request)
    return _to_totp_activation(_safe_next(request, data.get("n")))


def not_found(request, *args, **kwargs):
    raise Http404


@require_safe
@never_cache
def healthz(request):
    """Liveness: the database answers (else 503 "unavailable"); the cache too (else 200 "degraded":
    the site serves without it, see portal/cache.py), and MEDIA_ROOT takes a file and has room (else
    "degraded": uploads would fail, portal.storage.media_has_room). Says nothing else."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        return JsonResponse({"status": "unavailable"}, status=503)
    healthy = shared_cache.is_available() and media_has_room()
    return JsonResponse({"status": "ok" if healthy else "degraded"})


# The icons browsers and phones ask for at the site's root (portal/management/commands/make_icons.py).
ROOT_ICONS = {"favicon.ico": "image/x-icon", "apple-touch-icon.png": "image/png"}
ICON_FOLDER = Path(__file__).resolve().parent / "static" / "portal" / "icons"
ICON_SECONDS = 60 * 60 * 24 * 7  # the URL never changes: a week, so that a new icon arrives


@require_safe
def root_icon(request, name):
    response = HttpResponse((ICON_FOLDER / name).read_bytes(), content_type=ROOT_ICONS[name])
    patch_cache_control(response, public=True, max_age=ICON_SECONDS)
    return response


@require_safe
def robots_txt(request):
    """No private prefix is named here: a list of them would be a map for whoever looks for the staff
    areas, and they keep crawlers out themselves (a crawler gets the login, which says noindex)."""
    lines = [
        "User-agent: *",
        "Disallow: /documents/",
        f"Sitemap: {seo.absolute('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def serve_document(request, document_id, document_filename):
    """Wagtail serves the document and checks its collection's restriction; caches never keep a restricted one.
    Documents are stored under random names (portal.storage): a download is named after the title."""
    response = wagtail_serve_document(request, document_id, document_filename)
    document = get_document_model().objects.filter(pk=document_id).select_related("collection").first()
    if document is not None and document.collection.get_view_restrictions().exists():
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    if document is not None and response.status_code == 200:
        response["Content-Disposition"] = content_disposition_header(
            document.content_disposition != "inline", download_name(document)
        )
    return response


def download_name(document):
    """The document's title as a file name, with the extension of the stored file."""
    name = re.sub(r"[\x00-\x1f\x7f/\\]+", " ", document.title).strip()[:150] or "document"
    extension = document.file_extension.lower()
    if extension and not name.lower().endswith(f".{extension}"):
        name = f"{name}.{extension}"
    return name


# Development only (DEBUG): the media folders with public files. Every other file (documents, CVs,
# photos) is served by a permission-checked view, in production as in development.
DEV_MEDIA_FOLDERS = ("images", "original_images", "media")


def dev_media(request, path):
    """A public media file for the development server; a path that leads outside the public media
    folders (`..`, encoded or not, or a link) is answered with 404."""
    root = Path(settings.MEDIA_ROOT).resolve()
    target = (root / path).resolve()
    if not any(target.is_relative_to((root / folder).resolve()) for folder in DEV_MEDIA_FOLDERS):
        raise Http404
    return static_serve(request, target.relative_to(root).as_posix(), document_root=root)


class MailsNotSent(ReportView):
    """CMS → Reports: mails still waiting or given up on; administrators may send a failed one again."""

    page_title = gettext_lazy("Mails not sent")
    header_icon = "mail"
    index_url_name = "portal_mails"
    index_results_url_name = "portal_mails_results"
    results_template_name = "portal/admin/mails_results.html"
    list_export = []

    def get_queryset(self):
        return Mail.objects.exclude(status=Mail.Status.SENT).defer("message")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:  # addresses and subjects are personal data
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


@require_POST
def send_mail_again(request, pk):
    if not request.user.is_superuser:
        raise PermissionDenied
    notifications.send_again(get_object_or_404(Mail, pk=pk, status=Mail.Status.FAILED))
    messages.success(request, _("The mail is being sent again."))
    return redirect("portal_mails")


def serve_page(request, path):
    """Wagtail's page view (`wagtail.views.serve`: the same routing and the same `on_serve_page` and
    `before_serve_page` hooks), starting from the site's root page in the reader's language as kept
    until public content changes: Wagtail looks up the site, the locale, the root page's translation
    and its specific type on every request."""
    root = root_page_for(request)
    if root is None:
        raise Http404
    page, args, kwargs = root.route(request, [component for component in path.split("/") if component])

    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)


def _editor_only(request):
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied


def translation_coverage(request):
    """CMS: how far the pages and snippets are translated into each language, and what to do next."""
    _editor_only(request)
    rows, todo = translation_states.coverage()
    return render(
        request,
        "portal/admin/translation_coverage.html",
        {
            "rows": rows,
            "states": list(translation_states.Stand),
            "outdated": todo[translation_states.Stand.VERALTET],
            "machine_drafts": todo[translation_states.Stand.MASCHINELL],
        },
    )


@require_POST
def review_machine_translation(request, translation_id):
    """An editor has read the machine draft against the German text: the strings count as checked."""
    _editor_only(request)
    translation = get_object_or_404(Translation, pk=translation_id)
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    if isinstance(target, Page):
        allowed = target.permissions_for_user(request.user).can_edit()
    else:
        allowed = request.user.has_perm(f"{target._meta.app_label}.change_{target._meta.model_name}")
    if not allowed:
        raise PermissionDenied
    checked = translation_states.review(translation, request.user)
    messages.success(
        request,
        ngettext(
            "“%(title)s”: %(count)d machine-translated text checked.",
            "“%(title)s”: %(count)d machine-translated texts checked.",
            checked,
        )
        % {"title": str(target), "count": checked},
    )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("portal_translation_coverage")
    return redirect(next_url)
