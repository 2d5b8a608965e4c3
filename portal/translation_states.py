"""How far each German page and snippet is translated into each language: the Redaktion's states.

German is the source. For each German page or snippet and each other language the state is one of:

- missing: there is no translation;
- in translation: a translation was started and never published (the public reads the German page);
- machine draft: strings of the translation come from the machine translator and no editor has
  checked them yet (`review`); if such a translation is published, its page says so;
- up to date: published, checked, made from the current German text;
- outdated: published, but the German text was changed after the translation was made from it
  (`record_text_change`), the translation was brought up to date ("Sync translated pages") and not
  published since, or strings of the current German text have no translation (the page shows them
  in German); the public page says so.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.signals import page_published as page_signal
from wagtail.signals import published
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import RelatedObjectSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from .models import Quelltextstand, TranslatableSnippet, public_pages
from .pagecache import invalidate, kept
from .translation import default_locale_id, language_of, locale_codes

REVIEW_ACTION = "portal.translation_reviewed"
logger = logging.getLogger(__name__)


class Stand(models.TextChoices):
    FEHLT = "fehlt", _("missing")
    IN_ARBEIT = "in-arbeit", _("in translation")
    MASCHINELL = "maschinell", _("machine draft")
    VERALTET = "veraltet", _("outdated")
    AKTUELL = "aktuell", _("up to date")


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def translatable_snippet_models():
    return [model for model in apps.get_models() if issubclass(model, TranslatableSnippet)]


def _base_model(model):
    return Page if issubclass(model, Page) else model


# --- Changes of the German text ------------------------------------------------------------------


def _texts(instance):
    """What translators translate in `instance`: its strings and the snippets it refers to."""
    found = set()
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            found.add((segment.path, segment.string.data))
        elif isinstance(segment, RelatedObjectSegmentValue):
            found.add((segment.path, str(segment.translation_key)))
    return found


def record_text_change(instance):
    """Called when a German page or snippet is published: if its text differs from the text its
    translations were made from, they are outdated from now on (until synced and published)."""
    if language_of(instance) != settings.LANGUAGE_CODE:
        return
    if isinstance(instance, Page):
        instance = instance.specific
    source = TranslationSource.objects.filter(object_id=instance.translation_key, locale_id=instance.locale_id).first()
    if source is None:
        return  # never translated: nothing to mark
    if _texts(instance) == _texts(source.as_instance()):
        # Back to the text the translations were made from (or a change of synchronised fields only).
        Quelltextstand.objects.filter(translation_key=instance.translation_key).delete()
    else:
        Quelltextstand.objects.update_or_create(
            translation_key=instance.translation_key, defaults={"geaendert_am": timezone.now()}
        )


def _record_safely(instance):
    # The mark must never stop a publication: a failure is logged, the translations keep their state.
    try:
        record_text_change(instance)
    except Exception:  # noqa: BLE001
        logger.exception("Could not compare the German text of %r with its translations' source", instance)


def page_published(sender, instance, **kwargs):
    _record_safely(instance)


def snippet_published(sender, instance, **kwargs):
    if isinstance(instance, TranslatableSnippet):
        _record_safely(instance)


def connect():
    page_signal.connect(page_published, dispatch_uid="translation-states-page")
    published.connect(snippet_published, dispatch_uid="translation-states-snippet")


# --- States ---------------------------------------------------------------------------------------


def _decide(target, synced_at, changed_at, machine, incomplete):
    if target is None:
        return Stand.FEHLT
    live, published_at = target
    if not live:
        return Stand.MASCHINELL if machine else Stand.IN_ARBEIT
    if synced_at is not None:
        outdated = (
            incomplete
            or (changed_at is not None and changed_at > synced_at)
            or (published_at is not None and published_at < synced_at)
        )
    else:
        outdated = changed_at is not None and published_at is not None and changed_at > published_at
    if outdated:
        return Stand.VERALTET
    return Stand.MASCHINELL if machine else Stand.AKTUELL


def _in_current_text(german_id):
    """Translations of strings that the German text (as last taken over) still contains."""
    return Exists(
        StringSegment.objects.filter(
            source__object_id=OuterRef("context__object_id"),
            source__locale_id=german_id,
            string_id=OuterRef("translation_of_id"),
            context_id=OuterRef("context_id"),
        )
    )


def machine_strings(keys, german_id):
    """Machine-translated strings no editor has checked, of the current German texts of `keys`."""
    return StringTranslation.objects.filter(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE, context__object_id__in=keys
    ).filter(_in_current_text(german_id))


def states(originals, languages=None, targets=None):
    """{(translation key, language): Stand} for pages or snippets of one model (German originals, or
    any of their translations: the key counts), in two queries however many there are; one where
    `targets` gives {(key, language): (live, last published)} of the translations already."""
    originals = list(originals)
    if not originals:
        return {}
    languages = languages or target_languages()
    model = _base_model(type(originals[0]))
    keys = [o.translation_key for o in originals]
    codes = locale_codes()
    german = default_locale_id()
    if targets is None:
        targets = {
            (key, codes.get(locale_id)): (live, published_at)
            for key, locale_id, live, published_at in model.objects.filter(translation_key__in=keys)
            .exclude(locale_id=german)
            .values_list("translation_key", "locale_id", "live", "last_published_at")
        }

    # Translations made in wagtail-localize's editor: when the German text was taken over ("synced")
    # and changed since. Those still edited there (enabled) must have every current string translated.
    def count(queryset, group_by):
        return Coalesce(Subquery(queryset.order_by().values(group_by).annotate(n=Count("pk")).values("n")), 0)

    strings = StringTranslation.objects.filter(
        context__object_id=OuterRef("source__object_id"), locale_id=OuterRef("target_locale_id")
    ).filter(_in_current_text(german))
    rows = (
        Translation.objects.filter(source__object_id__in=keys, source__locale_id=german)
        .annotate(
            changed_at=Subquery(
                Quelltextstand.objects.filter(translation_key=OuterRef("source__object_id")).values("geaendert_am")[:1]
            ),
            segments=count(StringSegment.objects.filter(source_id=OuterRef("source_id")), "source_id"),
            translated=count(strings, "locale_id"),
            by_machine=count(strings.filter(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE), "locale_id"),
        )
        .values_list(
            "source__object_id",
            "target_locale_id",
            "enabled",
            "source__last_updated_at",
            "changed_at",
            "segments",
            "translated",
            "by_machine",
        )
    )
    synced, incomplete, machine = {}, set(), set()
    for key, locale_id, enabled, synced_at, changed_at, segments, translated, by_machine in rows:
        synced[key] = (synced_at, changed_at)
        if enabled and translated < segments:
            incomplete.add((key, codes.get(locale_id)))
        if enabled and by_machine:
            machine.add((key, codes.get(locale_id)))
    result = {}
    for key in keys:
        synced_at, changed_at = synced.get(key, (None, None))
        for language in languages:
            result[key, language] = _decide(
                targets.get((key, language)),
                synced_at,
                changed_at,
                (key, language) in machine,
                (key, language) in incomplete,
            )
    return result


def state_of_translation(obj):
    """The state of a translated page or snippet (None for a German one), kept until public
    content changes (publishing and reviews start a new generation)."""
    language = language_of(obj)
    if language == settings.LANGUAGE_CODE:
        return None

    def compute():
        target = {(obj.translation_key, language): (obj.live, obj.last_published_at)}
        return str(states([obj], [language], target)[obj.translation_key, language])

    value = kept(f"translation-state:{obj.translation_key}:{language}", compute)
    return Stand(value) if value else None


def _edit_url(model, pk):
    if issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[pk])
    return reverse(model.snippet_viewset.get_url_name("edit"), args=[pk])


def _translate_url(original):
    if isinstance(original, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[original.pk])
    meta = original._meta
    return reverse("wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, original.pk])


@dataclass
class Zustand:
    """The state of one German page or snippet in one language, and where an editor continues."""

    language: str
    stand: Stand
    url: str
    translation_id: int | None = None

    @property
    def name(self):
        return get_language_info(self.language)["name_translated"]


def zustaende(originals, languages=None):
    """{translation key: [Zustand per language]} for German pages or snippets of one model: the link
    starts a missing translation, brings an outdated one up to date, else edits the translation."""
    originals = list(originals)
    if not originals:
        return {}
    languages = languages or target_languages()
    found = states(originals, languages)
    model = _base_model(type(originals[0]))
    keys = [o.translation_key for o in originals]
    codes = locale_codes()
    german = default_locale_id()
    target_ids = {
        (key, codes.get(locale_id)): pk
        for key, locale_id, pk in model.objects.filter(translation_key__in=keys)
        .exclude(locale_id=german)
        .values_list("translation_key", "locale_id", "pk")
    }
    translations = {
        (key, code): (pk, source_id)
        for key, code, pk, source_id in Translation.objects.filter(
            source__object_id__in=keys, source__locale_id=german
        ).values_list("source__object_id", "target_locale__language_code", "pk", "source_id")
    }
    result = {}
    for original in originals:
        key = original.translation_key
        row = []
        for language in languages:
            stand = found[key, language]
            translation_id, source_id = translations.get((key, language), (None, None))
            if stand == Stand.FEHLT:
                url = _translate_url(original)
            elif stand == Stand.VERALTET and source_id is not None:
                url = reverse("wagtail_localize:update_translations", args=[source_id])
            else:
                url = _edit_url(model, target_ids[key, language])
            row.append(Zustand(language, stand, url, translation_id))
        result[key] = row
    return result


# --- Coverage -------------------------------------------------------------------------------------


def german_pages():
    """The live German pages anyone may read (restricted sections such as the Beirat's are not
    counted: their readers share the German text, and their titles are not the Redaktion's)."""
    return public_pages().filter(locale_id=default_locale_id(), depth__gt=1)


def german_snippets(model):
    return model.objects.filter(locale_id=default_locale_id(), live=True)


@dataclass
class Uebersetzungsaufgabe:
    """A German page or snippet that needs an editor in some language."""

    obj: object
    kind: str
    languages: list = field(default_factory=list)
    changed_at: object = None


@dataclass
class Abdeckung:
    language: str
    name: str
    pages: dict
    snippets: dict

    @property
    def total(self):
        return sum(self.pages.values()) + sum(self.snippets.values())

    def percent(self, stand):
        count = self.pages.get(stand, 0) + self.snippets.get(stand, 0)
        return round(100 * count / self.total) if self.total else 0

    @property
    def cells(self):
        return [(stand, self.pages[stand], self.snippets[stand]) for stand in Stand]

    @property
    def percent_up_to_date(self):
        return self.percent(Stand.AKTUELL)


def coverage():
    """Per language the number of pages and snippets in each state, and the outdated and machine
    drafts to work on (newest German change first)."""
    groups = [(list(german_pages()), _("Page"))]
    groups += [(list(german_snippets(model)), model._meta.verbose_name) for model in translatable_snippet_models()]
    languages = target_languages()
    counts = {language: (dict.fromkeys(Stand, 0), dict.fromkeys(Stand, 0)) for language in languages}
    todo = {Stand.VERALTET: [], Stand.MASCHINELL: []}
    changed = dict(Quelltextstand.objects.values_list("translation_key", "geaendert_am"))
    for objects, kind in groups:
        found = zustaende(objects, languages)
        for obj in objects:
            for stand in todo:
                shown = [z for z in found[obj.translation_key] if z.stand == stand]
                if shown:
                    changed_at = changed.get(obj.translation_key) or obj.last_published_at
                    todo[stand].append(Uebersetzungsaufgabe(obj, kind, shown, changed_at))
            for z in found[obj.translation_key]:
                counts[z.language][0 if isinstance(obj, Page) else 1][z.stand] += 1
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    for entries in todo.values():
        entries.sort(key=lambda e: e.changed_at or oldest, reverse=True)
    rows = [
        Abdeckung(language, get_language_info(language)["name_translated"], *counts[language]) for language in languages
    ]
    return rows, todo


# --- Review of machine translations ---------------------------------------------------------------


@transaction.atomic
def review(translation, user):
    """An editor has checked the machine-translated strings of `translation` (a wagtail-localize
    Translation): they count as the editor's from now on. Returns how many strings were checked."""
    strings = machine_strings([translation.source.object_id], translation.source.locale_id).filter(
        locale_id=translation.target_locale_id
    )
    checked = StringTranslation.objects.filter(pk__in=list(strings.values_list("pk", flat=True))).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, last_translated_by=user
    )
    target = translation.get_target_instance()
    log(target, REVIEW_ACTION, user=user, data={"strings": checked})
    invalidate()
    return checked
