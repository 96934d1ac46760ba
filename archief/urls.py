from django.urls import path

from archief import views

app_name = "archief"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("<int:pk>/", views.lijst, name="lijst"),
    path("<int:pk>/verklaring/", views.verklaring, name="verklaring"),
]
