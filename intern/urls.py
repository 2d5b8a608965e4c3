"""The staff area /{lang}/intern/: a start page, the case register and the audit log."""

from django.urls import include, path

from intern.audit.views import staff as audit_views
from intern.faelle.views import staff_datenschutz as datenschutz

from .views import staff as views

urlpatterns = [
    path("", views.start, name="intern_start"),
    path("faelle/", include("intern.faelle.urls")),
    path("fortbildung/", include("intern.fortbildung.urls")),
    path("bewerbungen/", include("intern.personal.urls")),
    path("datenschutz/protokoll/", audit_views.protokoll, name="audit_protokoll"),
    path("datenschutz/protokoll.csv", audit_views.protokoll_csv, name="audit_protokoll_csv"),
    path(
        "datenschutz/",
        include(
            (
                [
                    path("auskunft/", datenschutz.auskunft, name="auskunft"),
                    path("personen/<int:person_pk>/auskunft.json", datenschutz.auskunft_json, name="auskunft_json"),
                    path("personen/<int:person_pk>/auskunft.pdf", datenschutz.auskunft_pdf, name="auskunft_pdf"),
                    path("personen/<int:person_pk>/loeschen/", datenschutz.person_loeschen, name="person_loeschen"),
                    path("faelle/<int:pk>/loeschen/", datenschutz.fall_loeschen, name="fall_loeschen"),
                ],
                "faelle_datenschutz",
            )
        ),
    ),
]
