from django import template

register = template.Library()


@register.filter
def van_actie(per_actie: dict, actie_pk: int) -> list:
    """The referrals of one action, from the panel's dict (no query)."""
    return per_actie.get(actie_pk, [])


@register.filter
def beeindigd_bij_doel(per_actie: dict, doel) -> list:
    """Ended referrals of the goal's actions (prefetched by the plan page)."""
    return [v for actie in doel.acties.all() for v in per_actie.get(actie.pk, []) if v.stopdatum]
