from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from sociaaldomein.models import Team, User


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["naam", "wijk"]
    search_fields = ["naam", "wijk"]
    filter_horizontal = ["leden"]


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "is_active"]
    list_filter = ["is_active", "groups", "teams"]
