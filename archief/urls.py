from django.urls import path

from archief import views

app_name = "archief"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("<int:pk>/", views.lijst, name="lijst"),
    path("<int:pk>/verklaring/", views.verklaring, name="verklaring"),
    path("huishouden/<int:pk>/verzoek/", views.verzoek_nieuw, name="verzoek_nieuw"),
    path("verzoek/<int:pk>/", views.verzoek, name="verzoek"),
]
