from django.urls import path

from . import koordination, views

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
    path(
        "koordination/freiwillige/<int:pk>/nachweis/<int:jahr>/",
        koordination.freiwillige_nachweis,
        name="freiwillige_nachweis",
    ),
]
