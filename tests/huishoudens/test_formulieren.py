"""Adding and editing households and members: Dutch errors next to the field, inline
validation, nothing half-saved, no silent overwrites."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from huishoudens.models import Huishouden, Lid
from tests.huishoudens.conftest import jaren_geleden
from tests.huishoudens.factories import LidFactory

pytestmark = pytest.mark.django_db
NIEUW = reverse("huishoudens:nieuw")


def _nieuw(**extra):
    data = {
        "huishouden-straat": "Dijkweg",
        "huishouden-huisnummer": "12a",
        "huishouden-postcode": "7411ab",
        "huishouden-woonplaats": "Voorbeeldstad",
        "huishouden-aangemeld_op": timezone.localdate().isoformat(),
        "lid-voornamen": "Sanne",
        "lid-tussenvoegsel": "de",
        "lid-achternaam": "Wit",
        "lid-geboortedatum": "1990-04-01",
        "lid-relatie": "hoofdbewoner",
    }
    data.update(extra)
    return data


def _lid(**extra):
    data = {
        "voornamen": "Noor",
        "achternaam": "Jansen",
        "geboortedatum": "2015-02-03",
        "relatie": "kind",
    }
    data.update(extra)
    return data


# --- a new household with its first member --------------------------------------------------


def test_a_new_household_is_saved_with_its_first_member(client_for, professional, team_noord):
    response = client_for(professional).post(NIEUW, _nieuw())
    huishouden = Huishouden.objects.get()
    assert response.status_code == 302
    assert response["Location"] == huishouden.get_absolute_url()
    assert huishouden.postcode == "7411 AB"  # normalised
    assert huishouden.naam == "Huishouden de Wit"  # from the first member
    assert huishouden.wijk == team_noord.wijk
    assert huishouden.team == team_noord
    assert huishouden.status == Huishouden.Status.AANGEMELD
    assert huishouden.referentie.startswith("EP-")
    assert huishouden.leden.get().volledige_naam == "Sanne de Wit"
    assert "sanne de wit" in huishouden.zoektekst


def test_nothing_is_saved_when_the_first_member_is_invalid(client_for, professional, team_noord):
    response = client_for(professional).post(NIEUW, _nieuw(**{"lid-bsn": "123456789"}))
    assert response.status_code == 200
    assert "elfproef" in response.text
    assert not Huishouden.objects.exists() and not Lid.objects.exists()


def test_an_invalid_new_household_over_htmx_re_renders_the_form(
    client_for, professional, team_noord, htmx_headers
):
    response = client_for(professional).post(
        NIEUW, _nieuw(**{"huishouden-postcode": "0123 AB"}), headers=htmx_headers
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<form id="huishouden-formulier"')
    assert "Vul een geldige postcode in" in response.text


def test_a_valid_new_household_over_htmx_navigates_to_it(
    client_for, professional, team_noord, htmx_headers
):
    response = client_for(professional).post(NIEUW, _nieuw(), headers=htmx_headers)
    assert response["HX-Redirect"] == Huishouden.objects.get().get_absolute_url()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("huishouden-postcode", "1234 SA", "Vul een geldige postcode in"),
        ("huishouden-postcode", "12345", "Vul een geldige postcode in"),
        ("huishouden-aangemeld_op", "2999-01-01", "ligt in de toekomst"),
        ("huishouden-aangemeld_op", "31-02-2024", "Voer een geldige datum in"),
        ("lid-geboortedatum", "2999-01-01", "De geboortedatum ligt in de toekomst"),
        ("lid-geboortedatum", "0001-01-01", "voor 1900"),
        ("lid-bsn", "12345678", "precies 9 cijfers"),
        ("lid-bsn", "123456780", "elfproef"),
        ("lid-voornamen", "a\x00b", "Null"),
        ("lid-voornamen", "x" * 100_000, "niet meer dan 120 tekens"),
        ("lid-eigen_kracht", "x" * 100_000, "niet meer dan 2000 tekens"),
        ("lid-email", "geen-adres", "geldig e-mailadres"),
        ("lid-relatie", "baas", "geen beschikbare keuze"),
    ],
)
def test_bad_input_gets_a_dutch_error_next_to_the_field(
    client_for, professional, team_noord, field, value, message
):
    response = client_for(professional).post(NIEUW, _nieuw(**{field: value}))
    assert response.status_code == 200
    assert message in response.text
    assert f'id="id_{field}_error"' in response.text
    assert not Huishouden.objects.exists()


def test_inline_validation_returns_only_the_changed_field(
    client_for, professional, team_noord, htmx_headers
):
    response = client_for(professional).post(
        f"{NIEUW}?valideer=1",
        _nieuw(**{"lid-bsn": "123456780"}),
        headers={**htmx_headers, "HX-Trigger-Name": "lid-bsn"},
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div class="utrecht-form-field')
    assert 'id="id_lid-bsn-veld"' in response.text
    assert "elfproef" in response.text
    assert 'hx-post="/huishoudens/nieuw/?valideer=1"' in response.text
    assert not Huishouden.objects.exists()


def test_inline_validation_of_a_valid_field_shows_no_error(
    client_for, professional, team_noord, htmx_headers
):
    response = client_for(professional).post(
        f"{NIEUW}?valideer=1", _nieuw(), headers={**htmx_headers, "HX-Trigger-Name": "lid-bsn"}
    )
    assert "utrecht-form-field-error-message" not in response.text


def test_the_auditor_and_the_beheerder_cannot_report_a_household(client_for, auditor, beheerder):
    assert client_for(auditor).get(NIEUW).status_code == 403
    assert client_for(beheerder).post(NIEUW, _nieuw()).status_code == 403
    assert not Huishouden.objects.exists()


# --- members ------------------------------------------------------------------------------


def test_a_member_is_added_and_the_household_is_findable_by_their_name(
    client_for, professional, huishouden, ouder
):
    url = reverse("huishoudens:lid_nieuw", args=[huishouden.pk])
    response = client_for(professional).post(url, _lid(voornamen="Ilse"))
    assert response.status_code == 302
    huishouden.refresh_from_db()
    assert huishouden.leden.filter(voornamen="Ilse").exists()
    assert "ilse jansen" in huishouden.zoektekst


def test_a_child_older_than_plausible_for_its_parents_is_refused(
    client_for, professional, huishouden, ouder
):
    url = reverse("huishoudens:lid_nieuw", args=[huishouden.pk])
    geboren = jaren_geleden(30).isoformat()  # the parent is 35
    response = client_for(professional).post(url, _lid(geboortedatum=geboren))
    assert "past niet bij de relatie" in response.text
    assert 'id="id_geboortedatum_error"' in response.text
    assert huishouden.leden.count() == 1


def test_a_parent_younger_than_a_child_is_refused_too(
    client_for, professional, huishouden, ouder, kind
):
    url = reverse("huishoudens:lid_wijzigen", args=[huishouden.pk, ouder.pk])
    data = _lid(
        voornamen="Emma",
        geboortedatum=jaren_geleden(10).isoformat(),
        relatie="ouder_verzorger",
        lid_sinds=ouder.lid_sinds.isoformat(),
        versie=ouder.versie,
    )
    response = client_for(professional).post(url, data)
    assert "minder dan 12 jaar jonger" in response.text


def test_an_adult_child_living_at_home_is_fine(client_for, professional, huishouden, ouder):
    ouder.geboortedatum = jaren_geleden(70)
    ouder.save()
    url = reverse("huishoudens:lid_nieuw", args=[huishouden.pk])
    response = client_for(professional).post(url, _lid(geboortedatum=jaren_geleden(40).isoformat()))
    assert response.status_code == 302


def test_a_bsn_of_a_member_of_this_household_is_named(client_for, professional, huishouden, ouder):
    url = reverse("huishoudens:lid_nieuw", args=[huishouden.pk])
    response = client_for(professional).post(url, _lid(bsn=ouder.bsn))
    assert "Dit BSN hoort al bij Emma Jansen, lid van dit huishouden." in response.text


def test_a_duplicate_bsn_never_reveals_another_teams_household(
    client_for, professional, huishouden, ouder, huishouden_zuid
):
    bsn = huishouden_zuid.leden.get().bsn
    url = reverse("huishoudens:lid_nieuw", args=[huishouden.pk])
    response = client_for(professional).post(url, _lid(bsn=f"{bsn[:4]} {bsn[4:]}"))
    assert "hoort al bij een actief lid van een ander huishouden" in response.text
    assert escape(huishouden_zuid.naam) not in response.text
    assert huishouden_zuid.referentie not in response.text
    assert "Ayşe" not in response.text and "Öztürk" not in response.text


def test_a_bsn_is_free_again_after_the_member_left(client_for, professional, huishouden, ouder):
    bsn = ouder.bsn
    client = client_for(professional)
    client.post(
        reverse("huishoudens:lid_vertrek", args=[huishouden.pk, ouder.pk]),
        {
            "einddatum": timezone.localdate().isoformat(),
            "reden_vertrek": "Verhuisd",
            "versie": ouder.versie,
        },
    )
    response = client.post(
        reverse("huishoudens:lid_nieuw", args=[huishouden.pk]),
        _lid(bsn=bsn, geboortedatum="1980-01-01", relatie="hoofdbewoner"),
    )
    assert response.status_code == 302
    assert Lid.objects.filter(bsn=bsn).count() == 2


def test_a_member_leaves_with_date_and_reason_and_history_stays(
    client_for, professional, huishouden, ouder, kind
):
    from tests.huishoudens.factories import BeoordelingFactory

    BeoordelingFactory(lid=kind, beoordeeld_door=professional)
    url = reverse("huishoudens:lid_vertrek", args=[huishouden.pk, kind.pk])
    client = client_for(professional)
    assert (
        client.post(url, {"einddatum": "", "reden_vertrek": "", "versie": kind.versie}).status_code
        == 200
    )
    response = client.post(
        url,
        {
            "einddatum": timezone.localdate().isoformat(),
            "reden_vertrek": "Woont bij de andere ouder",
            "versie": kind.versie,
        },
    )
    assert response.status_code == 302
    kind.refresh_from_db()
    assert kind.einddatum == timezone.localdate()
    assert kind.beoordelingen.count() == 1
    text = client.get(huishouden.get_absolute_url()).text
    assert "Vertrokken leden (1)" in text and "Woont bij de andere ouder" in text
    huishouden.refresh_from_db()
    assert "daan" not in huishouden.zoektekst
    assert client.get(url).status_code == 404  # cannot leave twice


def test_a_leaving_date_in_the_future_is_refused(client_for, professional, huishouden, ouder):
    url = reverse("huishoudens:lid_vertrek", args=[huishouden.pk, ouder.pk])
    morgen = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client_for(professional).post(
        url, {"einddatum": morgen, "reden_vertrek": "Verhuisd", "versie": ouder.versie}
    )
    assert "De vertrekdatum ligt in de toekomst." in response.text
    ouder.refresh_from_db()
    assert ouder.einddatum is None


def test_members_of_another_household_cannot_be_reached_through_mine(
    client_for, professional, huishouden, team_noord
):
    from tests.huishoudens.factories import HuishoudenFactory

    vreemd = LidFactory(huishouden=HuishoudenFactory(team=team_noord))
    url = reverse("huishoudens:lid_wijzigen", args=[huishouden.pk, vreemd.pk])
    assert client_for(professional).get(url).status_code == 404


# --- concurrent edits ----------------------------------------------------------------------


def test_the_second_editor_of_a_household_gets_a_conflict_with_the_current_values(
    client_for, professional, teamleider, huishouden
):
    url = reverse("huishoudens:wijzigen", args=[huishouden.pk])
    data = {
        "naam": huishouden.naam,
        "straat": "Kerkpad",
        "huisnummer": "3",
        "postcode": "7412 CD",
        "woonplaats": "Voorbeeldstad",
        "wijk": "Noord",
        "aangemeld_op": huishouden.aangemeld_op.isoformat(),
        "versie": 1,
    }
    first = client_for(professional).post(url, data)
    assert first.status_code == 302
    second = client_for(teamleider).post(url, {**data, "straat": "Molenstraat"})
    assert second.status_code == 200
    assert "intussen gewijzigd" in second.text
    assert "Kerkpad" in second.text  # the current value
    assert 'name="versie" value="2"' in second.text  # saving again is a conscious choice
    huishouden.refresh_from_db()
    assert (huishouden.straat, huishouden.versie) == ("Kerkpad", 2)
    third = client_for(teamleider).post(url, {**data, "straat": "Molenstraat", "versie": 2})
    assert third.status_code == 302


def test_the_second_editor_of_a_member_gets_a_conflict(
    client_for, professional, teamleider, huishouden, ouder
):
    url = reverse("huishoudens:lid_wijzigen", args=[huishouden.pk, ouder.pk])
    data = {
        "voornamen": "Emma",
        "achternaam": "Jansen",
        "relatie": "ouder_verzorger",
        "geboortedatum": ouder.geboortedatum.isoformat(),
        "lid_sinds": ouder.lid_sinds.isoformat(),
        "versie": 1,
    }
    assert client_for(professional).post(url, {**data, "telefoon": "0612345678"}).status_code == 302
    response = client_for(teamleider).post(url, {**data, "telefoon": "0687654321"})
    assert "intussen gewijzigd" in response.text and "0612345678" in response.text
    ouder.refresh_from_db()
    assert ouder.telefoon == "0612345678"


def test_a_crafted_version_number_is_refused_cleanly(client_for, professional, huishouden, ouder):
    url = reverse("huishoudens:lid_wijzigen", args=[huishouden.pk, ouder.pk])
    for versie in ["99999999999999999999999", "-1", "abc", "1\x00"]:
        response = client_for(professional).post(url, {"voornamen": "Emma", "versie": versie})
        assert response.status_code == 200


def test_editing_the_household_refreshes_the_search_text(client_for, professional, huishouden):
    url = reverse("huishoudens:wijzigen", args=[huishouden.pk])
    data = {
        "naam": "Huishouden Kuipers",
        "straat": "Kerkpad",
        "huisnummer": "3",
        "postcode": "7412cd",
        "woonplaats": "Voorbeeldstad",
        "wijk": "Noord",
        "aangemeld_op": huishouden.aangemeld_op.isoformat(),
        "versie": 1,
    }
    client_for(professional).post(url, data)
    assert Huishouden.objects.search("kuipers kerkpad 7412cd").get() == huishouden


def test_the_casusregisseur_must_be_of_the_households_team(
    client_for, professional, professional_zuid, huishouden
):
    url = reverse("huishoudens:wijzigen", args=[huishouden.pk])
    data = {
        "naam": huishouden.naam,
        "straat": "Kerkpad",
        "huisnummer": "3",
        "postcode": "7412 CD",
        "woonplaats": "Voorbeeldstad",
        "wijk": "Noord",
        "casusregisseur": professional_zuid.pk,
        "aangemeld_op": huishouden.aangemeld_op.isoformat(),
        "versie": 1,
    }
    response = client_for(professional).post(url, data)
    assert "Deze keuze is niet beschikbaar" in response.text
    huishouden.refresh_from_db()
    assert huishouden.casusregisseur == professional


@pytest.mark.parametrize(
    "url",
    [
        "/huishoudens/99999999999999999999999999/",
        "/huishoudens/99999999999999999999999999/wijzigen/",
        "/huishoudens/{pk}/leden/99999999999999999999999999999999999999999999/wijzigen/",
        "/huishoudens/{pk}/leden/99999999999999999999999999999999999999999999/domeinen/justitie/",
        "/huishoudens/{pk}/delen/99999999999999999999999999/intrekken/",
    ],
)
def test_ids_too_large_for_the_database_are_simply_not_found(
    client_for, teamleider, professional_zuid, huishouden, url
):
    url = url.format(pk=huishouden.pk)
    for user in (teamleider, professional_zuid):
        assert client_for(user).get(url).status_code in {404, 405}
        assert client_for(user).post(url).status_code in {404, 405}
