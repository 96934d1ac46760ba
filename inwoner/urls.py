from django.urls import path

from inwoner import digid, views

app_name = "inwoner"

# Included at the root (sociaaldomein/urls.py).
urlpatterns = [
    path("mijn-plan/", views.mijn_plan, name="mijn_plan"),
    path("mijn-plan/akkoord/", views.akkoord, name="akkoord"),
    path("mijn-plan/inbreng/", views.inbreng, name="inbreng"),
    path("mijn-plan/wie-heeft-mijn-gegevens-bekeken/", views.bekeken, name="bekeken"),
    path("mijn-plan/mijn-rechten/", views.rechten, name="rechten"),
    path("mijn-plan/mijn-rechten/inzage/", views.inzage, name="inzage"),
    path("activeren/", views.activeren, name="activeren"),
    path("inloggen/digid/", digid.inloggen, name="digid_inloggen"),
    path("inloggen/digid/terug/", digid.terugkeer, name="digid_terug"),
    path("inloggen/digid/geen-toegang/", views.digid_geweigerd, name="digid_geweigerd"),
    path("huishoudens/<int:pk>/uitnodigen/", views.uitnodigen, name="uitnodigen"),
    path(
        "huishoudens/<int:pk>/inbreng/<int:inbreng_pk>/",
        views.inbreng_besluit,
        name="inbreng_besluit",
    ),
    path(
        "huishoudens/<int:pk>/avg-verzoeken/<int:verzoek_pk>/",
        views.avg_antwoord,
        name="avg_antwoord",
    ),
]
