from django.urls import path

from .views import staff, staff_runder_tisch

app_name = "faelle"

urlpatterns = [
    path("", staff.liste, name="liste"),
    path("neu/", staff.neu, name="neu"),
    path("aufgaben/", staff.aufgaben, name="aufgaben"),
    path("statistik/", staff.statistik, name="statistik"),
    path("<int:pk>/", staff.fall, name="fall"),
    path("<int:pk>/bearbeiten/", staff.bearbeiten, name="bearbeiten"),
    path("<int:pk>/personen/neu/", staff.person, name="person_neu"),
    path("<int:pk>/personen/<int:person_pk>/", staff.person, name="person"),
    path("<int:pk>/aufenthalt/", staff.aufenthalt, name="aufenthalt"),
    path("<int:pk>/einwilligung/", staff.einwilligung, name="einwilligung"),
    path(
        "<int:pk>/einwilligung/<int:einwilligung_pk>/widerrufen/",
        staff.einwilligung_widerrufen,
        name="einwilligung_widerrufen",
    ),
    path("<int:pk>/uebergabe/", staff.uebergabe, name="uebergabe"),
    path("<int:pk>/raster/", staff.raster, name="raster"),
    path("<int:pk>/massnahmen/neu/", staff.massnahme, name="massnahme_neu"),
    path("<int:pk>/massnahmen/<int:massnahme_pk>/", staff.massnahme, name="massnahme"),
    path("<int:pk>/massnahmen/<int:massnahme_pk>/erledigt/", staff.massnahme_erledigt, name="massnahme_erledigt"),
    path("<int:pk>/kontakte/", staff.kontakte, name="kontakte"),
    path(
        "<int:pk>/kontakte/<int:kontakt_pk>/wiedervorlage-erledigt/",
        staff.wiedervorlage_erledigt,
        name="wiedervorlage_erledigt",
    ),
    path("<int:pk>/vereinbarung/neu/", staff_runder_tisch.vereinbarung_neu, name="vereinbarung_neu"),
    path("<int:pk>/vereinbarung/<int:vereinbarung_pk>/", staff_runder_tisch.vereinbarung, name="vereinbarung"),
    path("runder-tisch/", staff_runder_tisch.liste, name="runde_tische"),
    path("runder-tisch/<int:pk>/", staff_runder_tisch.tisch, name="runder_tisch"),
    path("runder-tisch/<int:pk>/protokoll/", staff_runder_tisch.protokoll, name="runder_tisch_protokoll"),
]
