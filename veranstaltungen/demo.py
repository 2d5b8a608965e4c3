"""Demo events (Handlungsfeld 3), with dates relative to today, translated into every portal language."""

import datetime

from django.utils import timezone
from wagtail.models import Locale, Page

from angebote.models import Ort, Sprache
from portal.demo import translate_page

from . import recurrence
from .models import Ausfall, Kategorie, VeranstaltungenIndexPage, VeranstaltungPage

TRANSLATIONS = {
    "Veranstaltungen": {
        "en": "Events",
        "ar": "الفعاليات",
        "fa": "رویدادها",
        "uk": "Події",
        "tr": "Etkinlikler",
    },
    "Begegnungen, Vorträge und Informationsabende in Plochingen – offen für alle.": {
        "en": "Encounters, talks and information evenings in Plochingen – open to everyone.",
        "ar": "لقاءات ومحاضرات وأمسيات إعلامية في Plochingen – مفتوحة للجميع.",
        "fa": "دیدارها، سخنرانی\u200cها و نشست\u200cهای اطلاع\u200cرسانی در Plochingen – برای همه آزاد است.",
        "uk": "Зустрічі, лекції та інформаційні вечори в Плохінгені – відкриті для всіх.",
        "tr": "Plochingen'de buluşmalar, konferanslar ve bilgilendirme akşamları – herkese açık.",
    },
    "Begegnungscafé": {
        "en": "Community café (Begegnungscafé)",
        "ar": "مقهى اللقاء (Begegnungscafé)",
        "fa": "کافهٔ دیدار (Begegnungscafé)",
        "uk": "Кафе зустрічей (Begegnungscafé)",
        "tr": "Buluşma kafesi (Begegnungscafé)",
    },
    "Jeden Mittwoch: Kaffee, Tee und Gespräche für alle – mit und ohne Migrationsgeschichte.": {
        "en": "Every Wednesday: coffee, tea and conversation for everyone – with or without a migration story.",
        "ar": "كل يوم أربعاء: قهوة وشاي وأحاديث للجميع – مع أو بدون تجربة هجرة.",
        "fa": "هر چهارشنبه: قهوه، چای و گفت\u200cوگو برای همه – با یا بدون پیشینهٔ مهاجرت.",
        "uk": "Щосереди: кава, чай і розмови для всіх – з міграційною історією і без неї.",
        "tr": "Her çarşamba: herkes için kahve, çay ve sohbet – göç geçmişi olan ya da olmayan.",
    },
    "Stufenloser Zugang.": {
        "en": "Step-free access.",
        "ar": "مدخل بلا درجات.",
        "fa": "ورودی بدون پله.",
        "uk": "Вхід без сходинок.",
        "tr": "Basamaksız giriş.",
    },
    "Vortragsreihe „Ankommen in Plochingen“": {
        "en": "Talk series “Arriving in Plochingen”",
        "ar": "سلسلة محاضرات «الوصول إلى Plochingen»",
        "fa": "مجموعه سخنرانی\u200cهای «رسیدن به Plochingen»",
        "uk": "Цикл лекцій «Прибуття до Плохінгена»",
        "tr": "“Plochingen'e varış” konferans dizisi",
    },
    "Jeden zweiten Dienstag im Monat: Fachleute erklären Schule, Arbeit, Wohnen und Gesundheit.": {
        "en": "Every second Tuesday of the month: experts explain school, work, housing and health.",
        "ar": "في الثلاثاء الثاني من كل شهر: يشرح مختصون المدرسة والعمل والسكن والصحة.",
        "fa": "دومین سه\u200cشنبهٔ هر ماه: کارشناسان دربارهٔ مدرسه، کار، مسکن و سلامت توضیح می\u200cدهند.",
        "uk": "Щодругого вівторка місяця: фахівці пояснюють школу, роботу, житло та здоров'я.",
        "tr": "Her ayın ikinci salısı: uzmanlar okul, iş, konut ve sağlık konularını anlatıyor.",
    },
    "Infoveranstaltung für die Nachbarschaft Filsweg 7": {
        "en": "Information evening for the neighbours of Filsweg 7",
        "ar": "أمسية إعلامية لجيران Filsweg 7",
        "fa": "نشست اطلاع\u200cرسانی برای همسایگان Filsweg 7",
        "uk": "Інформаційна зустріч для сусідів Filsweg 7",
        "tr": "Filsweg 7 komşuları için bilgilendirme toplantısı",
    },
    "Der Sozialhausmeister und das Integrationsmanagement stellen sich vor und beantworten Fragen.": {
        "en": "The social caretaker and the integration management introduce themselves and answer questions.",
        "ar": "يقدّم المشرف الاجتماعي وإدارة الاندماج نفسيهما ويجيبان عن الأسئلة.",
        "fa": "سرایدار اجتماعی و مدیریت ادغام خود را معرفی می\u200cکنند و به پرسش\u200cها پاسخ می\u200cدهند.",
        "uk": "Соціальний комендант та служба інтеграції представляються і відповідають на запитання.",
        "tr": "Sosyal bina görevlisi ve uyum yönetimi kendilerini tanıtıyor ve soruları yanıtlıyor.",
    },
    "Öffentliche Sitzung des Beirats für Migration und Integration": {
        "en": "Public session of the Advisory Council for Migration and Integration",
        "ar": "جلسة علنية للمجلس الاستشاري للهجرة والاندماج",
        "fa": "جلسهٔ عمومی شورای مشورتی مهاجرت و ادغام (Beirat)",
        "uk": "Відкрите засідання Консультативної ради з питань міграції та інтеграції (Beirat)",
        "tr": "Göç ve Uyum Danışma Kurulu'nun (Beirat) halka açık toplantısı",
    },
    "Der Beirat berät über die Umsetzung des Integrationsplans. Gäste sind willkommen.": {
        "en": "The council discusses how the integration plan is put into practice. Guests are welcome.",
        "ar": "يناقش المجلس تنفيذ خطة الاندماج. الضيوف مرحَّب بهم.",
        "fa": "شورای مشورتی دربارهٔ اجرای برنامهٔ ادغام گفت\u200cوگو می\u200cکند. از مهمانان استقبال می\u200cشود.",
        "uk": "Рада обговорює виконання плану інтеграції. Гості – бажані.",
        "tr": "Kurul, uyum planının uygulanmasını görüşüyor. Misafirler davetlidir.",
    },
}


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=recurrence.BERLIN)


