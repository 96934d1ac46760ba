from django.contrib import admin, messages

from vroegsignalering.models import (
    Aanleverlog,
    Partnerorganisatie,
    Teaminstelling,
    Vernietigingsronde,
    Wijkindeling,
)


@admin.register(Partnerorganisatie)
class PartnerorganisatieAdmin(admin.ModelAdmin):
    """Signal partners. A token for the endpoint: `Partnerorganisatie.nieuw_token()`
    (shown once; only its hash is kept)."""

    list_display = ["naam", "soort", "actief"]
    list_filter = ["soort", "actief"]
    fields = ["naam", "soort", "actief"]
    actions = ["maak_token"]

    @admin.action(description="Nieuw token voor de partnerkoppeling (het oude vervalt)")
    def maak_token(self, request, queryset):
        for partner in queryset:
            token = partner.nieuw_token()
            self.message_user(
                request,
                f"Token voor {partner.naam} (wordt maar één keer getoond): {token}",
                messages.WARNING,
            )


@admin.register(Teaminstelling)
class TeaminstellingAdmin(admin.ModelAdmin):
    list_display = ["team", "crisis_werkdagen", "overig_werkdagen"]


@admin.register(Wijkindeling)
class WijkindelingAdmin(admin.ModelAdmin):
    list_display = ["postcodecijfers", "team"]
    list_select_related = ["team"]


@admin.register(Aanleverlog)
class AanleverlogAdmin(admin.ModelAdmin):
    list_display = ["tijdstip", "partner", "status", "ontvangen", "nieuw", "melding"]
    readonly_fields = ["tijdstip", "partner", "adres", "status", "ontvangen", "nieuw", "melding"]

    def has_add_permission(self, request):
        return False


@admin.register(Vernietigingsronde)
class VernietigingsrondeAdmin(admin.ModelAdmin):
    list_display = ["tijdstip", "grens", "zaken", "signalen"]
    readonly_fields = ["tijdstip", "grens", "zaken", "signalen", "per_partnersoort"]

    def has_add_permission(self, request):
        return False
