"""The offers app's staff inboxes, mounted from portal/urls.py (areas as in DESIGN.md). URL names are
global (no app namespace): templates and tests use them as they are."""

from django.urls import path

from .views import staff

# /{lang}/ehrenamt/moebelspenden/…: the Ehrenamtskoordination works the furniture donations here.
ehrenamt_urlpatterns = [
    path("moebelspenden/", staff.moebelspenden, name="moebelspenden"),
    path("moebelspenden/<int:pk>/", staff.moebelspende_detail, name="moebelspende_detail"),
    path("moebelspenden/<int:pk>/foto/<int:foto_pk>/", staff.moebelspende_foto, name="moebelspende_foto"),
]
# /{lang}/intern/anwohner/…: the Integrationsmanagement's case workers work the neighbours' concerns here.
intern_urlpatterns = [
    path("anwohner/", staff.anwohner_anliegen, name="anwohner_anliegen"),
    path("anwohner/<int:pk>/", staff.anwohner_anliegen_detail, name="anwohner_anliegen_detail"),
]
