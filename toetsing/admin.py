from django.contrib import admin

from toetsing.models import (
    Artikel,
    Beleidsregel,
    Grondwaarde,
    MaatwerkBudget,
    MaatwerkMandaat,
    Wet,
)


class GrondwaardeInline(admin.TabularInline):
    model = Grondwaarde
    extra = 0
    fields = ["naam", "toelichting", "volgorde", "actief"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("wet")


class ArtikelInline(admin.TabularInline):
    model = Artikel
    extra = 0
    fields = [
        "nummer",
        "titel",
        "betekenis",
        "altijd_toetsen",
        "afwijkingsgrond",
        "procedureel",
        "ingetrokken_op",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("wet")


@admin.register(Wet)
class WetAdmin(admin.ModelAdmin):
    """Laws and local rules with their core values and articles, for the beheerder.

    Nothing is deleted: a core value is switched off, an article is retired with a date,
    so toetsen that cited them stay readable."""

    list_display = ["afkorting", "naam", "soort", "algemeen", "actief"]
    list_filter = ["soort", "algemeen", "actief"]
    search_fields = ["afkorting", "naam"]
    inlines = [GrondwaardeInline, ArtikelInline]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Artikel)
class ArtikelAdmin(admin.ModelAdmin):
    list_display = ["__str__", "altijd_toetsen", "afwijkingsgrond", "procedureel", "ingetrokken_op"]
    list_filter = ["wet", "altijd_toetsen", "afwijkingsgrond", "procedureel"]
    search_fields = ["nummer", "titel", "betekenis"]
    list_select_related = ["wet"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(MaatwerkMandaat)
class MaatwerkMandaatAdmin(admin.ModelAdmin):
    """The mandate rules per team (issue 6): data the beheerder sets, not code."""

    list_display = ["team", "bedrag_a", "bedrag_b", "plafond_huishouden", "voorliggend_verplicht"]
    list_select_related = ["team"]


@admin.register(MaatwerkBudget)
class MaatwerkBudgetAdmin(admin.ModelAdmin):
    """The maatwerk budget per team, year and funding stream."""

    list_display = ["team", "jaar", "financiering", "bedrag"]
    list_filter = ["jaar", "financiering", "team"]
    list_select_related = ["team"]

    def has_delete_permission(self, request, obj=None) -> bool:
        # a budget that requests were decided against stays; set it to 0 instead
        return False


@admin.register(Beleidsregel)
class BeleidsregelAdmin(admin.ModelAdmin):
    """The reference list of local policy rules (issue 14): the council overview counts
    deviations per rule, whatever spelling the professional used."""

    list_display = ["naam", "actief"]
    list_filter = ["actief"]
    search_fields = ["naam", "varianten"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
