"""Filters for the toets blocks on the plan page (their data comes from the view, through
the "plan" panel of toetsing.extensions: no query in a template)."""

from django import template

from sociaaldomein.formhtml import select_options

register = template.Library()


@register.filter
def bij_doel(toetsen, doel_pk):
    return toetsen.per_doel.get(doel_pk, []) if toetsen else []


@register.filter
def bij_actie(toetsen, actie_pk):
    return toetsen.per_actie.get(actie_pk, []) if toetsen else []


@register.filter
def opties(field) -> str:
    """The <option>s of a filter's select, the chosen one selected: written in one go
    (`sociaaldomein.formhtml.select_options`), as a select of hundreds of professionals
    cost some thousand template lookups."""
    gekozen = "" if field.value() is None else str(field.value())
    return select_options(field.field.choices, gekozen)
