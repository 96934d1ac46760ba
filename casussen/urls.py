from django.urls import path

from casussen import views

app_name = "casussen"

# Included under huishoudens/<int:huishouden_pk>/plan/ (sociaaldomein/urls.py).
urlpatterns = [
    path("", views.plan, name="plan"),
    path("starten/", views.starten, name="starten"),
    path("eigen-woorden/", views.eigen_woorden, name="eigen_woorden"),
    path("doelen/nieuw/", views.doel_nieuw, name="doel_nieuw"),
    path("doelen/<int:doel_pk>/", views.doel_wijzigen, name="doel_wijzigen"),
    path("doelen/<int:doel_pk>/acties/nieuw/", views.actie_nieuw, name="actie_nieuw"),
    path("acties/<int:actie_pk>/", views.actie_wijzigen, name="actie_wijzigen"),
    path("akkoord/", views.akkoord, name="akkoord"),
    path("veiligheid/", views.veiligheid, name="veiligheid"),
    path(
        "veiligheid/<int:zorg_pk>/opheffen/",
        views.veiligheid_opheffen,
        name="veiligheid_opheffen",
    ),
    path("termijnen/nieuw/", views.termijn_nieuw, name="termijn_nieuw"),
    path("termijnen/<int:termijn_pk>/voldaan/", views.termijn_voldaan, name="termijn_voldaan"),
]
