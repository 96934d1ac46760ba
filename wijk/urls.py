from django.urls import path

from wijk import views, views_makelaar, views_verhalen

app_name = "wijk"

# Included at /wijk/ (sociaaldomein/urls.py).
urlpatterns = [
    path("", views.wijkbeeld, name="wijkbeeld"),
    path("wijkbeeld.csv", views.wijkbeeld_csv, name="wijkbeeld_csv"),
    path("raadsrapport.pdf", views_verhalen.raadsrapport, name="raadsrapport"),
    path("verhalen/", views_verhalen.verhalen, name="verhalen"),
    path(
        "verhalen/<int:pk>/selecteren/",
        views_verhalen.verhaal_selecteren,
        name="verhaal_selecteren",
    ),
    path("huishoudens/<int:pk>/verhaal/", views_verhalen.verhaal_nieuw, name="verhaal_nieuw"),
    path("makelaar/", views_makelaar.makelaar, name="makelaar"),
    path("makelaar/aanbod/", views_makelaar.aanbod_nieuw, name="aanbod_nieuw"),
    path("makelaar/behoefte/", views_makelaar.behoefte_nieuw, name="behoefte_nieuw"),
    path("makelaar/match/", views_makelaar.match_voorstellen, name="match_voorstellen"),
    path("makelaar/match/<int:pk>/stap/", views_makelaar.match_stap, name="match_stap"),
]
