from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


class BeheerAdminSite(admin.AdminSite):
    """The Django admin, for the functioneel beheerder and superusers only.

    There is one login page for the whole product (/accounts/login/); a logged-in user
    without the role gets the friendly 403 instead of the admin's own login form.
    """

    site_header = "Eén Plan — beheer"
    site_title = "Eén Plan beheer"
    index_title = "Referentiegegevens en organisatie"

    def has_permission(self, request) -> bool:
        user = request.user
        return bool(
            user.is_active
            and user.is_authenticated
            and (user.is_superuser or (user.is_staff and user.is_beheerder))
        )

    def login(self, request, extra_context=None):
        if request.user.is_authenticated:
            raise PermissionDenied
        return redirect_to_login(request.GET.get("next") or request.get_full_path())
