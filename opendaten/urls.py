"""The open data, under /<language>/offene-daten/ (docs/open-data.md)."""

from django.urls import path

from .views import public

app_name = "opendaten"

urlpatterns = [
    path("", public.index, name="index"),
    path("katalog.jsonld", public.katalog, name="katalog"),
    path("<slug:name>.json", public.datensatz_json, name="datensatz_json"),
    path("<slug:name>.csv", public.datensatz_csv, name="datensatz_csv"),
    path("schemas/<slug:name>.schema.json", public.schema, name="schema"),
]
