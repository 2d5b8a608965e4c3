from django.urls import path

from . import views

app_name = "beirat"

urlpatterns = [
    path("", views.uebersicht, name="uebersicht"),
    path("sitzungen/neu/", views.sitzung_neu, name="sitzung_neu"),
    path("sitzungen/<int:pk>/", views.sitzung, name="sitzung"),
    path("sitzungen/<int:pk>/bearbeiten/", views.sitzung_bearbeiten, name="sitzung_bearbeiten"),
    path("sitzungen/<int:pk>/ical/", views.sitzung_ical, name="sitzung_ical"),
    path("sitzungen/<int:pk>/einladen/", views.sitzung_einladen, name="sitzung_einladen"),
    path("sitzungen/<int:pk>/antwort/", views.sitzung_antworten, name="sitzung_antworten"),
    path("sitzungen/<int:pk>/protokoll/", views.protokoll_bearbeiten, name="protokoll"),
    path("sitzungen/<int:pk>/protokoll/freigabe/", views.protokoll_freigabe, name="protokoll_freigabe"),
    path("sitzungen/<int:pk>/protokoll/pdf/", views.protokoll_pdf, name="protokoll_pdf"),
    path("sitzungen/<int:pk>/beschluss/", views.beschluss_neu, name="beschluss_neu"),
    path("beschluesse/", views.beschluesse, name="beschluesse"),
    path("beschluesse/<int:pk>/", views.beschluss, name="beschluss"),
    path("beschluesse/<int:pk>/veroeffentlichen/", views.beschluss_veroeffentlichen, name="beschluss_veroeffentlichen"),
    path("dokumente/", views.dokumente, name="dokumente"),
    path("massnahmen/", views.monitor, name="monitor"),
    path("massnahmen/<int:pk>/", views.massnahme, name="massnahme"),
    path("meine-angaben/", views.meine_angaben, name="meine_angaben"),
]
