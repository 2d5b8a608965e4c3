from django.urls import path

from . import auswertung, runder_tisch, views

app_name = "faelle"

urlpatterns = [
    path("", views.liste, name="liste"),
    path("neu/", views.neu, name="neu"),
    path("aufgaben/", views.aufgaben, name="aufgaben"),
    path("statistik/", auswertung.statistik, name="statistik"),
    path("<int:pk>/", views.fall, name="fall"),
    path("<int:pk>/bearbeiten/", views.bearbeiten, name="bearbeiten"),
    path("<int:pk>/personen/neu/", views.person, name="person_neu"),
    path("<int:pk>/personen/<int:person_pk>/", views.person, name="person"),
    path("<int:pk>/aufenthalt/", views.aufenthalt, name="aufenthalt"),
    path("<int:pk>/einwilligung/", views.einwilligung, name="einwilligung"),
    path(
        "<int:pk>/einwilligung/<int:einwilligung_pk>/widerrufen/",
        views.einwilligung_widerrufen,
        name="einwilligung_widerrufen",
    ),
    path("<int:pk>/uebergabe/", views.uebergabe, name="uebergabe"),
    path("<int:pk>/raster/", views.raster, name="raster"),
    path("<int:pk>/massnahmen/neu/", views.massnahme, name="massnahme_neu"),
    path("<int:pk>/massnahmen/<int:massnahme_pk>/", views.massnahme, name="massnahme"),
    path("<int:pk>/massnahmen/<int:massnahme_pk>/erledigt/", views.massnahme_erledigt, name="massnahme_erledigt"),
    path("<int:pk>/kontakte/", views.kontakte, name="kontakte"),
    path(
        "<int:pk>/kontakte/<int:kontakt_pk>/wiedervorlage-erledigt/",
        views.wiedervorlage_erledigt,
        name="wiedervorlage_erledigt",
    ),
    path("<int:pk>/vereinbarung/neu/", runder_tisch.vereinbarung_neu, name="vereinbarung_neu"),
    path("<int:pk>/vereinbarung/<int:vereinbarung_pk>/", runder_tisch.vereinbarung, name="vereinbarung"),
    path("runder-tisch/", runder_tisch.liste, name="runde_tische"),
    path("runder-tisch/<int:pk>/", runder_tisch.tisch, name="runder_tisch"),
    path("runder-tisch/<int:pk>/protokoll/", runder_tisch.protokoll, name="runder_tisch_protokoll"),
]
