from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db import models

from sociaaldomein.models import Team, User


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
