from django.urls import path

from verwijzingen.views import aanbieder, team

app_name = "verwijzingen"

# Included at the root (sociaaldomein/urls.py).
urlpatterns = [
    path(
        "huishoudens/<int:huishouden_pk>/acties/<int:actie_pk>/verwijzen/",
        team.nieuw,
        name="nieuw",
    ),
    path(
        "huishoudens/<int:huishouden_pk>/verwijzingen/<int:pk>/verzenden/",
        team.verzenden,
        name="verzenden",
    ),
    path(
        "huishoudens/<int:huishouden_pk>/verwijzingen/<int:pk>/toewijzing-301.xml",
        team.toewijzing,
        name="toewijzing",
    ),
    path(
        "huishoudens/<int:huishouden_pk>/verwijzingen/<int:pk>/verlengen/",
        team.verlengen,
        name="verlengen",
    ),
    path(
        "huishoudens/<int:huishouden_pk>/toestemmingen/<int:pk>/intrekken/",
        team.toestemming_intrekken,
        name="toestemming_intrekken",
    ),
    path("verwijzen/productcodes/", team.productcodes, name="productcodes"),
    # the provider's own screens
    path("verwijzingen/", aanbieder.lijst, name="aanbieder"),
    path("verwijzingen/<int:pk>/", aanbieder.detail, name="aanbieder_verwijzing"),
    path("verwijzingen/<int:pk>/antwoord/", aanbieder.antwoord, name="antwoord"),
    path("verwijzingen/<int:pk>/start/", aanbieder.start, name="start"),
    path("verwijzingen/<int:pk>/stop/", aanbieder.stop, name="stop"),
    path("verwijzingen/<int:pk>/voortgang/", aanbieder.voortgang, name="voortgang"),
]
