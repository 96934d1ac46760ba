"""The beheerder maintains the iWmo/iJw code list in /beheer/."""

from django.contrib import admin

from verwijzingen.models import Productcode


@admin.register(Productcode)
class ProductcodeAdmin(admin.ModelAdmin):
    list_display = ["code", "categorie", "categorie_naam", "omschrijving", "wet"]
    list_filter = ["wet", "categorie"]
    search_fields = ["code", "omschrijving", "categorie_naam"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
