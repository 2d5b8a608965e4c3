from django.urls import path

from .views import member, staff

app_name = "fortbildung"

urlpatterns = [
    path("", member.katalog, name="katalog"),
    path("kurse/<int:pk>/", member.kurs, name="kurs"),
    path("termine/<int:pk>/anmelden/", member.anmelden, name="anmelden"),
    path("termine/<int:pk>/termin.ics", member.termin_ics, name="termin_ics"),
    path("meine/", member.meine, name="meine"),
    path("meine/<int:pk>/abmelden/", member.abmelden, name="abmelden"),
    path("meine/<int:pk>/bescheinigung.pdf", member.bescheinigung, name="bescheinigung"),
    path("verwaltung/", staff.uebersicht, name="uebersicht"),
    path("verwaltung/erinnern/", staff.erinnern, name="erinnern"),
    path("verwaltung/export.csv", staff.export, name="export"),
    path("verwaltung/kurse/neu/", staff.kurs_bearbeiten, name="kurs_neu"),
    path("verwaltung/kurse/<int:pk>/bearbeiten/", staff.kurs_bearbeiten, name="kurs_bearbeiten"),
    path("verwaltung/kurse/<int:kurs_pk>/termine/neu/", staff.termin_bearbeiten, name="termin_neu"),
    path("verwaltung/termine/<int:pk>/bearbeiten/", staff.termin_bearbeiten, name="termin_bearbeiten"),
    path("verwaltung/termine/<int:pk>/teilnehmende/", staff.teilnehmende, name="teilnehmende"),
    path("verwaltung/abteilungen/", staff.stammdaten, name="stammdaten"),
    path("verwaltung/abteilungen/neu/", staff.abteilung_bearbeiten, name="abteilung_neu"),
    path("verwaltung/abteilungen/<int:pk>/", staff.abteilung_bearbeiten, name="abteilung_bearbeiten"),
    path("verwaltung/positionen/neu/", staff.position_bearbeiten, name="position_neu"),
    path("verwaltung/positionen/<int:pk>/", staff.position_bearbeiten, name="position_bearbeiten"),
    path("verwaltung/mitarbeitende/", staff.mitarbeitende, name="mitarbeitende"),
    path("verwaltung/mitarbeitende/neu/", staff.mitarbeiter_bearbeiten, name="mitarbeiter_neu"),
    path("verwaltung/mitarbeitende/<int:pk>/", staff.mitarbeiter_bearbeiten, name="mitarbeiter_bearbeiten"),
]