def next_weekday(today, weekday):
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7)


def seed(stdout):
    german = Locale.objects.get(language_code="de")
    home = Page.objects.get(depth=2, locale=german).specific
    index = home.get_children().filter(slug="veranstaltungen").specific().first()
    if index is None:
        index = VeranstaltungenIndexPage(
            title="Veranstaltungen",
            slug="veranstaltungen",
            show_in_menus=True,
            intro="<p>Begegnungen, Vorträge und Informationsabende in Plochingen – offen für alle.</p>",
        )
        home.add_child(instance=index)
        index.save_revision().publish()

    today = timezone.localdate()
    zentrum = Ort.objects.filter(locale=german, name="Begegnungszentrum (Beispiel)").first()
    rathaus = Ort.objects.filter(locale=german, name="Rathaus Plochingen").first()
    filsweg = Ort.objects.filter(locale=german, name="Unterkunft Filsweg 7").first()
    cafe_start = next_weekday(today - datetime.timedelta(days=28), 2)  # a Wednesday four weeks ago
    talk_day = today.replace(day=1)
    talk_day = next_weekday(talk_day, 1) + datetime.timedelta(days=7)  # second Tuesday of this month
    events = [
        (
            "begegnungscafe",
            "Begegnungscafé",
            "Jeden Mittwoch: Kaffee, Tee und Gespräche für alle – mit und ohne Migrationsgeschichte.",
            at(cafe_start, 18),
            at(cafe_start, 20),
            recurrence.WEEKLY,
            None,
            zentrum,
            ["begegnungscafe"],
            ["de", "ar", "fa", "tr"],
        ),
        (
            "vortragsreihe-ankommen",
            "Vortragsreihe „Ankommen in Plochingen“",
            "Jeden zweiten Dienstag im Monat: Fachleute erklären Schule, Arbeit, Wohnen und Gesundheit.",
            at(talk_day, 19),
            at(talk_day, 20, 30),
            recurrence.MONTHLY_WEEKDAY,
            6,
            zentrum,
            ["vortrag", "information"],
            ["de", "en"],
        ),
        (
            "infoabend-filsweg",
            "Infoveranstaltung für die Nachbarschaft Filsweg 7",
            "Der Sozialhausmeister und das Integrationsmanagement stellen sich vor und beantworten Fragen.",
            at(today + datetime.timedelta(days=10), 18, 30),
            at(today + datetime.timedelta(days=10), 20),
            "",
            None,
            filsweg,
            ["information"],
            ["de", "tr", "ar"],
        ),
        (
            "beirat-oeffentliche-sitzung",
            "Öffentliche Sitzung des Beirats für Migration und Integration",
            "Der Beirat berät über die Umsetzung des Integrationsplans. Gäste sind willkommen.",
            at(today + datetime.timedelta(days=30), 18),
            at(today + datetime.timedelta(days=30), 20),
            "",
            None,
            rathaus,
            ["beirat"],
            ["de"],
        ),
    ]
    for slug, title, teaser, beginn, ende, repeats, count, ort, kategorien, sprachen in events:
        if index.get_children().filter(slug=slug).exists():
            continue
        page = VeranstaltungPage(
            title=title,
            slug=slug,
            teaser=teaser,
            beginn=beginn,
            ende=ende,
            wiederholung=repeats,
            anzahl=count,
            ort=ort,
            barrierefreiheit="Stufenloser Zugang." if ort and ort.barrierefrei else "",
        )
        if slug == "vortragsreihe-ankommen":
            page.anmeldung, page.kapazitaet = True, 25
        if slug == "begegnungscafe":  # the café's room holds 30: a place can be kept
            page.anmeldung, page.kapazitaet = True, 30
        page.kategorien.set(Kategorie.objects.filter(slug__in=kategorien))
        page.sprachen.set(Sprache.objects.filter(code__in=sprachen))
        if slug == "begegnungscafe":
            # One cancelled date, three weeks from the next one.
            cancelled = next_weekday(today, 2) + datetime.timedelta(days=21)
            page.ausfaelle = [Ausfall(datum=cancelled, hinweis="Feiertag – das Café bleibt geschlossen")]
        index.add_child(instance=page)
        page.save_revision().publish()

    for code in ("en", "ar", "fa", "uk", "tr"):
        locale = Locale.objects.get(language_code=code)
        translate_page(index, locale, TRANSLATIONS)
        for page in VeranstaltungPage.objects.child_of(index):
            translate_page(page, locale, TRANSLATIONS)
    stdout.write(f"veranstaltungen: {VeranstaltungPage.objects.filter(locale=german).count()} events")
