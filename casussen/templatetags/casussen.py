"""`{% plan_samenvatting huishouden as samenvatting %}` for the household page's include:
the household page's view (another app) need not know what the plan summary needs."""

from django import template

from casussen.selectors import plan_samenvatting as _plan_samenvatting
from huishoudens.selectors import Domeinmatrix

register = template.Library()


@register.simple_tag(takes_context=True)
def plan_samenvatting(context, huishouden):
    # Reuse the page's domain matrix when the household page already computed it.
    matrix = context.get("matrix")
    if not (isinstance(matrix, Domeinmatrix) and matrix.huishouden.pk == huishouden.pk):
        matrix = None
    return _plan_samenvatting(huishouden, matrix=matrix)
