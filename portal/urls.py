from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path, reverse
from django.views.generic import RedirectView
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from angebote import urls as angebote_urls
from ehrenamt import urls as ehrenamt_urls
from home.views import public as home_views
from patenschaften import urls as patenschaften_urls

from . import views
from .sitemap import SITEMAPS


class ToAccountLogin(RedirectView):
    """The CMS has no login of its own: allauth applies rate limits and MFA."""

    query_string = True

    def get_redirect_url(self, *args, **kwargs):
        self.url = reverse("account_login")
        return super().get_redirect_url(*args, **kwargs)


urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.root_icon, {"name": "favicon.ico"}, name="favicon"),
    path("apple-touch-icon.png", views.root_icon, {"name": "apple-touch-icon.png"}, name="apple_touch_icon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("cms/login/", ToAccountLogin.as_view(), name="cms_login"),
    # Wagtail's own front-end login would bypass allauth: its name points to allauth instead.
    path("login/", ToAccountLogin.as_view(), name="wagtailcore_login"),
    # Shared-password restrictions are switched off, so their password form is not served.
    path("documents/authenticate_with_password/<int:restriction_id>/", views.not_found, name="no_shared_passwords"),
    path("cms/", include(wagtailadmin_urls)),
    # Wagtail's document view, with restricted documents marked as private for caches.
    re_path(r"^documents/(\d+)/(.*)$", views.serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("konto/", include("portal.account_urls")),
    path("suche/", home_views.search, name="search"),
    path("offene-daten/", include("opendaten.urls")),
    path("ehrenamt/", include(angebote_urls.ehrenamt_urlpatterns)),
    path("ehrenamt/", include(ehrenamt_urls)),
    path("ehrenamt/", include(patenschaften_urls)),
    path("verein/mitglieder/", include("verein.urls")),
    path("beirat/intern/", include("beirat.urls")),
    path("intern/", include("intern.urls")),
    path("intern/wohnraum/", include("wohnraum.urls")),
    path("intern/", include(angebote_urls.intern_urlpatterns)),
    path("intern/", include((patenschaften_urls.intern_urlpatterns, "patenschaften_intern"))),
    # Wagtail's page view, from the kept root page (portal.views.serve_page); PortalPage.route falls
    # back to the German page where a translation is missing.
    re_path(r"^((?:[\w\-]+/)*)$", views.serve_page, name="wagtail_serve"),
    prefix_default_language=True,
)

if settings.DEBUG:
    # Images and public videos only (views.dev_media refuses every other path): documents are always
    # served through the permission-checked view.
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", views.dev_media)]
