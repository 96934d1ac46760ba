from django.urls import path

from huishoudens import views

app_name = "huishoudens"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<int:pk>/", views.detail, name="detail"),
]
