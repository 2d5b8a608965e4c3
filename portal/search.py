"""The portal's search: one engine for the site search and the offer finder's text field.

Text is analysed the same way when a page is indexed and when someone searches: split into words,
lower-cased, letter forms unified (Arabic and Persian), reduced to a stem (Snowball through
PyStemmer; Ukrainian, which Snowball lacks, by a light list of endings), accents and diacritics
removed. Every live public page keeps its stems with a weight by field in `Suchwort`. A query's
words find the stems equal to them, beginning with them, containing them (German compounds:
"cafe" finds "Begegnungscafé") or an edit or two away (typos), looked up in the language's
vocabulary, which is kept until public content changes. Both databases answer the same plain
indexed query, so SQLite and PostgreSQL find and rank alike.
"""

import atexit
import bisect
import hashlib
import logging
import math
import re
import threading
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import Stemmer
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.db.models import Count, F, Min
from django.db.models.signals import post_delete, post_save
from django.utils import timezone, translation
from django.utils.html import strip_tags
from modelsearch import index
from rapidfuzz import process
from rapidfuzz.distance import OSA
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.search.utils import normalise_query_string
from wagtail.signals import post_page_move

from .models import ErfolgloseSuche, Suchseite, Suchwort
from .pagecache import DRAFT_FIELDS, kept, prepared_after_changes

logger = logging.getLogger(__name__)

SNOWBALL = {"de": "german", "en": "english", "tr": "turkish", "ar": "arabic", "fa": "persian"}

# Ukrainian endings of nouns, adjectives and verbs, longest first (no Snowball stemmer exists).
UKRAINIAN_ENDINGS = sorted(
    (
        *("ами", "ями", "ові", "еві", "ого", "ому", "ими", "іми", "ими", "ого", "ний", "ній"),
        *("ах", "ях", "ам", "ям", "ів", "їв", "ей", "ою", "ею", "єю", "ої", "ій", "ий", "им", "ім", "их", "іх"),
        *("ти", "ть", "ла", "ли", "ло", "ом", "ем", "ую", "юю", "ая", "яя", "ає", "ють", "ать", "ять"),
        *("а", "я", "и", "і", "у", "ю", "е", "є", "о", "ь", "ї"),
    ),
    key=len,
    reverse=True,
)

# Words too common to tell pages apart, and the verbs of searching ("Arbeit finden", "знайти роботу");
# dropped from a query that has other words.
STOPWORDS = {
    "de": "der die das den dem des ein eine einen einem einer und oder für fur mit in im am an auf zu zum zur von "
    "vom bei ich du sie wir ihr es ist sind wie was wo wer wann gibt kann ich mich mir mein meine nicht auch "
    "bitte hilfe suche suchen finden brauche",
    "en": "the a an and or for with in on at to of from by i me my you we is are how what where who when can "
    "do does please help find search looking need",
    "ar": "في من على إلى الى عن مع أو او و هل ما ماذا كيف أين اين أنا انا لي أبحث ابحث البحث بحث أريد اريد أحتاج احتاج",
    "fa": "و در به از که را با برای این آن یا من چه چطور کجا است هست پیدا کردن دنبال میخواهم نیاز دارم",
    "uk": "і й та або в у на до з із для як що де хто коли я мені мій моя не чи знайти шукаю пошук потрібно потрібен",
    "tr": "ve ile için bir bu şu da de mi mı ne nasıl nerede ben benim bulmak arıyorum arama lazım istiyorum",
}

