from django.urls import path

from . import views

app_name = "personal"

urlpatterns = [
    path("", views.liste, name="bewerbungen"),
    path("<int:pk>/", views.detail, name="bewerbung"),
    path("<int:pk>/lebenslauf.pdf", views.lebenslauf, name="lebenslauf"),
    path("<int:pk>/vorstellungsgespraech.ics", views.gespraech_ics, name="gespraech_ics"),
    path("statistik/", views.statistik, name="statistik"),
]
