from django.urls import path

from toetsing.views import maatwerk as views

app_name = "maatwerk"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("teller/", views.teller, name="teller"),
    path("budget/", views.budget, name="budget"),
    path("register/", views.register, name="register"),
    path("register/<int:pk>/markeren/", views.markeren, name="markeren"),
    path("raad/", views.raad, name="raad"),
    path("raad/csv/", views.raad_csv, name="raad_csv"),
    path("<int:pk>/", views.verzoek, name="verzoek"),
    path("<int:pk>/details/", views.details, name="details"),
    path("<int:pk>/besluiten/", views.besluiten, name="besluiten"),
    path("<int:pk>/beantwoorden/", views.beantwoorden, name="beantwoorden"),
    path("<int:pk>/escaleren/", views.escaleren, name="escaleren"),
    path(
        "<int:pk>/escalaties/<int:escalatie_pk>/antwoord/",
        views.escalatie_antwoord,
        name="escalatie_antwoord",
    ),
]
