"""Template tags for the toets blocks on pages owned by other apps (plan, Mijn werk):
each loads what it shows in one query."""

from django import template

from toetsing import selectors

register = template.Library()


@register.simple_tag
def toetsen_van_plan(plan):
    """The toetsen of a plan by goal and action (one query, whatever their number)."""
    return selectors.toetsen_van_plan(plan)


@register.filter
def bij_doel(toetsen, doel_pk):
    return toetsen.per_doel.get(doel_pk, []) if toetsen else []


@register.filter
def bij_actie(toetsen, actie_pk):
    return toetsen.per_actie.get(actie_pk, []) if toetsen else []


@register.simple_tag
def toetsen_in_bewerking(user):
    return selectors.toetsen_in_bewerking(user)
