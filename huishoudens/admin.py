from django.contrib import admin

from huishoudens.models import Leefdomein


@admin.register(Leefdomein)
class LeefdomeinAdmin(admin.ModelAdmin):
    """Reference data for the functioneel beheerder: the domains of the instrument in use
    (seeded: the 13 of the Zelfredzaamheid-Matrix). Deactivate instead of delete, so
    earlier assessments keep their domain."""

    list_display = [
        "naam",
        "volgorde",
        "instrument",
        "nvt_onder_leeftijd",
        "basisbehoefte",
        "actief",
    ]
    list_editable = ["volgorde", "actief"]
    list_filter = ["actief", "instrument", "basisbehoefte"]
    search_fields = ["naam", "code"]
    prepopulated_fields = {"code": ["naam"]}

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
