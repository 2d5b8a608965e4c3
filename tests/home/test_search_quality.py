"""Search as newcomers type: word forms, articles, missing accents, typos and everyday words, in all
six languages, over the demo content. The expected offer is among the first three results of the
site search and of the offer finder's text field."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

pytestmark = pytest.mark.django_db

WOHNEN = ("integrationsmanagement", "sozialer-dienst", "sozialhausmeister")

# (language, query, the offer's slug or slugs any of which is right)
QUERIES = [
    ("de", "Sprachkurse", "sprachkurse"),
    ("de", "Sprachkurs", "sprachkurse"),
    ("de", "Deutschkurs", "sprachkurse"),
    ("de", "Integrationskurs", "sprachkurse"),
    ("de", "deutschkurse", "sprachkurse"),
    ("de", "Kleiderkamer", "kleiderkammer"),
    ("de", "Klamotten für Kinder", "kleiderkammer"),
    ("de", "cafe", "begegnungscafe"),
    ("de", "Job finden", "jobcenter"),
    ("de", "Bürgergeld", "jobcenter"),
    ("de", "Familiennachzug", "migrationsberatung"),
    ("de", "Rueckkehr", "rueckkehrberatung"),
    ("de", "Hausmeister Filsweg", "sozialhausmeister"),
    ("de", "Schulden", "sozialer-dienst"),
    ("en", "german course", "sprachkurse"),
    ("en", "learn German", "sprachkurse"),
    ("en", "clothes", "kleiderkammer"),
    ("en", "kids clothing", "kleiderkammer"),
    ("en", "job centre", "jobcenter"),
    ("en", "find work", "jobcenter"),
    ("en", "family reunification", "migrationsberatung"),
    ("en", "coffee", "begegnungscafe"),
    ("en", "kindergarden", "jugendamt"),
    ("en", "debts", "sozialer-dienst"),
    ("en", "housing", WOHNEN),
    ("ar", "سكن", WOHNEN),
    ("ar", "دورة لغة", "sprachkurse"),
    ("ar", "تعلم الالمانية", "sprachkurse"),
    ("ar", "ملابس للأطفال", "kleiderkammer"),
    ("ar", "ملابس", "kleiderkammer"),
    ("ar", "عمل", "jobcenter"),
    ("ar", "البحث عن عمل", "jobcenter"),
    ("ar", "مقهى", "begegnungscafe"),
    ("ar", "لم شمل الاسرة", "migrationsberatung"),
    ("ar", "روضة اطفال", "jugendamt"),
    ("ar", "العودة الى الوطن", "rueckkehrberatung"),
    ("fa", "کلاس زبان", "sprachkurse"),
    ("fa", "یادگیری آلمانی", "sprachkurse"),
    ("fa", "لباس", "kleiderkammer"),
    ("fa", "لباس بچه", "kleiderkammer"),
    ("fa", "شغل", "jobcenter"),
    ("fa", "پیدا كردن كار", "jobcenter"),
    ("fa", "کافه", "begegnungscafe"),
    ("fa", "ویزا", "migrationsberatung"),
    ("fa", "مهدکودک", "jugendamt"),
    ("fa", "بازگشت به وطن", "rueckkehrberatung"),
    ("uk", "німецька мова", "sprachkurse"),
    ("uk", "курси німецької", "sprachkurse"),
    ("uk", "одяг для дітей", "kleiderkammer"),
    ("uk", "знайти роботу", "jobcenter"),
    ("uk", "робота", "jobcenter"),
    ("uk", "кава", "begegnungscafe"),
    ("uk", "віза", "migrationsberatung"),
    ("uk", "дитячий садок", "jugendamt"),
    ("uk", "повернення додому", "rueckkehrberatung"),
    ("uk", "борги", "sozialer-dienst"),
    ("uk", "житло", WOHNEN),
    ("tr", "Almanca kursu", "sprachkurse"),
    ("tr", "almanca ogrenmek", "sprachkurse"),
    ("tr", "kıyafet", "kleiderkammer"),
    ("tr", "cocuk kiyafeti", "kleiderkammer"),
    ("tr", "iş bulmak", "jobcenter"),
    ("tr", "is arama", "jobcenter"),
    ("tr", "kahve", "begegnungscafe"),
    ("tr", "aile birlesimi", "migrationsberatung"),
    ("tr", "kreş", "jugendamt"),
    ("tr", "geri dönüş", "rueckkehrberatung"),
    ("tr", "kira", "sozialer-dienst"),
]


def top_three(client, url, query, selector):
    response = client.get(url, {"q": query})
    assert response.status_code == 200, (url, query)
    links = BeautifulSoup(response.content, "html.parser").select(selector)
    return [link["href"] for link in links[:3]]


def test_newcomers_find_the_offer_among_the_first_three(client, tmp_path):
    call_command("seed_demo", credentials_json=tmp_path / "logins.json", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(QUERIES) >= 60
    assert {language for language, _query, _slug in QUERIES} == {"de", "en", "ar", "fa", "uk", "tr"}
    missed = []
    for language, query, expected in QUERIES:
        wanted = {f"/{language}/angebote/{slug}/" for slug in ((expected,) if isinstance(expected, str) else expected)}
        site = top_three(client, f"/{language}/suche/", query, ".search-results a")
        finder = top_three(client, f"/{language}/angebote/", query, ".offer-card h3 a")
        for where, found in (("site search", site), ("finder", finder)):
            if not wanted & set(found):
                missed.append(f"{language} {query!r} ({where}): {found}")
    assert missed == []
