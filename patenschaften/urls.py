"""Patenschaften: the member and coordination side under /{lang}/ehrenamt/ (namespace "patenschaften"),
the Integrationsmanagement's side under /{lang}/intern/ (`intern_urlpatterns`, namespace
"patenschaften_intern"); both are mounted by portal/urls.py."""

from django.urls import path

from .views import member, staff

app_name = "patenschaften"

urlpatterns = [
    path("patenschaft/", member.bewerbung, name="patenbewerbung"),
    path("meine-patenschaften/", member.meine_patenschaften, name="meine_patenschaften"),
    path("koordination/paten/", staff.bewerbungen, name="patenbewerbungen"),
    path("koordination/paten/<int:pk>/entscheiden/", staff.bewerbung_entscheiden, name="patenbewerbung_entscheiden"),
    path("koordination/paten-suchende/", staff.suchende, {"bereich": "koordination"}, name="suchende"),
    path("koordination/paten-suchende/neu/", staff.suche_bearbeiten, {"bereich": "koordination"}, name="suche_neu"),
    path("koordination/paten-suchende/<int:pk>/", staff.suche, name="suche"),
    path(
        "koordination/paten-suchende/<int:pk>/bearbeiten/",
        staff.suche_bearbeiten,
        {"bereich": "koordination"},
        name="suche_bearbeiten",
    ),
    path("koordination/patenschaften/", staff.patenschaften, name="patenschaften"),
    path("koordination/patenschaften/<int:pk>/", staff.patenschaft, name="patenschaft"),
    path("koordination/patenschaften/<int:pk>/rueckmeldung/", staff.rueckmeldung, name="rueckmeldung"),
    path("koordination/patenschaften/<int:pk>/beenden/", staff.beenden, name="patenschaft_beenden"),
]

# The Integrationsmanagement registers households seeking a Pate in the staff area (MFA).
intern_urlpatterns = [
    path("paten-suchende/", staff.suchende, {"bereich": "intern"}, name="suchende"),
    path("paten-suchende/neu/", staff.suche_bearbeiten, {"bereich": "intern"}, name="suche_neu"),
    path("paten-suchende/<int:pk>/", staff.suche_bearbeiten, {"bereich": "intern"}, name="suche_bearbeiten"),
]
