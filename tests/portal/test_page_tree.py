"""The page tree: where each page type may be created, as editors meet it in the CMS's "Add child page"."""

from django.apps import apps
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase


def page(label):
    return apps.get_model(label)


# Each page type → the page types it may be created under.
PARENTS = {
    "home.HomePage": {"wagtailcore.Page"},
    "home.StandardPage": {"home.HomePage", "home.StandardPage", "ehrenamt.MitmachenPage", "verein.VereinPage"},
    "home.LeichteSprachePage": {"home.HomePage", "home.LeichteSprachePage"},
    "home.GebaerdensprachePage": {"home.HomePage"},
    "home.BarrierefreiheitPage": {"home.HomePage"},
    "home.IntegrationsbegriffPage": {"home.HomePage"},
    "home.HandlungsfeldIndexPage": {"home.HomePage"},
    "home.HandlungsfeldPage": {"home.HandlungsfeldIndexPage"},
    "home.NewsIndexPage": {"home.HomePage"},
    "home.NewsArticlePage": {"home.NewsIndexPage"},
    "angebote.AngeboteIndexPage": {"home.HomePage"},
    "angebote.AngebotPage": {"angebote.AngeboteIndexPage"},
    "angebote.InfoblattPage": {"angebote.AngeboteIndexPage"},
    "angebote.BegegnungszentrumPage": {"home.HomePage"},
    "angebote.SozialhausmeisterPage": {"home.HomePage"},
    "veranstaltungen.VeranstaltungenIndexPage": {"home.HomePage"},
    "veranstaltungen.VeranstaltungPage": {"veranstaltungen.VeranstaltungenIndexPage"},
    "ehrenamt.MitmachenPage": {"home.HomePage"},
    "verein.VereinPage": {"home.HomePage"},
    "wohnraum.WohnraumPage": {"home.HomePage"},
    "stellen.StellenIndexPage": {"home.HomePage"},
    "stellen.StellenangebotPage": {"stellen.StellenIndexPage"},
    "beirat.BeiratPage": {"home.HomePage"},
    "beirat.EmpfehlungPage": {"beirat.BeiratPage"},
    "beirat.MonitorPage": {"beirat.BeiratPage"},
}


class PageTreeTests(WagtailPageTestCase):
    def test_every_page_type_is_in_the_table(self):
        portal_types = {model._meta.label for model in get_page_models() if model is not Page}
        portal_types.discard("portal.PortalPage")
        assert portal_types == set(PARENTS)

    def test_each_page_type_has_exactly_its_parents(self):
        for child, parents in PARENTS.items():
            with self.subTest(child=child):
                self.assertAllowedParentPageTypes(page(child), {page(parent) for parent in parents})

    def test_each_page_type_has_exactly_its_children(self):
        for parent in PARENTS:
            children = {page(child) for child, parents in PARENTS.items() if parent in parents}
            with self.subTest(parent=parent):
                self.assertAllowedSubpageTypes(page(parent), children)

    def test_what_editors_can_and_cannot_add(self):
        self.assertCanCreateAt(page("angebote.AngeboteIndexPage"), page("angebote.AngebotPage"))
        self.assertCanNotCreateAt(page("home.HomePage"), page("angebote.AngebotPage"))
        self.assertCanCreateAt(page("stellen.StellenIndexPage"), page("stellen.StellenangebotPage"))
        self.assertCanNotCreateAt(page("home.HomePage"), page("stellen.StellenangebotPage"))
        self.assertCanCreateAt(page("verein.VereinPage"), page("home.StandardPage"))
        self.assertCanNotCreateAt(page("wohnraum.WohnraumPage"), page("home.StandardPage"))
        self.assertCanNotCreateAt(page("beirat.BeiratPage"), page("veranstaltungen.VeranstaltungPage"))
        self.assertCanCreateAt(page("home.NewsIndexPage"), page("home.NewsArticlePage"))
