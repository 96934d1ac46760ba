"""The PDF case dossier: complete content, a stable fingerprint, and a locked-down renderer."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from casussen.models import Plan
from huishoudens.models import Huishouden, Lid
from sociaaldomein.accesslog import Actie
from sociaaldomein.formatting import euro
from sociaaldomein.models import Toegangslog
from sociaaldomein.pdf import StaticOnlyURLFetcher, html_to_document
from tests.bench.zwaar import seed_zwaar_huishouden
from tests.casussen.factories import ActieFactory, DoelFactory, PlanFactory
from tests.huishoudens.factories import BeoordelingFactory, HuishoudenFactory, LidFactory
from tests.verantwoording.conftest import pagina_teksten, pdf_tekst
from toetsing.models import MaatwerkVerzoek, Toets
from verantwoording import services
from verantwoording.dossier import (
    DossierMeta,
    dossier_inhoud,
    maatwerk_voor_dossier,
    render_dossier_html,
    toegangslog_blok,
)
from verantwoording.models import DossierExport

pytestmark = pytest.mark.django_db

HOOFDSTUKKEN = [
    "1. Huishouden en leden",
    "2. Leefdomeinen: domeinmatrix",
    "3. Geschiedenis van de beoordelingen",
    "4. Plan: eigen woorden, doelen en acties",
    "5. Planversies en wijzigingen",
    "6. Veiligheid",
    "7. Omgekeerde toetsen",
    "8. Maatwerkverzoeken",
    "9. Toegangslog",
    "10. Over dit dossier",
]


def _maak(huishouden, door, **kwargs) -> DossierExport:
    export = services.request_dossier(
        huishouden=huishouden, door=door, doel="verantwoording", **kwargs
    )
    return services.generate_dossier(export_id=export.pk)


def test_the_heavy_demo_household_has_the_promised_size(zwaar):
    assert zwaar.leden.count() == 5
    assert zwaar.leden.filter(einddatum__isnull=False).count() == 1
    assert (
        zwaar.leden.first().beoordelingen.model.objects.filter(lid__huishouden=zwaar).count() == 40
    )
    plan = Plan.objects.get(huishouden=zwaar)
    assert plan.doelen.count() == 12
    assert sum(doel.acties.count() for doel in plan.doelen.all()) == 60
    assert plan.versies.count() == 6
    assert Toets.objects.filter(huishouden=zwaar).count() == 10
    assert MaatwerkVerzoek.objects.filter(toets__huishouden=zwaar).count() == 5
    assert Toegangslog.objects.filter(huishoudens__contains=[zwaar.pk]).count() == 300
    assert (timezone.localdate() - zwaar.aangemeld_op).days >= 3 * 365
    # every toets is final with its motivation, as the toets services leave them
    assert not Toets.objects.filter(huishouden=zwaar, motivering=[]).exists()
    # seeding again changes nothing
    assert seed_zwaar_huishouden(team=zwaar.team, professional=zwaar.casusregisseur) == zwaar
    assert Toets.objects.filter(huishouden=zwaar).count() == 10


def test_the_dossier_holds_every_section_every_motivation_and_every_maatwerk_request(
    zwaar, auditor
):
    export = _maak(zwaar, auditor, toelichting="Jaarcontrole 2026")
    assert export.status == DossierExport.Status.KLAAR
    assert export.voortgang == 100
    tekst = pdf_tekst(export.pdf, kop=zwaar.referentie)

    # the cover: municipality, reference, period, who and when, the fingerprint
    assert "Gemeente Voorbeeldstad" in tekst
    assert zwaar.referentie in tekst
    assert f"Periode: {zwaar.aangemeld_op:%d-%m-%Y} tot en met" in tekst
    assert f"Gemaakt door: {auditor.weergavenaam} (Auditor)" in tekst
    assert "Doel: Verantwoording en controle (audit) Toelichting: Jaarcontrole 2026" in tekst
    assert export.vingerafdruk_leesbaar in tekst
    # the table of contents with page numbers, every chapter in the body
    pages = pagina_teksten(export.pdf)
    toc = pages[1]
    for hoofdstuk in HOOFDSTUKKEN:
        number = re.search(re.escape(hoofdstuk) + r"\s*\.*\s*(\d+)", toc)
        assert number, f"{hoofdstuk} without a page number in the contents"
        page = int(number.group(1))
        assert hoofdstuk in pages[page - 1], f"{hoofdstuk} is not on page {page}"
    assert f"pagina 2 van {export.paginas}" in pages[1]  # the cover has no page number
    assert all("Vertrouwelijk" in page for page in pages)

    # members, assessments, plan versions with diffs, safety
    for lid in zwaar.leden.all():
        assert lid.volledige_naam in tekst
        assert lid.bsn not in tekst  # only the last four digits
        assert f"eindigt op {lid.bsn[-4:]}" in tekst
    assert tekst.count("— door ") >= 40
    assert "Versie 6: Vastgesteld (akkoord)" in tekst
    assert "Een regeling voor de schulden. → Een regeling, en werk voor Ayşe." in tekst
    assert "Veiligheidszorg van" in tekst and "(actief)" in tekst and "(opgeheven)" in tekst
    assert "Reden van opheffen: Afspraken werken" in tekst
    # every toets with its complete stored motivation and its cost figures
    for toets in Toets.objects.filter(huishouden=zwaar):
        assert f"Toets {toets.pk}: {toets.vraag}" in tekst
        for kop, alinea in toets.motivering:
            assert " ".join(alinea.split()) in tekst, (toets.pk, kop)
        assert f"Kosten van deze oplossing: {euro(toets.kosten_oplossing)}" in tekst
    # every maatwerk request: requester, amount, status
    for verzoek in MaatwerkVerzoek.objects.filter(toets__huishouden=zwaar):
        assert f"Maatwerkverzoek {verzoek.pk} (toets {verzoek.toets_id})" in tekst
        assert f"Bedrag: {euro(verzoek.bedrag)}" in tekst
    aanvrager = zwaar.casusregisseur.weergavenaam
    assert tekst.count(f"Aangevraagd door: {aanvrager}") == 5
    assert tekst.count("Status: Ingediend, wacht op de teamleider") == 5
    # the access log of the household, up to the entry of this very export, flagged entries
    laatste = Toegangslog.objects.filter(huishoudens__contains=[zwaar.pk]).order_by("volgnummer")
    assert f"#{laatste.first().volgnummer} ·" in tekst
    assert f"#{export.log_volgnummer} ·" in tekst
    assert "UITZONDERLIJK · reden: Crisisdienst" in tekst
    assert export.paginas > 40


def test_the_same_content_gives_the_same_fingerprint_and_any_change_another(zwaar, auditor):
    eerst = dossier_inhoud(zwaar)
    assert dossier_inhoud(zwaar).vingerafdruk == eerst.vingerafdruk
    assert re.fullmatch(r"[0-9a-f]{64}", eerst.vingerafdruk)
    # looking at the household (the access log grows) does not change the content
    Toegangslog.objects.create(
        gebruikersnaam="auditor",
        huishoudens=[zwaar.pk],
        onderwerp="huishouden",
        actie=Actie.BEKEKEN,
        doel="verantwoording",
    )
    assert dossier_inhoud(zwaar).vingerafdruk == eerst.vingerafdruk
    # a changed member, or a new assessment, does
    lid = zwaar.leden.filter(einddatum__isnull=True).first()
    Lid.objects.filter(pk=lid.pk).update(eigen_kracht="Kan goed rekenen.")
    na_lid = dossier_inhoud(zwaar).vingerafdruk
    assert na_lid != eerst.vingerafdruk
    BeoordelingFactory(lid=lid, beoordeeld_door=auditor, score=4)
    assert dossier_inhoud(zwaar).vingerafdruk not in {eerst.vingerafdruk, na_lid}


def test_who_made_the_dossier_and_when_do_not_change_the_fingerprint(
    team_noord, professional, auditor
):
    huishouden = HuishoudenFactory(team=team_noord)
    LidFactory(huishouden=huishouden, voornamen="Sem")
    een = _maak(huishouden, auditor)
    twee = _maak(huishouden, professional)
    assert een.vingerafdruk == twee.vingerafdruk
    assert een.bestand_hash != twee.bestand_hash  # the cover differs


def test_markup_typed_into_household_fields_is_printed_as_text_and_never_fetched(
    team_noord, professional, auditor
):
    huishouden = HuishoudenFactory(team=team_noord, naam='<img src="file:///etc/passwd">')
    LidFactory(
        huishouden=huishouden,
        voornamen="Iris",
        eigen_kracht='<img src="https://evil.example/tracker.png"> <link rel=stylesheet href=//x>',
    )
    Plan.objects.create(huishouden=huishouden, hulpvraag="<script>alert(1)</script> huur")

    class Spy(StaticOnlyURLFetcher):
        def __init__(self):
            super().__init__()
            self.asked = []

        def fetch(self, url, headers=None):
            self.asked.append(url)
            return super().fetch(url, headers)

    inhoud = dossier_inhoud(huishouden)
    meta = DossierMeta(
        gemeente="Gemeente Test",
        gemaakt_door="A",
        rol="Auditor",
        gemaakt_op=timezone.now(),
        doel="Verantwoording",
        toelichting="",
        vingerafdruk=inhoud.vingerafdruk,
    )
    html = render_dossier_html(inhoud=inhoud, log=toegangslog_blok(huishouden), meta=meta)
    spy = Spy()
    pdf = html_to_document(html, fetcher=spy).write_pdf()
    assert spy.refused == []
    assert all("/static/pdf/" in url for url in spy.asked)  # only the print stylesheets
    tekst = pdf_tekst(pdf)
    assert '<img src="file:///etc/passwd">' in tekst
    assert '<img src="https://evil.example/tracker.png">' in tekst
    assert "<script>alert(1)</script> huur" in tekst
    assert "root:" not in tekst


def test_the_dossier_is_read_in_the_same_number_of_queries_for_any_household(
    zwaar, team_noord, django_assert_num_queries
):
    klein = HuishoudenFactory(team=team_noord)
    lid = LidFactory(huishouden=klein)
    ActieFactory(doel=DoelFactory(plan=PlanFactory(huishouden=klein), leden=[lid]))
    with CaptureQueriesContext(connection) as small:
        dossier_inhoud(Huishouden.objects.select_related("team", "casusregisseur").get(pk=klein.pk))
    with CaptureQueriesContext(connection) as large:
        dossier_inhoud(Huishouden.objects.select_related("team", "casusregisseur").get(pk=zwaar.pk))
    # 21: the chapters of higher apps included (inwoner: the AVG requests, one query)
    assert len(small) == len(large) == 21
    # the requests, their decisions (issue 6) and their escalations beyond the team (14)
    with django_assert_num_queries(3):
        maatwerk_voor_dossier(zwaar)
    with django_assert_num_queries(2):
        toegangslog_blok(zwaar)


def test_twice_the_content_splits_the_domain_matrix_into_readable_tables(team_noord, professional):
    dubbel = seed_zwaar_huishouden(team=team_noord, professional=professional, nummer=2, schaal=2)
    inhoud = dossier_inhoud(dubbel)
    assert len(inhoud.leden) == 10
    assert [len(blok.leden) for blok in inhoud.matrix] == [5, 3]  # active members, 5 a table
    assert len(inhoud.toetsen) == 20 and len(inhoud.maatwerk) == 10
    assert sum(len(doel.acties) for doel in inhoud.plan.doelen) == 120


def test_a_household_without_a_plan_or_toetsen_still_gets_a_complete_dossier(team_noord, auditor):
    huishouden = HuishoudenFactory(team=team_noord)
    export = _maak(huishouden, auditor)
    tekst = pdf_tekst(export.pdf, kop=huishouden.referentie)
    for hoofdstuk in HOOFDSTUKKEN:
        assert hoofdstuk in tekst
    assert "Dit huishouden heeft (nog) geen plan." in tekst
    assert "Geen maatwerkverzoeken." in tekst


@pytest.mark.parametrize(
    ("wijziging", "constraint"),
    [
        # a finished dossier has its fingerprint and its file
        ({"status": "klaar", "vingerafdruk": ""}, "dossierexport_klaar_compleet"),
        ({"status": "klaar", "pdf": None}, "dossierexport_klaar_compleet"),
        ({"status": "bezig", "voortgang": 101}, "dossierexport_voortgang"),
        ({"status": "mislukt", "foutmelding": ""}, "dossierexport_mislukt_met_melding"),
    ],
)
def test_the_database_refuses_an_inconsistent_export(team_noord, auditor, wijziging, constraint):
    from django.db import IntegrityError, transaction

    from tests.verantwoording.factories import DossierExportFactory

    export = DossierExportFactory(huishouden=HuishoudenFactory(team=team_noord))
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        DossierExport.objects.filter(pk=export.pk).update(**wijziging)


def test_the_database_allows_one_dossier_in_progress_per_household(team_noord, auditor):
    from django.db import IntegrityError, transaction

    huishouden = HuishoudenFactory(team=team_noord)
    DossierExport.objects.create(huishouden=huishouden, aangevraagd_door=auditor, doel="bezwaar")
    with pytest.raises(IntegrityError, match="dossierexport_een_actief"), transaction.atomic():
        DossierExport.objects.create(
            huishouden=huishouden, aangevraagd_door=auditor, doel="bezwaar"
        )


def test_the_dossier_names_the_service_of_an_action_not_its_free_text(team_noord, auditor):
    """Issue 16: an action linked to a service of the sociale kaart is printed with the
    service and its organisation."""
    from tests.socialekaart.factories import DienstFactory

    huishouden = HuishoudenFactory(team=team_noord)
    doel = DoelFactory(plan=PlanFactory(huishouden=huishouden))
    dienst = DienstFactory(naam="Budgetbeheer", organisatie__naam="Stadsbank")
    ActieFactory(doel=doel, uitvoerder="aanbieder", uitvoerder_naam="oude-naam", dienst=dienst)
    tekst = pdf_tekst(_maak(huishouden, auditor).pdf, kop=huishouden.referentie)
    assert "Een aanbieder: Budgetbeheer (Stadsbank)" in tekst
    assert "oude-naam" not in tekst
