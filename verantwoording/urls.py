from django.urls import path

from verantwoording import views

app_name = "verantwoording"

# Included at the root (sociaaldomein/urls.py).
urlpatterns = [
    path("huishoudens/<int:pk>/dossier/", views.dossier, name="dossier"),
    path("huishoudens/<int:pk>/dossier/maken/", views.dossier_maken, name="dossier_maken"),
    path(
        "huishoudens/<int:pk>/dossier/voortgang/",
        views.dossier_voortgang,
        name="dossier_voortgang",
    ),
    path(
        "huishoudens/<int:pk>/dossier/<int:export_pk>/download/",
        views.dossier_download,
        name="dossier_download",
    ),
    path(
        "huishoudens/<int:pk>/beschikkingen/<int:toets_pk>/",
        views.beschikking,
        name="beschikking",
    ),
    path(
        "huishoudens/<int:pk>/toegangslog/",
        views.huishouden_toegangslog,
        name="huishouden_toegangslog",
    ),
    path(
        "huishoudens/<int:pk>/uitzonderlijke-toegang/beeindigen/",
        views.doorbraak_beeindigen,
        name="doorbraak_beeindigen",
    ),
    path("uitzonderlijke-toegang/", views.doorbraak, name="doorbraak"),
    path("dossiers/controleren/", views.dossier_controleren, name="dossier_controleren"),
    path("toegangslog/", views.toegangslog, name="toegangslog"),
]
