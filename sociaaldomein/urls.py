from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from sociaaldomein import oidc, views
from sociaaldomein.forms import LoginForm
from sociaaldomein.tweedefactor import views as tweedefactor_views

urlpatterns = [
    path("", views.start, name="start"),
    path("healthz", views.healthz, name="healthz"),
    path("meldingen/", views.meldingen, name="meldingen"),
    path("meldingen/teller/", views.meldingen_teller, name="meldingen_teller"),
    path("meldingen/gelezen/", views.meldingen_gelezen, name="meldingen_gelezen"),
    path("meldingen/<int:pk>/gelezen/", views.melding_gelezen, name="melding_gelezen"),
    path(
        "accounts/login/",
        views.Inloggen.as_view(authentication_form=LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/oidc/inloggen/", oidc.inloggen, name="oidc_authentication_init"),
    path("accounts/oidc/terug/", oidc.terugkeer, name="oidc_authentication_callback"),
    path("accounts/tweede-factor/", tweedefactor_views.tweede_factor, name="tweede_factor"),
    path(
        "accounts/tweede-factor/instellen/",
        tweedefactor_views.tweede_factor_instellen,
        name="tweede_factor_instellen",
    ),
    path("accounts/passkey/", include("sociaaldomein.tweedefactor.passkey")),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("huishoudens/", include("huishoudens.urls")),
    path("huishoudens/<int:huishouden_pk>/", include("casussen.urls")),
    path("huishoudens/<int:huishouden_pk>/toetsen/", include("toetsing.urls")),
    path("maatwerk/", include("toetsing.urls.maatwerk")),
    path("sociale-kaart/", include("socialekaart.urls")),
    path("", include("verwijzingen.urls")),
    path("", include("verantwoording.urls")),
    path("vroegsignalering/", include("vroegsignalering.urls")),
    path("wijk/", include("wijk.urls")),
    path("archief/", include("archief.urls")),
    path("", include("inwoner.urls")),
    path("beheer/", admin.site.urls),
]

handler400 = "sociaaldomein.views.bad_request"
handler403 = "sociaaldomein.views.permission_denied"
handler404 = "sociaaldomein.views.page_not_found"
handler500 = "sociaaldomein.views.server_error"
