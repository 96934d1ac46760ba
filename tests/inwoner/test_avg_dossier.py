"""The members' AVG requests and their answers are kept in the PDF case dossier (a chapter
inwoner adds through the slot "dossier"), with the legal ground of an erasure or
restriction; the database refuses an answer without a fitting ground."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from inwoner import services
from inwoner.models import AvgVerzoek, Grond
from tests.verantwoording.conftest import pdf_tekst
from verantwoording import services as verantwoording
from verantwoording.dossier import dossier_inhoud

pytestmark = pytest.mark.django_db


def _dossier(huishouden, door):
    export = verantwoording.request_dossier(huishouden=huishouden, door=door, doel="verantwoording")
    return verantwoording.generate_dossier(export_id=export.pk)


def test_the_dossier_holds_each_request_its_answer_and_its_legal_ground(gezin, auditor):
    zonder = dossier_inhoud(gezin.huishouden)
    assert zonder.hoofdstukken == []  # no requests: no chapter, the fingerprint as before
    wissen = services.request_avg(
        account=gezin.account, soort="wissen", toelichting="Wis het verslag over mijn schulden."
    )
    services.answer_avg(
        verzoek=wissen,
        door=gezin.professional,
        status="afgewezen",
        antwoord="Het verslag hoort bij de jeugdhulp van Kees en moet bewaard blijven.",
        grond=Grond.BEWAARPLICHT_JEUGDWET,
    )
    services.request_avg(
        account=gezin.account, soort="beperken", toelichting="Gebruik mijn werkverleden niet meer."
    )
    inhoud = dossier_inhoud(gezin.huishouden)
    assert [h.kop for h in inhoud.hoofdstukken] == ["Verzoeken onder de AVG"]
    assert inhoud.vingerafdruk != zonder.vingerafdruk

    export = _dossier(gezin.huishouden, auditor)
    tekst = pdf_tekst(export.pdf, kop=gezin.huishouden.referentie)
    assert "9. Verzoeken onder de AVG" in tekst
    assert "10. Toegangslog" in tekst and "11. Over dit dossier" in tekst
    assert "Gegevens wissen (AVG artikel 17)" in tekst
    assert "Wis het verslag over mijn schulden." in tekst
    assert "Besluit: Afgewezen" in tekst
    assert "Het verslag hoort bij de jeugdhulp van Kees en moet bewaard blijven." in tekst
    assert (
        "Wettelijke grond: Niet gewist: wettelijke bewaarplicht (AVG artikel 17 lid 3 sub b); "
        "Jeugdwet artikel 7.3.8: 20 jaar bewaren" in tekst
    )
    assert f"door {gezin.professional.weergavenaam}" in tekst
    # the open restriction request with its deadline
    assert "Verwerking beperken (AVG artikel 18)" in tekst
    assert "Gebruik mijn werkverleden niet meer." in tekst and "Besluit: In behandeling" in tekst
    assert f"Uiterlijk beantwoorden: {AvgVerzoek.termijn(timezone.localdate()):%d-%m-%Y}" in tekst


def test_the_database_refuses_an_erasure_or_restriction_answer_without_a_fitting_ground(gezin):
    verzoek = services.request_avg(account=gezin.account, soort="wissen", toelichting="Wis het.")
    beantwoord = {"antwoord": "Nee.", "beantwoord_op": timezone.now()}
    for status, grond in [
        ("afgewezen", ""),  # no ground
        ("afgewezen", Grond.BEPERKT_BEWAREN),  # a ground of a restriction
        ("toegewezen", Grond.BEWAARPLICHT_ARCHIEFWET),  # refusing ground, granted decision
    ]:
        with pytest.raises(IntegrityError, match="avgverzoek_grond_past"), transaction.atomic():
            AvgVerzoek.objects.filter(pk=verzoek.pk).update(
                status=status, grond=grond, **beantwoord
            )
    # a correction has no ground, and an open request none yet
    correctie = services.request_avg(account=gezin.account, soort="correctie", toelichting="Fout.")
    with pytest.raises(IntegrityError, match="avgverzoek_grond_past"), transaction.atomic():
        AvgVerzoek.objects.filter(pk=correctie.pk).update(grond=Grond.GEWIST)
    AvgVerzoek.objects.filter(pk=verzoek.pk).update(
        status="afgewezen", grond=Grond.BEWAARPLICHT_ARCHIEFWET, **beantwoord
    )
