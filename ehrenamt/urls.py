from django.urls import path

from . import koordination, paten, views

app_name = "ehrenamt"

urlpatterns = [
    path("mein-profil/", views.profil, name="profil"),
    path("schichten/", views.schichten, name="schichten"),
    path("schichten/<int:pk>/", views.schicht, name="schicht"),
    path("schichten/<int:pk>/anmelden/", views.anmelden, name="anmelden"),
    path("einsaetze/<int:pk>/absagen/", views.abmelden, name="abmelden"),
    path("meine-einsaetze/", views.meine_einsaetze, name="meine_einsaetze"),
    path("meine-einsaetze/kalender-erneuern/", views.feed_erneuern, name="feed_erneuern"),
    path("meine-einsaetze/nachweis/<int:jahr>/", views.nachweis_pdf, name="nachweis"),
    path("kalender/<str:token>/", views.feed, name="feed"),
    path("koordination/", koordination.uebersicht, name="uebersicht"),
    path("koordination/schichten/neu/", koordination.schicht_neu, name="schicht_neu"),
    path("koordination/schichten/<int:pk>/", koordination.schicht_detail, name="schicht_koordination"),
    path("koordination/schichten/<int:pk>/bearbeiten/", koordination.schicht_bearbeiten, name="schicht_bearbeiten"),
    path("koordination/schichten/<int:pk>/absagen/", koordination.schicht_absagen, name="schicht_absagen"),
    path("koordination/schichten/<int:pk>/nachricht/", koordination.schicht_nachricht, name="schicht_nachricht"),
    path("koordination/schichten/<int:pk>/anwesenheit/", koordination.anwesenheit, name="anwesenheit"),
    path("koordination/schichten/<int:pk>/eintragen/", koordination.eintragen, name="eintragen"),
    path("koordination/einsaetze/<int:pk>/austragen/", koordination.austragen, name="austragen"),
    path("koordination/woche-kopieren/", koordination.woche_kopieren, name="woche_kopieren"),
    path("koordination/export/", koordination.export, name="export"),
    path("koordination/freiwillige/", koordination.freiwillige, name="freiwillige"),
    path("koordination/freiwillige/<int:pk>/", koordination.freiwillige_detail, name="freiwillige_detail"),
    path("koordination/freiwillige/<int:pk>/entscheiden/", koordination.entscheiden, name="entscheiden"),
    path("koordination/freiwillige/<int:pk>/qualifikation/", koordination.qualifikation, name="qualifikation"),
    path(
        "koordination/freiwillige/<int:pk>/qualifikation/<int:nachweis_pk>/loeschen/",
        koordination.qualifikation_loeschen,
        name="qualifikation_loeschen",
    ),
    path("patenschaft/", paten.bewerbung, name="patenbewerbung"),
    path("meine-patenschaften/", paten.meine_patenschaften, name="meine_patenschaften"),
    path("koordination/paten/", paten.bewerbungen, name="patenbewerbungen"),
    path("koordination/paten/<int:pk>/entscheiden/", paten.bewerbung_entscheiden, name="patenbewerbung_entscheiden"),
    path("koordination/paten-suchende/", paten.suchende, {"bereich": "koordination"}, name="suchende"),
    path("koordination/paten-suchende/neu/", paten.suche_bearbeiten, {"bereich": "koordination"}, name="suche_neu"),
    path("koordination/paten-suchende/<int:pk>/", paten.suche, name="suche"),
    path(
        "koordination/paten-suchende/<int:pk>/bearbeiten/",
        paten.suche_bearbeiten,
        {"bereich": "koordination"},
        name="suche_bearbeiten",
    ),
    path("koordination/patenschaften/", paten.patenschaften, name="patenschaften"),
    path("koordination/patenschaften/<int:pk>/", paten.patenschaft, name="patenschaft"),
    path("koordination/patenschaften/<int:pk>/rueckmeldung/", paten.rueckmeldung, name="rueckmeldung"),
    path("koordination/patenschaften/<int:pk>/beenden/", paten.beenden, name="patenschaft_beenden"),
    path(
        "koordination/freiwillige/<int:pk>/nachweis/<int:jahr>/",
        koordination.freiwillige_nachweis,
        name="freiwillige_nachweis",
    ),
]

# The Integrationsmanagement registers households seeking a Pate in the staff area (MFA).
intern_urlpatterns = [
    path("paten-suchende/", paten.suchende, {"bereich": "intern"}, name="suchende"),
    path("paten-suchende/neu/", paten.suche_bearbeiten, {"bereich": "intern"}, name="suche_neu"),
    path("paten-suchende/<int:pk>/", paten.suche_bearbeiten, {"bereich": "intern"}, name="suche_bearbeiten"),
]
