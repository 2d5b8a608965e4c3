from django.urls import include, path

from . import views

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("daten/", views.download_account_data, name="account_data_download"),
    path("loeschen/", views.delete_account, name="account_delete"),
    # Before allauth's: the forced set-up of a second factor starts with a mailed link.
    path("2fa/einrichten/", views.mfa_enrolment, name="mfa_enrolment"),
    path("2fa/einrichten/<str:token>/", views.mfa_enrolment_confirm, name="mfa_enrolment_confirm"),
    path("", include("allauth.urls")),
]