WORD = re.compile(r"\w+")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200c\u200d\u200e\u200f\u00ad\u0640"))  # ZWNJ, ZWJ, marks, hyphen, tatweel
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
TO_ARABIC = str.maketrans({"ی": "ي", "ک": "ك", "ۀ": "ه", "ھ": "ه"})
TO_PERSIAN = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا"})
# After stemming: alef forms, taa marbuta and alef maqsura as people type them without care.
LOOSE_ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"})
FOLD = str.maketrans({"ß": "ss", "ı": "i", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l"})

MAX_WORD = 100
# Searches without results are counted per day for the editors and deleted after this many days.
STATISTICS_DAYS = 90
MAX_QUERY_WORDS = 12


class _Stemmers(threading.local):
    def __init__(self):
        self.by_language = {}

    def stem(self, language, words):
        if language == "uk":
            return [_ukrainian_stem(word) for word in words]
        algorithm = SNOWBALL.get(language)
        if algorithm is None:
            return words
        stemmer = self.by_language.get(language)
        if stemmer is None:
            stemmer = self.by_language[language] = Stemmer.Stemmer(algorithm)
        return stemmer.stemWords(words)


_stemmers = _Stemmers()


def _ukrainian_stem(word):
    for reflexive in ("ся", "сь"):
        if word.endswith(reflexive) and len(word) - 2 >= 4:
            word = word[:-2]
            break
    for ending in UKRAINIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _fold(word):
    """Accents and diacritics removed (after stemming: the stemmers know their letters)."""
    decomposed = unicodedata.normalize("NFD", word.translate(FOLD))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def words(text, language):
    """The words of `text` as written (letter forms unified), in order."""
    text = unicodedata.normalize("NFKC", text).translate(ZERO_WIDTH).translate(DIGITS)
    if language == "fa":
        text = text.translate(TO_PERSIAN)
    elif language == "ar":
        text = text.translate(TO_ARABIC)
    return [word for word in WORD.findall(text) if len(word) > 1 and "_" not in word]


def lower(word, language):
    if language == "tr":
        word = word.replace("I", "ı").replace("İ", "i")
    return word.lower()


# Languages whose stemmers read plain Latin letters alike ("Café" and "cafe" lose the same ending);
# Turkish needs its own letters to find endings, so there accents go after stemming.
FOLD_BEFORE_STEMMING = {"de", "en"}


def stems(word_list, language):
    """(stem, word) for each word: the stem both the index and queries compare, and the word as written."""
    lowered = [lower(word, language) for word in word_list]
    if language in FOLD_BEFORE_STEMMING:
        lowered = [_fold(word) for word in lowered]
    stemmed = _stemmers.stem(language, lowered)
    result = []
    for word, stem in zip(word_list, stemmed, strict=True):
        stem = _fold(stem)
        if language in ("ar", "fa"):
            stem = stem.translate(LOOSE_ARABIC)
        if stem:
            result.append((stem[:MAX_WORD], word[:MAX_WORD]))
    return result


# Index --------------------------------------------------------------------------------------------

# Weight of one occurrence by field; a stem's weight on a page is capped, so repetition does not win.
FIELD_WEIGHTS = {"title": 6.0, "suchbegriffe": 5.0}
TEASER_WEIGHT = 3.0
BODY_WEIGHT = 1.0
MAX_WEIGHT = 12.0


def _text(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return strip_tags(value)
    if isinstance(value, list | tuple | set):
        return " ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_text(item) for item in value.values())
    return strip_tags(str(value))


def page_texts(page):
    """(weight, text) of each search field of `page`, read in the page's language (labels such as an
    offer's areas of life come out in that language)."""
    teaser = getattr(page, "teaser_field", None)
    with translation.override(page.locale.language_code):
        for field in page.get_search_fields():
            if not isinstance(field, index.SearchField):
                continue
            name = field.field_name
            weight = FIELD_WEIGHTS.get(name, TEASER_WEIGHT if name == teaser else BODY_WEIGHT)
            yield weight, _text(field.get_value(page))


def page_stems(page):
    """{stem: (weight, a word of the page with this stem)}."""
    language = page.locale.language_code
    found = {}
    for weight, text in page_texts(page):
        for stem, word in stems(words(text, language), language):
            known = found.get(stem)
            found[stem] = (min(MAX_WEIGHT, (known[0] if known else 0.0) + weight), known[1] if known else word)
    return found


def _is_public(page):
    """Live and without a view restriction (for an alias, its original's restrictions apply too)."""
    if not page.live or page.get_view_restrictions().exists():
        return False
    return page.alias_of_id is None or not page.alias_of.get_view_restrictions().exists()


def index_page(page):
    """Replace what the index holds for `page` by its current text; a page that is not live and
    public is only removed."""
    Suchwort.objects.filter(page_id=page.pk).delete()
    Suchseite.objects.filter(page_id=page.pk).delete()
    if page.depth <= 1:
        return
    page = page.specific_deferred if type(page) is Page else page
    if not _is_public(page):
        return
    language = page.locale.language_code
    seitentyp = ContentType.objects.get_for_model(page, for_concrete_model=True)
    Suchseite.objects.create(page_id=page.pk, sprache=language, teaser=getattr(page, "teaser", ""))
    Suchwort.objects.bulk_create(
        Suchwort(page_id=page.pk, sprache=language, seitentyp=seitentyp, wort=stem, form=word, gewicht=weight)
        for stem, (weight, word) in page_stems(page).items()
    )


def index_pages(pages):
    for page in pages:
        index_page(page)


def rebuild():
    """The whole index anew, from every live page (`manage.py suchindex`). Returns the page count."""
    count = 0
    with transaction.atomic():
        Suchwort.objects.all().delete()
        Suchseite.objects.all().delete()
        for page in Page.objects.live().filter(depth__gt=1).specific().iterator(chunk_size=200):
            index_page(page)
            count += 1
    return count


def _page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    # A draft saved on a live page writes only the revision fields: the live text is unchanged.
    if raw or (update_fields is not None and set(update_fields) <= DRAFT_FIELDS):
        return
    index_page(instance)


def _page_deleted(sender, instance, **kwargs):
    Suchwort.objects.filter(page_id=instance.pk).delete()
    Suchseite.objects.filter(page_id=instance.pk).delete()


def _page_moved(sender, instance, **kwargs):
    # A page moved into or out of a restricted section takes the pages below it along.
    index_pages(Page.objects.live().descendant_of(instance, inclusive=True).specific())


def _restriction_changed(sender, instance, **kwargs):
    """A restriction added removes its section from the index; one removed puts it back."""
    try:
        section = instance.page
    except Page.DoesNotExist:
        return
    index_pages(Page.objects.live().descendant_of(section, inclusive=True).specific())


def connect_index_updates():
    """Keep the index current: pages saved (published, unpublished, moved) or deleted, and view
    restrictions added or removed."""
    for model in get_page_models():
        post_save.connect(_page_saved, sender=model, dispatch_uid=f"suchindex-save-{model._meta.label}")
        post_delete.connect(_page_deleted, sender=model, dispatch_uid=f"suchindex-delete-{model._meta.label}")
    post_page_move.connect(_page_moved, dispatch_uid="suchindex-move")
    post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="suchindex-restriction")
    post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="suchindex-restriction-del")


# Search -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Wortschatz:
    """A language's indexed stems (sorted), the word shown for each, on how many pages each is, and the
    shown words lower-cased without accents (typos are looked for among stems and among words: a typo
    can hide the ending a stemmer would remove, as in "Beratunng")."""

    woerter: tuple
    formen: dict
    seiten: dict
    anzahl_seiten: int
    geschrieben: tuple = ()
    stamm: dict = field(default_factory=dict)


def wortschatz(language):
    """The vocabulary of `language`, kept until public content changes."""

    def build():
        rows = (
            Suchwort.objects.filter(sprache=language)
            .values("wort")
            .annotate(form=Min("form"), seiten=Count("page_id"))
            .order_by("wort")
            .values_list("wort", "form", "seiten")
        )
        formen, seiten = {}, {}
        for wort, form, anzahl in rows:
            formen[wort] = form
            seiten[wort] = anzahl
        anzahl_seiten = Suchseite.objects.filter(sprache=language).count()
        stamm = {}
        for wort, form in formen.items():
            stamm.setdefault(_fold(lower(form, language)), wort)
        return Wortschatz(tuple(formen), formen, seiten, anzahl_seiten, tuple(stamm), stamm)

    return kept(f"suche:wortschatz:{language}", build)


@prepared_after_changes
def prepare_vocabularies():
    for code, _name in settings.LANGUAGES:
        wortschatz(code)


# How far a query word may be from an indexed stem, by the word's length (0: exact only).
def _max_edits(length):
    return 0 if length < 4 else 1 if length < 8 else 2


MAX_EXPANSIONS = 40


def _close(stem, word, vocabulary, language, edits):
    """[(indexed stem, distance)] of the stems and the shown words at most `edits` away (a swap of
    two letters counts as one)."""
    found = {}
    for wort, distance, _position in process.extract(
        stem, vocabulary.woerter, scorer=OSA.distance, score_cutoff=edits, limit=5
    ):
        found[wort] = distance
    written = _fold(lower(word, language))
    for form, distance, _position in process.extract(
        written, vocabulary.geschrieben, scorer=OSA.distance, score_cutoff=edits, limit=5
    ):
        wort = vocabulary.stamm[form]
        found[wort] = min(distance, found.get(wort, distance))
    return sorted(found.items(), key=lambda item: item[1])


def _expansions(stem, word, vocabulary, language):
    """{indexed stem: factor}: the stem itself, stems beginning with it, containing it, and close
    spellings, best first."""
    found = {}
    if stem in vocabulary.formen:
        found[stem] = 1.0
    if len(stem) >= 3:
        woerter = vocabulary.woerter
        position = bisect.bisect_left(woerter, stem)
        while position < len(woerter) and woerter[position].startswith(stem):
            found.setdefault(woerter[position], 0.8 * len(stem) / len(woerter[position]))
            position += 1
        for wort in woerter:
            if stem in wort and wort not in found:
                found[wort] = 0.6 * len(stem) / len(wort)
    edits = _max_edits(len(word))
    if edits and stem not in vocabulary.formen:
        for wort, distance in _close(stem, word, vocabulary, language, edits):
            found.setdefault(wort, 0.7 / max(distance, 1))
    best = sorted(found.items(), key=lambda item: -item[1])[:MAX_EXPANSIONS]
    return dict(best)


@dataclass
class Ergebnis:
    """Page ids best first, and the query's words as the index knows them, for a suggestion."""

    seiten: list
    vorschlag: str = ""


def query_stems(text, language):
    """The query's distinct stems (stop words dropped unless nothing else is left)."""
    found = stems(words(text, language)[:MAX_QUERY_WORDS], language)
    stopwords = set(STOPWORDS.get(language, "").split())
    meaningful = [(stem, word) for stem, word in found if lower(word, language) not in stopwords]
    distinct = {}
    for stem, word in meaningful or found:
        distinct.setdefault(stem, (stem, word))
    return list(distinct.values())


def search(text, language, *, seitentypen=None):
    """Live public pages in `language` whose text matches `text`, best first: pages with more of the
    query's words first, then by weight (field, rarity of the word, closeness of the match).

    The result of each query (by its stems and written words) is kept until public content changes,
    in the shared cache only: a query asked again, by anyone, is not ranked again."""
    wanted = query_stems(text, language)
    if not wanted:
        return Ergebnis([])
    types = "*" if seitentypen is None else ",".join(sorted(model._meta.label_lower for model in seitentypen))
    query = "\n".join([language, types, *(f"{stem} {word}" for stem, word in wanted)])
    key = "suche:ergebnis:" + hashlib.sha256(query.encode()).hexdigest()  # typed text never in a cache key
    return kept(key, lambda: _ranked(wanted, text, language, seitentypen), in_worker=False)


def _ranked(wanted, text, language, seitentypen):
    vocabulary = wortschatz(language)
    serves = {}  # indexed stem -> [(position of the query word, factor)]
    for position, (stem, word) in enumerate(wanted):
        for wort, factor in _expansions(stem, word, vocabulary, language).items():
            serves.setdefault(wort, []).append((position, factor))
    if not serves:
        return Ergebnis([], vorschlag=suggestion(text, language))
    rows = Suchwort.objects.filter(sprache=language, wort__in=list(serves))
    if seitentypen is not None:
        rows = rows.filter(seitentyp__in=[ContentType.objects.get_for_model(model) for model in seitentypen])
    total = max(vocabulary.anzahl_seiten, 1)
    # What a match of each indexed stem is worth for each query word it serves: closeness × rarity.
    worth = {
        wort: [
            (position, factor * math.log(1 + total / max(vocabulary.seiten.get(wort, 1), 1)))
            for position, factor in serving
        ]
        for wort, serving in serves.items()
    }
    best = {}
    for page_id, wort, gewicht in rows.values_list("page_id", "wort", "gewicht"):
        scores = best.get(page_id)
        if scores is None:
            scores = best[page_id] = {}
        for position, value in worth[wort]:
            score = gewicht * value
            if score > scores.get(position, 0.0):
                scores[position] = score
    ranked = sorted(best.items(), key=lambda item: (-len(item[1]), -sum(item[1].values()), item[0]))
    return Ergebnis([page_id for page_id, _scores in ranked])


def suggestion(text, language):
    """The query with each unknown word replaced by the closest indexed word, or "" if none is close."""
    vocabulary = wortschatz(language)
    changed = False
    result = []
    for stem, word in query_stems(text, language):
        if stem in vocabulary.formen or len(stem) < 3:
            result.append(word)
            continue
        close = _close(stem, word, vocabulary, language, max(2, _max_edits(len(word)) + 1))
        if not close:
            result.append(word)
        else:
            result.append(vocabulary.formen[close[0][0]])
            changed = True
    return " ".join(result) if changed else ""


def fill_empty_index(**kwargs):
    """After `migrate`: an empty index with live pages (a new deployment of this feature, a restored
    database) is built at once."""
    if Suchseite._meta.db_table not in connection.introspection.table_names():
        return  # migrated back to before the index
    if not Suchseite.objects.exists() and Page.objects.live().filter(depth__gt=1).exists():
        rebuild()


# Statistics ---------------------------------------------------------------------------------------

MAX_RECORDED_LENGTH = 200
WRITE_ATTEMPTS = 3


class _Statistics:
    """Searches counted in this process and written in one go after a request, at most every
    `PORTAL_SEARCH_STATISTICS_SECONDS` (a write per search halved the search's throughput). A worker
    that is killed loses at most that many seconds of counts; nothing else depends on them."""

    def __init__(self):
        self._counts = Counter()
        self._lock = threading.Lock()
        self._written = time.monotonic()

    def add(self, normalised, language, found):
        with self._lock:
            self._counts[(normalised, language, found, timezone.localdate())] += 1

    def write_if_due(self, force=False, **kwargs):
        due = force or time.monotonic() - self._written >= settings.PORTAL_SEARCH_STATISTICS_SECONDS
        if not self._counts or not due:
            return
        with self._lock:
            counts, self._counts = self._counts, Counter()
            self._written = time.monotonic()
        # Workers stopping together write at once: every worker locks the rows in the same order (no
        # deadlock on PostgreSQL), and a busy database is tried again (SQLite's single writer).
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with transaction.atomic():
                    for key in sorted(counts):
                        _write(*key, counts[key])
                return
            except DatabaseError:
                if attempt == WRITE_ATTEMPTS:
                    logger.exception("Could not record %d searches; trying with the next write", sum(counts.values()))
                else:
                    time.sleep(0.2 * attempt)
        with self._lock:
            self._counts.update(counts)


def _write(normalised, language, found, day, number):
    query = Query.objects.get_or_create(query_string=normalised)[0]
    hits = QueryDailyHits.objects.filter(query=query, date=day)
    if not hits.update(hits=F("hits") + number):
        QueryDailyHits.objects.get_or_create(query=query, date=day)
        hits.update(hits=F("hits") + number)
    if not found:
        rows = ErfolgloseSuche.objects.filter(sprache=language, suchbegriff=normalised, tag=day)
        if not rows.update(anzahl=F("anzahl") + number):
            ErfolgloseSuche.objects.get_or_create(sprache=language, suchbegriff=normalised, tag=day)
            rows.update(anzahl=F("anzahl") + number)


statistics = _Statistics()
atexit.register(statistics.write_if_due, force=True)  # a worker stopped gracefully writes what it counted


def record(query, language, *, found):
    """Count the search for the editors: every query as a hit of Wagtail's search promotions, and a
    query that found nothing per language and day. No person, address or time of day is kept."""
    normalised = normalise_query_string(query)[:MAX_RECORDED_LENGTH]
    if normalised:
        statistics.add(normalised, language, found)
