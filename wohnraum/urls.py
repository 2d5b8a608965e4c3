from django.urls import path

from .views import staff as views

app_name = "wohnraum"

urlpatterns = [
    path("", views.angebote, name="angebote"),
    path("angebote/<int:pk>/", views.angebot, name="angebot"),
    path("angebote/<int:pk>/foto/<int:foto_pk>/", views.angebot_foto, name="angebot_foto"),
    path("angebote/<int:pk>/vorschlagen/<int:suche_pk>/", views.vorschlagen, name="vorschlagen"),
    path("suchende/", views.suchende, name="suchende"),
    path("suchende/<int:fall_pk>/", views.suche, name="suche"),
    path("vermittlungen/<int:pk>/", views.vermittlung, name="vermittlung"),
    path("statistik/", views.statistik, name="statistik"),
]
