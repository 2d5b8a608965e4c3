from django.urls import include, path

from . import views

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("daten/", views.download_account_data, name="account_data_download"),
    path("loeschen/", views.delete_account, name="account_delete"),
    path("", include("allauth.urls")),
]
