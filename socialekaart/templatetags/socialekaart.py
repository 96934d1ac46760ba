from django import template

register = template.Library()


@register.filter
def verouderd(dienst, vandaag) -> bool:
    """Not checked for 12 months (Dienst.is_verouderd)."""
    return dienst.is_verouderd(vandaag)
