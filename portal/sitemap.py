"""sitemap.xml: every live, public page of the site in every language it is published in, on the
portal's public address, each with its translations as `xhtml:link` alternates (portal/seo.py).

One sitemap for all languages: the site has a few hundred pages, far below the 50,000 URLs a sitemap
may hold. A non-German address that shows the German original is not listed (its canonical is the
German page); pages behind a view restriction are not public and not listed."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .models import public_pages


class PortalSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
        below = Q(pk__in=[])
        for path in roots:
            below |= Q(path__startswith=path)
        return public_pages().filter(below).order_by("path").defer_streamfields().specific()


SITEMAPS = {"pages": PortalSitemap}
