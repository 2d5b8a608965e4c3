from django.urls import path

from .views import member

app_name = "beirat"

urlpatterns = [
    path("", member.uebersicht, name="uebersicht"),
    path("sitzungen/neu/", member.sitzung_neu, name="sitzung_neu"),
    path("sitzungen/<int:pk>/", member.sitzung, name="sitzung"),
    path("sitzungen/<int:pk>/bearbeiten/", member.sitzung_bearbeiten, name="sitzung_bearbeiten"),
    path("sitzungen/<int:pk>/ical/", member.sitzung_ical, name="sitzung_ical"),
    path("sitzungen/<int:pk>/einladen/", member.sitzung_einladen, name="sitzung_einladen"),
    path("sitzungen/<int:pk>/antwort/", member.sitzung_antworten, name="sitzung_antworten"),
    path("sitzungen/<int:pk>/protokoll/", member.protokoll_bearbeiten, name="protokoll"),
    path("sitzungen/<int:pk>/protokoll/freigabe/", member.protokoll_freigabe, name="protokoll_freigabe"),
    path("sitzungen/<int:pk>/protokoll/pdf/", member.protokoll_pdf, name="protokoll_pdf"),
    path("sitzungen/<int:pk>/beschluss/", member.beschluss_neu, name="beschluss_neu"),
    path("beschluesse/", member.beschluesse, name="beschluesse"),
    path("beschluesse/<int:pk>/", member.beschluss, name="beschluss"),
    path(
        "beschluesse/<int:pk>/veroeffentlichen/", member.beschluss_veroeffentlichen, name="beschluss_veroeffentlichen"
    ),
    path("dokumente/", member.dokumente, name="dokumente"),
    path("massnahmen/", member.monitor, name="monitor"),
    path("massnahmen/<int:pk>/", member.massnahme, name="massnahme"),
    path("meine-angaben/", member.meine_angaben, name="meine_angaben"),
]
