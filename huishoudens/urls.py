from django.urls import path

from huishoudens import views

app_name = "huishoudens"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("<int:pk>/leden/nieuw/", views.lid_nieuw, name="lid_nieuw"),
    path("<int:pk>/leden/<int:lid_pk>/wijzigen/", views.lid_wijzigen, name="lid_wijzigen"),
    path("<int:pk>/leden/<int:lid_pk>/vertrek/", views.lid_vertrek, name="lid_vertrek"),
    path(
        "<int:pk>/leden/<int:lid_pk>/domeinen/",
        views.beoordelen_lid,
        name="beoordelen_lid",
    ),
    path(
        "<int:pk>/leden/<int:lid_pk>/domeinen/<slug:domein>/",
        views.beoordelen,
        name="beoordelen",
    ),
    path("<int:pk>/delen/", views.delen, name="delen"),
    path(
        "<int:pk>/delen/<int:grant_pk>/intrekken/",
        views.delen_intrekken,
        name="delen_intrekken",
    ),
]
