"""Filters for the toets blocks on the plan page (their data comes from the view, through
the "plan" panel of toetsing.extensions: no query in a template)."""

import html

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def bij_doel(toetsen, doel_pk):
    return toetsen.per_doel.get(doel_pk, []) if toetsen else []


@register.filter
def bij_actie(toetsen, actie_pk):
    return toetsen.per_actie.get(actie_pk, []) if toetsen else []


@register.filter
def opties(field) -> str:
    """The <option>s of a filter's select, the chosen one selected: written in one go, as
    a select of hundreds of professionals cost some thousand template lookups (and as
    many `format_html` calls still took a third of the inbox page)."""
    gekozen = "" if field.value() is None else str(field.value())
    delen = []
    for waarde, label in field.field.choices:
        waarde = str(waarde)
        selected = " selected" if waarde == gekozen else ""
        delen.append(f'<option value="{_escape(waarde)}"{selected}>{_escape(label)}</option>')
    return mark_safe("".join(delen))  # noqa: S308 - every value and label escaped here


def _escape(text) -> str:
    """What `conditional_escape` gives, without its lazy-string wrappers (it runs for
    every option)."""
    return text.__html__() if hasattr(text, "__html__") else html.escape(str(text))
