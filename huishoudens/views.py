from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from huishoudens.models import Huishouden


@require_GET
def lijst(request: HttpRequest) -> HttpResponse:
    huishoudens = Huishouden.objects.visible_to(request.user).select_related("team")
    page = Paginator(huishoudens, 25).get_page(request.GET.get("pagina"))
    return render(request, "huishoudens/lijst.html", {"page": page})


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    huishouden = get_object_or_404(Huishouden.objects.visible_to(request.user), pk=pk)
    return render(request, "huishoudens/detail.html", {"huishouden": huishouden})
