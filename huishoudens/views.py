from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from huishoudens.models import Huishouden
from huishoudens.selectors import huishouden_for_view
from sociaaldomein.accesslog import Actie, log_access


@require_GET
def lijst(request: HttpRequest) -> HttpResponse:
    huishoudens = Huishouden.objects.visible_to(request.user).select_related("team")
    page = Paginator(huishoudens, 25).get_page(request.GET.get("pagina"))
    log_access(
        request,
        actie=Actie.GEZOCHT,
        onderwerp="huishoudens",
        huishoudens=[huishouden.pk for huishouden in page],
    )
    return render(request, "huishoudens/lijst.html", {"page": page})


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    huishouden = huishouden_for_view(request, pk)
    return render(request, "huishoudens/detail.html", {"huishouden": huishouden})
