from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db import models

from sociaaldomein.models import Team, User
from sociaaldomein.tweedefactor import services as tweedefactor_services


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["naam", "wijk"]
    search_fields = ["naam", "wijk"]
    # Checkboxes instead of Django's filter_horizontal widget, whose search icons carry
    # an aria-label on a bare <span> (axe-core: aria-prohibited-attr, serious).
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "is_active"]
    list_filter = ["is_active", "groups", "teams"]

    actions = ["reset_tweede_factor"]

    @admin.action(
        description="Tweede factor opnieuw instellen (telefoon kwijt)",
        permissions=["reset_second_factor"],
    )
    def reset_tweede_factor(self, request, queryset):
        """Removes the app and recovery codes; logged in the access log and the admin's
        history. The user sets up a new app at the next sign-in."""
        for gebruiker in queryset:
            tweedefactor_services.reset_second_factor(gebruiker=gebruiker, request=request)
            self.log_change(request, gebruiker, "Tweede factor opnieuw ingesteld")
        self.message_user(
            request,
            f"Tweede factor opnieuw ingesteld voor {queryset.count()} gebruiker(s). Zij stellen "
            "bij de volgende keer inloggen een nieuwe app in.",
        )

    def has_reset_second_factor_permission(self, request) -> bool:
        return request.user.can_reset_second_factor
