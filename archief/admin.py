from django.contrib import admin

from archief.models import Bewaartermijn, JuridischeBlokkade


@admin.register(Bewaartermijn)
class BewaartermijnAdmin(admin.ModelAdmin):
    list_display = ["__str__", "soort", "afleiding", "bron"]


@admin.register(JuridischeBlokkade)
class JuridischeBlokkadeAdmin(admin.ModelAdmin):
    list_display = ["huishouden_id", "grond", "sinds", "tot"]
    raw_id_fields = ["huishouden"]
    exclude = ["vastgelegd_door"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.vastgelegd_door = request.user
        super().save_model(request, obj, form, change)
