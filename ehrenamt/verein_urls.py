from django.urls import path

from . import verein

app_name = "verein"

urlpatterns = [
    path("", verein.bereich, name="bereich"),
    path("meine-daten/", verein.meine_daten, name="meine_daten"),
    path("austreten/", verein.austreten, name="austreten"),
    path("vorstand/", verein.register, name="register"),
    path("vorstand/offene-beitraege/", verein.offene_beitraege, name="offene_beitraege"),
    path("vorstand/export/", verein.export, name="export"),
    path("vorstand/sprechrunden/", verein.sprechrunden, name="sprechrunden"),
    path("vorstand/<int:pk>/", verein.mitglied, name="mitglied"),
    path("vorstand/<int:pk>/entscheiden/", verein.entscheiden, name="entscheiden"),
    path("vorstand/<int:pk>/ablehnen/", verein.ablehnen, name="ablehnen"),
    path("vorstand/<int:pk>/beitrag/", verein.beitrag, name="beitrag"),
]
