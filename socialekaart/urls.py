from django.urls import path

from socialekaart import views

app_name = "socialekaart"

urlpatterns = [
    path("", views.zoeken, name="zoeken"),
    path("<int:pk>/", views.dienst, name="dienst"),
]
