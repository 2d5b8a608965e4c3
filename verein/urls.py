"""The members' area and the Vorstand's register, mounted at /{lang}/verein/mitglieder/. The public
application form is a route of the Verein page (`VereinPage.antrag`)."""

from django.urls import path

from .views import member, staff

app_name = "verein"

urlpatterns = [
    path("", member.bereich, name="bereich"),
    path("meine-daten/", member.meine_daten, name="meine_daten"),
    path("austreten/", member.austreten, name="austreten"),
    path("vorstand/", staff.register, name="register"),
    path("vorstand/offene-beitraege/", staff.offene_beitraege, name="offene_beitraege"),
    path("vorstand/export/", staff.export, name="export"),
    path("vorstand/sprechrunden/", staff.sprechrunden, name="sprechrunden"),
    path("vorstand/<int:pk>/", staff.mitglied, name="mitglied"),
    path("vorstand/<int:pk>/entscheiden/", staff.entscheiden, name="entscheiden"),
    path("vorstand/<int:pk>/ablehnen/", staff.ablehnen, name="ablehnen"),
    path("vorstand/<int:pk>/beitrag/", staff.beitrag, name="beitrag"),
]
