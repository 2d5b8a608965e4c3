from django.urls import path

from . import views

app_name = "fortbildung"

urlpatterns = [
    path("", views.katalog, name="katalog"),
    path("kurse/<int:pk>/", views.kurs, name="kurs"),
    path("termine/<int:pk>/anmelden/", views.anmelden, name="anmelden"),
    path("termine/<int:pk>/termin.ics", views.termin_ics, name="termin_ics"),
    path("meine/", views.meine, name="meine"),
    path("meine/<int:pk>/abmelden/", views.abmelden, name="abmelden"),
    path("meine/<int:pk>/bescheinigung.pdf", views.bescheinigung, name="bescheinigung"),
    path("verwaltung/", views.uebersicht, name="uebersicht"),
    path("verwaltung/erinnern/", views.erinnern, name="erinnern"),
    path("verwaltung/export.csv", views.export, name="export"),
    path("verwaltung/kurse/neu/", views.kurs_bearbeiten, name="kurs_neu"),
    path("verwaltung/kurse/<int:pk>/bearbeiten/", views.kurs_bearbeiten, name="kurs_bearbeiten"),
    path("verwaltung/kurse/<int:kurs_pk>/termine/neu/", views.termin_bearbeiten, name="termin_neu"),
    path("verwaltung/termine/<int:pk>/bearbeiten/", views.termin_bearbeiten, name="termin_bearbeiten"),
    path("verwaltung/termine/<int:pk>/teilnehmende/", views.teilnehmende, name="teilnehmende"),
    path("verwaltung/abteilungen/", views.stammdaten, name="stammdaten"),
    path("verwaltung/abteilungen/neu/", views.abteilung_bearbeiten, name="abteilung_neu"),
    path("verwaltung/abteilungen/<int:pk>/", views.abteilung_bearbeiten, name="abteilung_bearbeiten"),
    path("verwaltung/positionen/neu/", views.position_bearbeiten, name="position_neu"),
    path("verwaltung/positionen/<int:pk>/", views.position_bearbeiten, name="position_bearbeiten"),
    path("verwaltung/mitarbeitende/", views.mitarbeitende, name="mitarbeitende"),
    path("verwaltung/mitarbeitende/neu/", views.mitarbeiter_bearbeiten, name="mitarbeiter_neu"),
    path("verwaltung/mitarbeitende/<int:pk>/", views.mitarbeiter_bearbeiten, name="mitarbeiter_bearbeiten"),
]
