from django.urls import path

from wijk import views

app_name = "wijk"

# Included at /wijk/ (sociaaldomein/urls.py).
urlpatterns = [
    path("", views.wijkbeeld, name="wijkbeeld"),
    path("wijkbeeld.csv", views.wijkbeeld_csv, name="wijkbeeld_csv"),
]
