"""Filters for the toets blocks on the plan page (their data comes from the view, through
the "plan" panel of toetsing.extensions: no query in a template)."""

from django import template

register = template.Library()


@register.filter
def bij_doel(toetsen, doel_pk):
    return toetsen.per_doel.get(doel_pk, []) if toetsen else []


@register.filter
def bij_actie(toetsen, actie_pk):
    return toetsen.per_actie.get(actie_pk, []) if toetsen else []
