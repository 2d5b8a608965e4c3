from django.urls import path

from .views import staff

app_name = "personal"

urlpatterns = [
    path("", staff.liste, name="bewerbungen"),
    path("<int:pk>/", staff.detail, name="bewerbung"),
    path("<int:pk>/lebenslauf.pdf", staff.lebenslauf, name="lebenslauf"),
    path("<int:pk>/vorstellungsgespraech.ics", staff.gespraech_ics, name="gespraech_ics"),
    path("statistik/", staff.statistik, name="statistik"),
]
