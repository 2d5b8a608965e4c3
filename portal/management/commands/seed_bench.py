"""The benchmark's data volume on top of the demo content (`make bench`; never in production)."""

import datetime

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.signal_handlers import post_save_signal_handler

from angebote.models import AngeboteIndexPage, AngebotPage, Lebensbereich, Sprache
from ehrenamt.models import Ehrenamtsprofil, Einsatz, Schicht
from home.models import NewsArticlePage, NewsIndexPage
from intern.faelle.models import Fall
from portal import roles
from portal import search as site_search
from portal.demo import demo_email
from portal.models import User
from veranstaltungen import recurrence
from veranstaltungen.models import Kategorie, VeranstaltungenIndexPage, VeranstaltungPage
from verein.models import Mitglied

PREFIX = "Bench"
VOLUME = {
    "events": 2000,
    "recurring": 100,
    "offers": 300,
    "news": 200,
    "volunteers": 500,
    "shifts": 1000,
    "cases": 2000,
    "members": 500,
}


class Command(BaseCommand):
    help = "Add the benchmark's volume (2,000 events, 300 offers, …) to the demo site. Idempotent."

    def handle(self, *args, **options):
        if getattr(settings, "PORTAL_ENVIRONMENT", "production") == "production":
            raise CommandError("seed_bench refuses to run under production settings.")
        if not VeranstaltungenIndexPage.objects.exists():
            call_command("seed_demo", stdout=self.stdout)
        self.german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        self.now = timezone.localtime().replace(minute=0, second=0, microsecond=0)
        for name in ("events", "offers", "news", "volunteers", "shifts", "cases", "members"):
            with transaction.atomic():
                created = getattr(self, f"seed_{name}")()
            self.stdout.write(f"{name}: {created} added")
        if connection.vendor == "postgresql":
            # A running PostgreSQL has statistics of its tables (autovacuum); right after bulk inserts
            # there are none yet, and the planner would take tables of thousands of rows for empty ones.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def _pages(self, parent_model, page_model, total, build):
        """`total` bench pages below the German parent, added as child pages and indexed in one batch."""
        parent = parent_model.objects.get(locale=self.german)
        existing = page_model.objects.child_of(parent).filter(title__startswith=PREFIX).count()
        added = []
        # One index update for the batch instead of one per save (slow on PostgreSQL).
        post_save.disconnect(post_save_signal_handler, sender=page_model)
        try:
            for number in range(existing, total):
                page = build(number)
                page.locale = self.german
                parent.add_child(instance=page)
                added.append(page)
                parent.refresh_from_db(fields=["numchild", "path", "depth"])
        finally:
            post_save.connect(post_save_signal_handler, sender=page_model)
        return added

    def seed_events(self):
        kategorien = list(Kategorie.objects.all())
        every = VOLUME["events"] // VOLUME["recurring"]

        def build(number):
            beginn = self.now + datetime.timedelta(days=number % 120, hours=(number % 5) * 2 - 4)
            recurring = number % every == 0
            return VeranstaltungPage(
                title=f"{PREFIX}-Veranstaltung {number}",
                slug=f"bench-veranstaltung-{number}",
                teaser="Eine Veranstaltung für den Lasttest.",
                beginn=beginn,
                ende=beginn + datetime.timedelta(minutes=90),
                wiederholung=recurrence.WEEKLY if recurring else "",
                anzahl=12 if recurring else None,
            )

        pages = self._pages(VeranstaltungenIndexPage, VeranstaltungPage, VOLUME["events"], build)
        for number, page in enumerate(pages):
            page.kategorien.set([kategorien[number % len(kategorien)]])
        return self._indexed(pages)

    def seed_offers(self):
        bereiche = list(Lebensbereich.objects.all())
        sprachen = list(Sprache.objects.all())

        def build(number):
            return AngebotPage(
                title=f"{PREFIX}-Angebot {number}",
                slug=f"bench-angebot-{number}",
                traeger="Beispielträger (Lasttest)",
                kurzbeschreibung="Beratung für den Lasttest.",
                angebot="<p>Beratung und Begleitung.</p>",
                fuer_gestattung=number % 2 == 0,
                fuer_duldung=number % 3 == 0,
                fuer_anerkennung=True,
            )

        pages = self._pages(AngeboteIndexPage, AngebotPage, VOLUME["offers"], build)
        for number, page in enumerate(pages):
            page.lebensbereiche.set([bereiche[number % len(bereiche)], bereiche[(number + 3) % len(bereiche)]])
            page.sprachen.set([sprachen[number % len(sprachen)], sprachen[0]])
        return self._indexed(pages)

    def seed_news(self):
        def build(number):
            return NewsArticlePage(
                title=f"{PREFIX}-Meldung {number}",
                slug=f"bench-meldung-{number}",
                date=timezone.localdate() - datetime.timedelta(days=number + 30),
                intro="Eine Meldung für den Lasttest.",
            )

        return self._indexed(self._pages(NewsIndexPage, NewsArticlePage, VOLUME["news"], build))

    @staticmethod
    def _indexed(pages):
        if pages:
            get_search_backend().add_bulk(type(pages[0]), pages)
            # The site search indexed each page on save; again now that areas and languages are set.
            site_search.index_pages(pages)
        return len(pages)

    def seed_volunteers(self):
        existing = User.objects.filter(email__startswith="bench-freiwillige-").count()
        password = make_password(None)
        users = User.objects.bulk_create(
            [
                User(email=f"bench-freiwillige-{n}@example.org", first_name="Bench", last_name=f"Freiwillige {n}")
                for n in range(existing, VOLUME["volunteers"])
            ]
        )
        for user in users:
            user.password = password
        User.objects.bulk_update(users, ["password"])
        Group.objects.get(name=roles.EHRENAMT).user_set.add(*users)
        Ehrenamtsprofil.objects.bulk_create(
            [
                Ehrenamtsprofil(
                    user=user,
                    sprachen=["de"],
                    bereiche=["begegnungscafe"],
                    einwilligung_am=timezone.now(),
                    status=Ehrenamtsprofil.Status.FREIGEGEBEN,
                )
                for user in users
            ]
        )
        return len(users)

    def seed_shifts(self):
        existing = Schicht.objects.filter(titel__startswith=PREFIX).count()
        shifts = Schicht.objects.bulk_create(
            [
                Schicht(
                    bereich="begegnungscafe",
                    titel=f"{PREFIX}-Schicht {n}",
                    beginn=self.now + datetime.timedelta(hours=6 * n + 24),
                    ende=self.now + datetime.timedelta(hours=6 * n + 26),
                    ort="Begegnungszentrum",
                    kapazitaet=3,
                )
                for n in range(existing, VOLUME["shifts"])
            ]
        )
        profiles = list(User.objects.filter(email__startswith="bench-freiwillige-").order_by("pk")[:200])
        Einsatz.objects.bulk_create(
            [
                Einsatz(schicht=shift, freiwillige=profiles[n % len(profiles)], status="bestaetigt")
                for n, shift in enumerate(shifts)
                if profiles and n % 2 == 0
            ],
            ignore_conflicts=True,
        )
        return len(shifts)

    def seed_cases(self):
        existing = Fall.objects.filter(pseudonym__startswith=PREFIX).count()
        year = timezone.localdate().year
        cases = Fall.objects.bulk_create(
            [
                Fall(
                    nummer=f"B{year}-{n:05d}",
                    pseudonym=f"{PREFIX}-Haushalt {n}",
                    zugewiesen_am=timezone.localdate() - datetime.timedelta(days=n % 700),
                )
                for n in range(existing, VOLUME["cases"])
            ]
        )
        worker = User.objects.filter(email=demo_email(roles.INTEGRATIONSMANAGEMENT)).first()
        if worker is not None:
            Fall.bearbeitende.through.objects.bulk_create(
                [Fall.bearbeitende.through(fall=case, user=worker) for case in cases]
            )
        return len(cases)

    def seed_members(self):
        existing = Mitglied.objects.filter(nachname__startswith=PREFIX).count()
        members = Mitglied.objects.bulk_create(
            [
                Mitglied(
                    mitgliedsnummer=90000 + n,
                    vorname="Lena",
                    nachname=f"{PREFIX}-Mitglied {n}",
                    strasse="Marktstraße 1",
                    plz="73207",
                    ort="Plochingen",
                    email=f"bench-mitglied-{n}@example.org",
                    geburtsdatum=datetime.date(1980, 1, 1) + datetime.timedelta(days=n),
                    art="ordentlich",
                    status="aktiv",
                    eintritt=datetime.date(2024, 1, 1),
                    einwilligung_am=timezone.now(),
                )
                for n in range(existing, VOLUME["members"])
            ]
        )
        return len(members)
