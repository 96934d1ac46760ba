from django.urls import path

from casussen import views

app_name = "casussen"

# Included under huishoudens/<int:huishouden_pk>/ (sociaaldomein/urls.py): the plan and
# the household's status, whose activation starts the plan.
urlpatterns = [
    path("status/", views.status, name="status"),
    path("plan/", views.plan, name="plan"),
    path("plan/starten/", views.starten, name="starten"),
    path("plan/eigen-woorden/", views.eigen_woorden, name="eigen_woorden"),
    path("plan/doelen/nieuw/", views.doel_nieuw, name="doel_nieuw"),
    path("plan/doelen/<int:doel_pk>/", views.doel_wijzigen, name="doel_wijzigen"),
    path("plan/doelen/<int:doel_pk>/acties/nieuw/", views.actie_nieuw, name="actie_nieuw"),
    path("plan/acties/<int:actie_pk>/", views.actie_wijzigen, name="actie_wijzigen"),
    path("plan/akkoord/", views.akkoord, name="akkoord"),
    path("plan/veiligheid/", views.veiligheid, name="veiligheid"),
    path(
        "plan/veiligheid/<int:zorg_pk>/opheffen/",
        views.veiligheid_opheffen,
        name="veiligheid_opheffen",
    ),
    path("plan/termijnen/nieuw/", views.termijn_nieuw, name="termijn_nieuw"),
    path("plan/termijnen/<int:termijn_pk>/voldaan/", views.termijn_voldaan, name="termijn_voldaan"),
]
