"""The functioneel beheerder maintains the sociale kaart in /beheer/."""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from zeal import zeal_ignore

from socialekaart import hsds
from socialekaart.models import Dienst, Locatie, Organisatie


class HsdsImportForm(forms.Form):
    bestand = forms.FileField(
        label="HSDS-CSV", help_text="Eén rij per dienst; zie socialekaart/hsds.py."
    )


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
    change_list_template = "admin/socialekaart/dienst/change_list.html"

    def get_urls(self):
        eigen = [
            path(
                "hsds-export/",
                self.admin_site.admin_view(self.hsds_export),
                name="socialekaart_hsds_export",
            ),
            path(
                "hsds-import/",
                self.admin_site.admin_view(self.hsds_import),
                name="socialekaart_hsds_import",
            ),
        ]
        return eigen + super().get_urls()

    def hsds_export(self, request):
        """The whole sociale kaart as HSDS 3 JSON (an attachment)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        data = json.dumps(hsds.export_json(), ensure_ascii=False, indent=2)
        response = HttpResponse(data, content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="sociale-kaart-hsds.json"'
        return response

    def hsds_import(self, request):
        """Import an HSDS CSV row by row; the report shows per row what was refused."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = HsdsImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                tekst = form.cleaned_data["bestand"].read().decode("utf-8-sig")
            except UnicodeDecodeError:
                form.add_error("bestand", "Het bestand is geen UTF-8-tekst (CSV).")
            else:
                # row by row on purpose (each row its own savepoint and report line)
                with zeal_ignore():
                    rapport = hsds.import_csv(tekst.replace("\x00", ""))
                niveau = messages.WARNING if rapport.fouten else messages.SUCCESS
                for regel in str(rapport).splitlines()[:200]:
                    messages.add_message(request, niveau, regel)
                return redirect("admin:socialekaart_dienst_changelist")
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "title": "HSDS importeren",
        }
        return TemplateResponse(request, "admin/socialekaart/hsds_import.html", context)

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
