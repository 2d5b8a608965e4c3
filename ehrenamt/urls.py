from django.urls import path

from .views import member, public, staff

app_name = "ehrenamt"

urlpatterns = [
    path("mein-profil/", member.profil, name="profil"),
    path("schichten/", member.schichten, name="schichten"),
    path("schichten/<int:pk>/", member.schicht, name="schicht"),
    path("schichten/<int:pk>/anmelden/", member.anmelden, name="anmelden"),
    path("einsaetze/<int:pk>/absagen/", member.abmelden, name="abmelden"),
    path("meine-einsaetze/", member.meine_einsaetze, name="meine_einsaetze"),
    path("meine-einsaetze/kalender-erneuern/", member.feed_erneuern, name="feed_erneuern"),
    path("meine-einsaetze/nachweis/<int:jahr>/", member.nachweis_pdf, name="nachweis"),
    path("kalender/<str:token>/", public.feed, name="feed"),
    path("koordination/", staff.uebersicht, name="uebersicht"),
    path("koordination/schichten/neu/", staff.schicht_neu, name="schicht_neu"),
    path("koordination/schichten/<int:pk>/", staff.schicht_detail, name="schicht_koordination"),
    path("koordination/schichten/<int:pk>/bearbeiten/", staff.schicht_bearbeiten, name="schicht_bearbeiten"),
    path("koordination/schichten/<int:pk>/absagen/", staff.schicht_absagen, name="schicht_absagen"),
    path("koordination/schichten/<int:pk>/nachricht/", staff.schicht_nachricht, name="schicht_nachricht"),
    path("koordination/schichten/<int:pk>/anwesenheit/", staff.anwesenheit, name="anwesenheit"),
    path("koordination/schichten/<int:pk>/eintragen/", staff.eintragen, name="eintragen"),
    path("koordination/einsaetze/<int:pk>/austragen/", staff.austragen, name="austragen"),
    path("koordination/woche-kopieren/", staff.woche_kopieren, name="woche_kopieren"),
    path("koordination/export/", staff.export, name="export"),
    path("koordination/freiwillige/", staff.freiwillige, name="freiwillige"),
    path("koordination/freiwillige/<int:pk>/", staff.freiwillige_detail, name="freiwillige_detail"),
    path("koordination/freiwillige/<int:pk>/entscheiden/", staff.entscheiden, name="entscheiden"),
    path("koordination/freiwillige/<int:pk>/qualifikation/", staff.qualifikation, name="qualifikation"),
    path(
        "koordination/freiwillige/<int:pk>/qualifikation/<int:nachweis_pk>/loeschen/",
        staff.qualifikation_loeschen,
        name="qualifikation_loeschen",
    ),
    path(
        "koordination/freiwillige/<int:pk>/nachweis/<int:jahr>/",
        staff.freiwillige_nachweis,
        name="freiwillige_nachweis",
    ),
]
