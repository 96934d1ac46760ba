from django.urls import path

from toetsing import views

app_name = "toetsing"

# Included under huishoudens/<int:huishouden_pk>/toetsen/ (sociaaldomein/urls.py).
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/doel/<int:doel_pk>/", views.starten, name="starten_doel"),
    path("nieuw/actie/<int:actie_pk>/", views.starten, name="starten_actie"),
    path("<int:toets_pk>/", views.toets, name="toets"),
    path("<int:toets_pk>/stap-1/", views.stap1, name="stap1"),
    path("<int:toets_pk>/stap-1/opslaan/", views.stap1_opslaan, name="stap1_opslaan"),
    path("<int:toets_pk>/stap-1/heropenen/", views.heropenen, name="heropenen"),
    path("<int:toets_pk>/stap-2/", views.stap2, name="stap2"),
    path("<int:toets_pk>/stap-2/opslaan/", views.stap2_opslaan, name="stap2_opslaan"),
    path("<int:toets_pk>/stap-2/artikelen/", views.artikelen, name="artikelen"),
    path("<int:toets_pk>/corrigeren/", views.corrigeren, name="corrigeren"),
]
