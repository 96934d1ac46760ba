"""The functioneel beheerder maintains the sociale kaart in /beheer/."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone

from socialekaart.models import Dienst, Locatie, Organisatie


class LocatieInline(admin.TabularInline):
    model = Locatie
    extra = 0


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "telefoon", "email"]
    search_fields = ["naam"]
    inlines = [LocatieInline]
    filter_horizontal = ["gebruikers"]


@admin.register(Locatie)
class LocatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "organisatie", "wijk", "adres"]
    list_filter = ["wijk"]
    search_fields = ["naam", "organisatie__naam"]


@admin.action(description="Markeer als gecontroleerd (vandaag, door mij)")
def markeer_gecontroleerd(modeladmin, request, queryset) -> None:
    queryset.update(gecontroleerd_op=timezone.localdate(), gecontroleerd_door=request.user)


@admin.register(Dienst)
class DienstAdmin(admin.ModelAdmin):
    list_display = ["naam", "organisatie", "status", "voorliggend", "gecontroleerd_op", "verouderd"]
    list_filter = ["status", "voorliggend", "leefdomeinen", "locatie__wijk"]
    search_fields = ["naam", "upl_naam", "organisatie__naam"]
    filter_horizontal = ["leefdomeinen"]
    list_select_related = ["organisatie"]
    actions = [markeer_gecontroleerd]
    readonly_fields = ["gecontroleerd_door"]

    @admin.display(boolean=True, description="langer dan 12 maanden niet gecontroleerd")
    def verouderd(self, obj: Dienst) -> bool:
        return obj.is_verouderd(timezone.localdate())

    def save_model(self, request, obj, form, change) -> None:
        if "gecontroleerd_op" in form.changed_data:
            obj.gecontroleerd_door = request.user
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
