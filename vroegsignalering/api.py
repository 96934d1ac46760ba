"""The partner endpoint: a partner organisation posts its signals as JSON with its own
token (`Authorization: Bearer <token>`). It can do nothing else: no reading, no other
method. Every call is logged (`Aanleverlog`), accepted or refused.

    POST /vroegsignalering/api/signalen/
    {"signalen": [{"referentie": "H-2026-0042", "bsn": "111222333", "postcode": "7411 AB",
                   "huisnummer": "12", "bedrag": "850.00", "achterstand_sinds": "2026-09-01",
                   "signaaldatum": "2026-11-28", "crisis": false, "warme_overdracht": false}]}

Answer 201 with the counts and, per rejected signal, its position and the reason; 401
without a valid token; 400 for a body that is not such JSON. Posting the same signal
again adds nothing (idempotent on partner + referentie).
"""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from vroegsignalering.intake import lees_rijen
from vroegsignalering.models import Aanleverlog, Partnerorganisatie, Vroegsignaal
from vroegsignalering.models.partner import token_hash
from vroegsignalering.services import bewaar_signalen

MAX_SIGNALEN = 10_000


def _partner(request: HttpRequest) -> Partnerorganisatie | None:
    kop = request.headers.get("Authorization", "")
    if not kop.startswith("Bearer ") or len(kop) > 200:
        return None
    return Partnerorganisatie.objects.filter(
        token_hash=token_hash(kop.removeprefix("Bearer ").strip()), actief=True
    ).first()


def _antwoord(request, partner, status: int, body: dict, ontvangen=0, nieuw=0) -> JsonResponse:
    Aanleverlog.objects.create(
        partner=partner,
        adres=request.META.get("REMOTE_ADDR"),
        status=status,
        ontvangen=ontvangen,
        nieuw=nieuw,
        melding=str(body.get("melding", ""))[:300],
    )
    return JsonResponse(body, status=status)


def _signalen(request) -> list | None:
    try:
        body = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return None
    signalen = body.get("signalen") if isinstance(body, dict) else None
    return signalen if isinstance(signalen, list) and len(signalen) <= MAX_SIGNALEN else None


@csrf_exempt
@login_not_required
@require_POST
def signalen(request: HttpRequest) -> JsonResponse:
    partner = _partner(request)
    if partner is None:
        return _antwoord(request, None, 401, {"melding": "Geen geldig token."})
    items = _signalen(request)
    if items is None:
        melding = f"Verwacht JSON met 'signalen': een lijst van hoogstens {MAX_SIGNALEN}."
        return _antwoord(request, partner, 400, {"melding": melding})
    rapport = lees_rijen(items, vandaag=timezone.localdate())
    resultaat = bewaar_signalen(
        partner=partner, rijen=rapport.rijen, bron=Vroegsignaal.Bron.KOPPELING
    )
    fouten = [
        {"positie": m.regel, "veld": m.kolom, "melding": m.tekst}
        for m in rapport.meldingen
        if m.fout
    ]
    body = {
        "ontvangen": rapport.totaal,
        "nieuw": resultaat.nieuw,
        "al_bekend": resultaat.al_bekend,
        "niet_geplaatst": resultaat.niet_geplaatst,
        "fouten": fouten,
    }
    return _antwoord(request, partner, 201, body, rapport.totaal, resultaat.nieuw)
