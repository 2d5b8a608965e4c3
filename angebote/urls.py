from django.urls import path

from . import inbox

ehrenamt_urlpatterns = [
    path("moebelspenden/", inbox.moebelspenden, name="moebelspenden"),
    path("moebelspenden/<int:pk>/", inbox.moebelspende_detail, name="moebelspende_detail"),
    path("moebelspenden/<int:pk>/foto/<int:foto_pk>/", inbox.moebelspende_foto, name="moebelspende_foto"),
]
intern_urlpatterns = [
    path("anwohner/", inbox.anwohner_anliegen, name="anwohner_anliegen"),
    path("anwohner/<int:pk>/", inbox.anwohner_anliegen_detail, name="anwohner_anliegen_detail"),
]
