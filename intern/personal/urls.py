from django.urls import path

from . import views

app_name = "personal"

urlpatterns = [
    path("", views.liste, name="bewerbungen"),
    path("<int:pk>/", views.detail, name="bewerbung"),
    path("<int:pk>/lebenslauf.pdf", views.lebenslauf, name="lebenslauf"),
    path("statistik/", views.statistik, name="statistik"),
]
