"""Referrals: consent (constraint and view), the status flow, the provider's access, the
data-sharing log, the iWmo/iJw code list, query counts."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from casussen.models import Actie
from tests import gedeelde_wereld as _gedeeld
from tests.socialekaart.factories import DienstFactory
from verwijzingen import services
from verwijzingen.models import Gegevensdeling, Verwijzing
from verwijzingen.selectors import voor_aanbieder

# One test world per module, each test in a savepoint of it (tests/gedeelde_wereld.py).
gedeelde_wereld, wereld = _gedeeld.gedeelde_wereld, _gedeeld.wereld

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.force_login(user)
    return client


def test_no_referral_without_consent_or_ground_database(wereld):
    w = wereld
    with (
        pytest.raises(IntegrityError, match="verwijzing_toestemming_of_grondslag"),
        transaction.atomic(),
    ):
        Verwijzing.objects.create(
            actie=w.actie, dienst=w.dienst, lid=w.lid, contactpersoon=w.users["professional"]
        )
    # a ground without a reason is not enough either
    with (
        pytest.raises(IntegrityError, match="verwijzing_toestemming_of_grondslag"),
        transaction.atomic(),
    ):
        Verwijzing.objects.create(
            actie=w.actie,
            dienst=w.dienst,
            lid=w.lid,
            contactpersoon=w.users["professional"],
            grondslag="jeugdbescherming",
        )
    # with a ground and a reason it is allowed (an override)
    Verwijzing.objects.create(
        actie=w.actie,
        dienst=w.dienst,
        lid=w.lid,
        contactpersoon=w.users["professional"],
        grondslag="jeugdbescherming",
        grondslag_reden="Ondertoezichtstelling; de GI vraagt om gezinsbegeleiding.",
    )


def test_no_referral_without_consent_view(wereld, client):
    w = wereld
    _login(client, w.users["professional"])
    url = reverse("verwijzingen:nieuw", args=[w.huishouden.pk, w.actie.pk])
    before = Verwijzing.objects.count()
    data = {**w.post_verwijzing, "gegeven_door": "", "gegevens": []}
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vul in wie de toestemming gaf." in html
    assert "Kies welke gegevens de aanbieder mag zien." in html
    # without consent: a ground and a reason are required
    response = client.post(url, {**data, "basis": "grondslag"})
    assert "Kies de wettelijke grondslag." in response.content.decode()
    assert Verwijzing.objects.count() == before


def test_referral_with_consent_is_sent_and_logged(wereld, client):
    w = wereld
    _login(client, w.users["professional"])
    url = reverse("verwijzingen:nieuw", args=[w.huishouden.pk, w.actie.pk])
    response = client.post(url, w.post_verwijzing)
    assert response.status_code == 302
    verwijzing = Verwijzing.objects.latest("id")
    assert verwijzing.status == "verzonden"
    assert verwijzing.toestemming.gegevens == ["actie", "naam"]
    assert verwijzing.toestemming.organisatie == w.dienst.organisatie
    deling = Gegevensdeling.objects.get(verwijzing=verwijzing)
    assert deling.gegevens == ["naam", "actie"]
    assert deling.grondslag == f"Toestemming {verwijzing.toestemming.kenmerk}"
    assert deling.ontvanger == "Jeugdhulp De Horizon"
    actie = Actie.objects.get(pk=w.actie.pk)
    assert "Jeugdhulp De Horizon" in actie.uitvoerder_naam
    assert actie.dienst == w.dienst  # the action now links to the service (issue 16)


def test_revoked_consent_cannot_carry_a_referral(wereld):
    w = wereld
    services.revoke_toestemming(toestemming=w.toestemming, reden="Wil het niet meer")
    with pytest.raises(ValidationError, match="ingetrokken"):
        services.send_verwijzing(verwijzing=w.verwijzing_concept, door=w.users["professional"])


def test_consent_for_another_organisation_is_refused(wereld):
    w = wereld
    with pytest.raises(ValidationError, match="geldt niet"):
        services.create_verwijzing(
            actie=w.actie,
            dienst=w.dienst_ander,
            lid=w.lid,
            door=w.users["professional"],
            toestemming=w.toestemming,
        )


def test_productcode_must_fit_its_category(wereld, client):
    w = wereld
    with pytest.raises(ValidationError) as error:
        services.create_verwijzing(
            actie=w.actie,
            dienst=w.dienst,
            lid=w.lid,
            door=w.users["professional"],
            toestemming=w.toestemming,
            toewijzing={"productcategorie": "02", "productcode": "45A01", "volume": 3},
        )
    assert error.value.message_dict["productcode"] == [
        "Productcode 45A01 hoort niet bij productcategorie 02. Kies een code uit de "
        "codelijst van die categorie."
    ]
    # and in the form, next to the field
    _login(client, w.users["professional"])
    url = reverse("verwijzingen:nieuw", args=[w.huishouden.pk, w.actie.pk])
    response = client.post(
        url, {**w.post_verwijzing, "productcategorie": "02", "productcode": "45A01", "volume": "3"}
    )
    assert response.status_code == 200
    assert "hoort niet bij productcategorie 02" in response.content.decode()


def test_provider_flow_sets_the_action_and_shows_on_the_plan(wereld, client):
    w = wereld
    aanbieder = w.users["aanbieder"]
    v = w.verwijzing
    services.answer_verwijzing(verwijzing=v, door=aanbieder, accepteren=True)
    services.register_start(verwijzing=v, door=aanbieder, datum=timezone.localdate())
    assert Actie.objects.get(pk=w.actie.pk).status == "lopend"
    services.add_voortgang(verwijzing=v, door=aanbieder, tekst="Twee gesprekken gevoerd.")
    _login(client, w.users["professional"])
    html = client.get(reverse("casussen:plan", args=[w.huishouden.pk])).content.decode()
    assert "Gestart" in html and "Twee gesprekken gevoerd." in html
    services.register_stop(
        verwijzing=v, door=aanbieder, datum=timezone.localdate(), resultaat="client_weigert"
    )
    v.refresh_from_db()
    assert v.status == "gestopt"
    assert Actie.objects.get(pk=w.actie.pk).status == "gestopt"
    html = client.get(reverse("casussen:plan", args=[w.huishouden.pk])).content.decode()
    assert "Resultaat van verwijzingen" in html and "Afgezegd door de cliënt" in html


def test_reject_needs_a_reason(wereld):
    w = wereld
    with pytest.raises(ValidationError):
        services.answer_verwijzing(
            verwijzing=w.verwijzing, door=w.users["aanbieder"], accepteren=False
        )


def test_provider_sees_only_its_own_organisation(wereld, client):
    w = wereld
    _login(client, w.users["aanbieder"])
    lijst = voor_aanbieder(w.users["aanbieder"])
    assert w.verwijzing in lijst and w.verwijzing_ander not in lijst
    assert w.verwijzing_concept not in lijst  # drafts never
    other = reverse("verwijzingen:aanbieder_verwijzing", args=[w.verwijzing_ander.pk])
    assert client.get(other).status_code == 404
    assert (
        client.post(
            reverse("verwijzingen:antwoord", args=[w.verwijzing_ander.pk]),
            {"antwoord": "accepteren"},
        ).status_code
        == 404
    )
    for url in [
        reverse("huishoudens:detail", args=[w.huishouden.pk]),
        reverse("casussen:plan", args=[w.huishouden.pk]),
        reverse("toetsing:lijst", args=[w.huishouden.pk]),
        reverse("socialekaart:zoeken"),
    ]:
        assert client.get(url).status_code == 403


def test_provider_reading_is_logged_with_consented_data_only(wereld, client):
    w = wereld
    _login(client, w.users["aanbieder"])
    html = client.get(
        reverse("verwijzingen:aanbieder_verwijzing", args=[w.verwijzing.pk])
    ).content.decode()
    assert escape(w.lid.voornamen) in html
    assert w.huishouden.straat not in html  # no address: not consented
    deling = Gegevensdeling.objects.filter(verwijzing=w.verwijzing, soort="inzage_aanbieder")
    assert deling.count() == 1 and deling.get().door == w.users["aanbieder"]


def test_household_page_shows_the_data_sharing_log(wereld, client):
    w = wereld
    _login(client, w.users["professional"])
    html = client.get(reverse("huishoudens:detail", args=[w.huishouden.pk])).content.decode()
    assert "Gegevensdeling" in html and "Jeugdhulp De Horizon" in html


def test_301_export(wereld, client):
    w = wereld
    _login(client, w.users["professional"])
    response = client.get(
        reverse("verwijzingen:toewijzing", args=[w.huishouden.pk, w.verwijzing_toewijzing.pk])
    )
    xml = response.content.decode()
    assert "<BerichtCode>436</BerichtCode>" in xml
    assert "<Categorie>45</Categorie><Code>45A01</Code>" in xml
    assert "<Volume>4</Volume><Eenheid>04</Eenheid><Frequentie>2</Frequentie>" in xml


def _many(w, n):
    prof = w.users["professional"]
    for _ in range(n):
        dienst = DienstFactory(organisatie=w.organisatie)
        t = services.record_toestemming(
            lid=w.lid,
            organisatie=w.organisatie,
            gegevens=["naam"],
            gegeven_door="Het lid zelf",
            gegeven_op=timezone.localdate(),
            door=prof,
        )
        v = services.create_verwijzing(
            actie=w.actie, dienst=dienst, lid=w.lid, door=prof, toestemming=t
        )
        services.send_verwijzing(verwijzing=v, door=prof)


def test_provider_list_has_constant_queries(wereld, client, django_assert_num_queries):
    w = wereld
    _login(client, w.users["aanbieder"])
    url = reverse("verwijzingen:aanbieder")
    client.get(url)
    with django_assert_num_queries(5) as eerst:
        client.get(url)
    _many(w, 10)
    with django_assert_num_queries(len(eerst)):
        response = client.get(url)
    assert response.status_code == 200


def test_household_and_plan_pages_with_20_referrals_have_constant_queries(
    wereld, client, django_assert_num_queries
):
    w = wereld
    _login(client, w.users["professional"])
    detail = reverse("huishoudens:detail", args=[w.huishouden.pk])
    plan = reverse("casussen:plan", args=[w.huishouden.pk])
    client.get(detail)
    with CaptureQueriesContext(connection) as a:
        client.get(detail)
    with CaptureQueriesContext(connection) as b:
        client.get(plan)
    _many(w, 20)
    with django_assert_num_queries(len(a)):
        client.get(detail)
    with django_assert_num_queries(len(b)):
        client.get(plan)


def test_referral_page_suggests_services_for_the_goal_voorliggend_first(wereld, client):
    w = wereld
    DienstFactory(naam="Schuldhulpmaatje", voorliggend=True, domeinen=["financien"])
    w.doel.leefdomeinen.set(w.doel.leefdomeinen.model.objects.filter(code="financien"))
    _login(client, w.users["professional"])
    url = reverse("verwijzingen:nieuw", args=[w.huishouden.pk, w.actie.pk])
    html = client.get(url).content.decode()
    assert "Suggesties van de sociale kaart" in html
    assert html.index("Schuldhulpmaatje") < html.index("Ambulante gezinsbegeleiding</a>")


def test_dossier_for_the_auditor_is_logged_and_printed(wereld):
    from verantwoording.dossier import gegevensdeling_regels
    from verantwoording.services import request_dossier

    w = wereld
    w.dossier.__class__.objects.filter(huishouden=w.huishouden).delete()
    request_dossier(huishouden=w.huishouden, door=w.users["auditor"], doel="verantwoording")
    deling = Gegevensdeling.objects.get(huishouden=w.huishouden, soort="dossier")
    assert deling.grondslag == "Gemeentewet art. 213 (controle)"
    regels = gegevensdeling_regels(w.huishouden)
    assert any("Dossier voor verantwoording" in r.waarde for r in regels)
    assert any("Verwijzing naar aanbieder aan Jeugdhulp De Horizon" in r.waarde for r in regels)


def test_team_revokes_a_consent_from_the_plan(wereld, client):
    w = wereld
    _login(client, w.users["professional"])
    plan = client.get(reverse("casussen:plan", args=[w.huishouden.pk])).content.decode()
    assert f"Toestemming {w.toestemming.kenmerk} intrekken" in plan
    url = reverse("verwijzingen:toestemming_intrekken", args=[w.huishouden.pk, w.toestemming.pk])
    assert client.post(url, {"reden": "Wil het zelf regelen"}).status_code == 302
    w.toestemming.refresh_from_db()
    assert not w.toestemming.is_geldig and w.toestemming.reden_intrekking == "Wil het zelf regelen"


def test_after_revocation_the_provider_sees_no_personal_data(wereld, client):
    w = wereld
    services.revoke_toestemming(toestemming=w.verwijzing.toestemming, reden="Ingetrokken")
    _login(client, w.users["aanbieder"])
    html = client.get(
        reverse("verwijzingen:aanbieder_verwijzing", args=[w.verwijzing.pk])
    ).content.decode()
    assert "De toestemming is ingetrokken" in html
    assert escape(w.lid.achternaam) not in html


def test_extending_an_allocation(wereld, client):
    import datetime

    w = wereld
    _login(client, w.users["professional"])
    url = reverse("verwijzingen:verlengen", args=[w.huishouden.pk, w.verwijzing_toewijzing.pk])
    plan = client.get(reverse("casussen:plan", args=[w.huishouden.pk])).content.decode()
    assert "Toewijzing T0000001 verlengen tot" in plan
    nieuw = timezone.localdate() + datetime.timedelta(days=200)
    assert client.post(url, {"einddatum": nieuw.isoformat()}).status_code == 302
    v = Verwijzing.objects.get(pk=w.verwijzing_toewijzing.pk)
    assert v.einddatum == nieuw and v.reden_wijziging == "14"
    assert Gegevensdeling.objects.filter(verwijzing=v, soort="toewijzing").count() == 2
    # an earlier date is refused with a Dutch message
    response = client.post(url, {"einddatum": timezone.localdate().isoformat()}, follow=True)
    assert "Kies een einddatum na" in response.content.decode()
