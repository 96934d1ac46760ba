"""Assessing a domain inline from the matrix: a dated snapshot, never overwritten."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from huishoudens.models import Beoordeling, Leefdomein
from tests.huishoudens.factories import BeoordelingFactory

pytestmark = pytest.mark.django_db

# session, user, household, member, domain, history; in the transaction: lock, latest
# (conflict check), constraint check, insert (+ 4 savepoint statements); access log;
# then matrix (3) and history for the response; session save (3).
OPSLAAN_QUERIES = 19


def _url(huishouden, lid, code="financien"):
    return reverse("huishoudens:beoordelen", args=[huishouden.pk, lid.pk, code])


def _data(**extra):
    data = {
        "uitkomst": "2",
        "toelichting": "Huurachterstand van twee maanden",
        "eigen_visie": "We schamen ons ervoor.",
        "beoordeeld_op": timezone.localdate().isoformat(),
    }
    data.update(extra)
    return data


def test_saving_over_htmx_swaps_the_panel_the_cell_and_the_completeness(
    client_for, professional, huishouden, ouder, htmx_headers
):
    response = client_for(professional).post(_url(huishouden, ouder), _data(), headers=htmx_headers)
    assert response.status_code == 200
    domein = Leefdomein.objects.get(code="financien")
    text = response.text
    assert text.lstrip().startswith('<section id="beoordeling-paneel"')
    assert re.search(rf'<template>\s*<td id="cel-{ouder.pk}-{domein.pk}"', text)
    assert 'hx-swap-oob="true"' in text
    assert f'<td id="hhcel-{domein.pk}"' in text
    assert '<div id="volledigheid" class="volledigheid-blok" hx-swap-oob="innerHTML">' in text
    assert "1 van 13 leefdomeinen actueel beoordeeld" in text
    assert "Opgeslagen: Financiën van Emma, 2 — Niet zelfredzaam" in text
    b = Beoordeling.objects.get()
    assert (b.score, b.beoordeeld_door, b.eigen_visie) == (
        2,
        professional,
        "We schamen ons ervoor.",
    )


def test_a_plain_post_redirects_to_the_cell(client_for, professional, huishouden, ouder):
    response = client_for(professional).post(_url(huishouden, ouder), _data())
    domein = Leefdomein.objects.get(code="financien")
    assert response["Location"].endswith(f"#cel-{ouder.pk}-{domein.pk}")


def test_a_concern_needs_an_explanation(client_for, professional, huishouden, ouder, htmx_headers):
    response = client_for(professional).post(
        _url(huishouden, ouder), _data(toelichting=""), headers=htmx_headers
    )
    assert response.status_code == 200
    assert "Licht een score van 1 of 2 kort toe." in response.text
    assert not Beoordeling.objects.exists()


def test_a_steady_score_needs_no_explanation_a_change_does(
    client_for, professional, huishouden, ouder
):
    client = client_for(professional)
    client.post(_url(huishouden, ouder), _data(uitkomst="4", toelichting=""))
    first = Beoordeling.objects.get()
    assert first.score == 4 and first.toelichting == ""
    response = client.post(
        _url(huishouden, ouder), _data(uitkomst="3", toelichting="", vorige=first.pk)
    )
    assert "Licht de gewijzigde score kort toe." in response.text
    assert Beoordeling.objects.count() == 1
    client.post(_url(huishouden, ouder), _data(uitkomst="4", toelichting="", vorige=first.pk))
    assert Beoordeling.objects.count() == 2


def test_the_explanation_is_labelled_where_it_is_required(
    client_for, professional, huishouden, ouder
):
    text = client_for(professional).get(_url(huishouden, ouder)).text
    assert "(verplicht bij score 1 of 2, of een andere score dan de vorige)" in text
    assert "beoordeling-formulier--vorige-geen" in text
    veld = text[text.index('id="id_toelichting-veld"') :]
    assert "niet verplicht" not in veld[: veld.index("</label>")]


def test_saving_moves_on_to_the_next_open_cell(
    client_for, professional, huishouden, ouder, htmx_headers
):
    response = client_for(professional).post(_url(huishouden, ouder), _data(), headers=htmx_headers)
    volgende = Leefdomein.objects.filter(actief=True).order_by("volgorde")
    codes = [d.code for d in volgende]
    naar = volgende[(codes.index("financien") + 1) % len(codes)]
    assert f"Nu: {escape(naar.naam)} van Emma." in response.text
    assert (
        reverse("huishoudens:beoordelen", args=[huishouden.pk, ouder.pk, naar.code])
        in response.text
    )
    assert "autofocus" in response.text


def test_not_applicable_needs_a_reason(client_for, professional, huishouden, ouder):
    response = client_for(professional).post(
        _url(huishouden, ouder), _data(uitkomst="nvt", reden_nvt=" ")
    )
    assert "Geef aan waarom dit leefdomein niet van toepassing is." in response.text
    assert not Beoordeling.objects.exists()
    client_for(professional).post(
        _url(huishouden, ouder), _data(uitkomst="nvt", reden_nvt="Geen eigen inkomen")
    )
    b = Beoordeling.objects.get()
    assert (b.niet_van_toepassing, b.score, b.reden_nvt) == (True, None, "Geen eigen inkomen")


def test_not_applicable_is_suggested_for_a_toddler(client_for, professional, huishouden, kind):
    text = client_for(professional).get(_url(huishouden, kind, "werk-opleiding")).text
    assert "meestal niet van toepassing" in text
    assert re.search(r'<input type="radio" name="uitkomst" value="nvt"[^>]*checked>', text)
    assert "Past niet bij de leeftijd (2 jaar)." in text


def test_the_form_shows_our_own_hint_for_the_domain(client_for, professional, huishouden, ouder):
    text = client_for(professional).get(_url(huishouden, ouder)).text
    assert Leefdomein.objects.get(code="financien").hint in text
    assert "5 — Volledig zelfredzaam" in text


@pytest.mark.parametrize(
    "bad",
    [
        {"uitkomst": "7"},
        {"uitkomst": "nvt\x00"},
        {"beoordeeld_op": "2999-01-01"},
        {"beoordeeld_op": "1800-01-01"},
        {"toelichting": "x" * 100_000},
        {"vorige": "99999999999999999999999"},
    ],
)
def test_bad_input_is_refused_cleanly(client_for, professional, huishouden, ouder, bad):
    response = client_for(professional).post(_url(huishouden, ouder), _data(**bad))
    assert response.status_code == 200
    assert not Beoordeling.objects.exists()


def test_assessments_are_snapshots_with_history_and_a_trend_chart(
    client_for, professional, huishouden, ouder
):
    domein = Leefdomein.objects.get(code="financien")
    for dagen, score in [(300, 1), (150, 2)]:
        BeoordelingFactory(
            lid=ouder,
            leefdomein=domein,
            score=score,
            beoordeeld_door=professional,
            beoordeeld_op=timezone.localdate() - datetime.timedelta(days=dagen),
        )
    vorige = Beoordeling.objects.order_by("-id").first().pk
    client = client_for(professional)
    client.get(reverse("start"))  # the first request after login writes the session
    client.post(_url(huishouden, ouder), _data(uitkomst="4", vorige=vorige))
    assert Beoordeling.objects.count() == 3
    text = client.get(_url(huishouden, ouder)).text
    assert '<svg class="trend__grafiek"' in text and 'role="img"' in text
    assert text.count('<circle class="trend__punt') == 3
    assert "Trend: stijgend" in text
    assert "style=" not in text


def test_a_second_assessor_is_told_what_was_recorded_meanwhile(
    client_for, professional, teamleider, huishouden, ouder
):
    client_for(professional).post(_url(huishouden, ouder), _data(uitkomst="3"))
    response = client_for(teamleider).post(_url(huishouden, ouder), _data(uitkomst="5"))
    assert "Intussen heeft" in response.text and "3 — Beperkt zelfredzaam" in response.text
    assert Beoordeling.objects.count() == 1
    current = Beoordeling.objects.get().pk
    assert f'name="vorige" value="{current}"' in response.text
    client_for(teamleider).post(_url(huishouden, ouder), _data(uitkomst="5", vorige=current))
    assert Beoordeling.objects.count() == 2


def test_a_member_who_left_is_not_assessed_but_history_is_readable(
    client_for, professional, huishouden, ouder
):
    BeoordelingFactory(lid=ouder, beoordeeld_door=professional)
    ouder.einddatum = timezone.localdate()
    ouder.reden_vertrek = "Verhuisd"
    ouder.save()
    client = client_for(professional)
    client.get(reverse("start"))  # the first request after login writes the session
    page = client.get(_url(huishouden, ouder))
    assert page.status_code == 200 and "is vertrokken" in page.text
    vorige = Beoordeling.objects.get().pk
    response = client.post(_url(huishouden, ouder), _data(vorige=vorige))
    assert "vertrokken" in response.text
    assert Beoordeling.objects.count() == 1


def test_the_auditor_reads_the_history_but_cannot_assess(client_for, auditor, huishouden, ouder):
    client = client_for(auditor)
    client.get(reverse("start"))  # the first request after login writes the session
    page = client.get(_url(huishouden, ouder))
    assert page.status_code == 200 and "Beoordeling opslaan" not in page.text
    assert client.post(_url(huishouden, ouder), _data()).status_code == 403
    assert not Beoordeling.objects.exists()


def test_an_unknown_domain_or_a_member_of_another_household_is_404(
    client_for, professional, huishouden, ouder, huishouden_zuid
):
    client = client_for(professional)
    client.get(reverse("start"))  # the first request after login writes the session
    assert client.get(_url(huishouden, ouder, "onbekend")).status_code == 404
    vreemd = huishouden_zuid.leden.get()
    assert client.get(_url(huishouden, vreemd)).status_code == 404
    assert client.post(_url(huishouden_zuid, vreemd), _data()).status_code == 404


def test_saving_costs_a_constant_number_of_queries(
    client_for, professional, huishouden, ouder, kind, htmx_headers, django_assert_num_queries
):
    from tests.huishoudens.conftest import beoordeel_alles

    client = client_for(professional)
    client.get(reverse("start"))  # the first request after login writes the session
    client.get(huishouden.get_absolute_url())
    with django_assert_num_queries(OPSLAAN_QUERIES):
        client.post(_url(huishouden, ouder), _data(), headers=htmx_headers)
    beoordeel_alles(kind, professional)
    beoordeel_alles(kind, professional, score=2)
    vorige = Beoordeling.objects.filter(lid=kind, leefdomein__code="justitie").latest("id").pk
    with django_assert_num_queries(OPSLAAN_QUERIES):
        client.post(_url(huishouden, kind, "justitie"), _data(vorige=vorige), headers=htmx_headers)


def _rij_url(huishouden, lid):
    return reverse("huishoudens:beoordelen_lid", args=[huishouden.pk, lid.pk])


def test_a_members_whole_row_in_one_form(client_for, professional, huishouden, ouder):
    client = client_for(professional)
    page = client.get(_rij_url(huishouden, ouder))
    assert page.status_code == 200 and "Alle scores opslaan" in page.text
    response = client.post(
        _rij_url(huishouden, ouder),
        {
            "overige": "4",
            "uitkomst_financien": "2",
            "toelichting_financien": "Huurachterstand",
            "beoordeeld_op": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    aantal = Leefdomein.objects.filter(actief=True).count()
    assert Beoordeling.objects.filter(lid=ouder).count() == aantal
    assert Beoordeling.objects.get(lid=ouder, leefdomein__code="financien").score == 2
    assert set(
        Beoordeling.objects.exclude(leefdomein__code="financien").values_list("score", flat=True)
    ) == {4}


def test_the_row_asks_an_explanation_for_a_concern_and_keeps_nothing_on_error(
    client_for, professional, huishouden, ouder
):
    response = client_for(professional).post(
        _rij_url(huishouden, ouder),
        {
            "overige": "4",
            "uitkomst_financien": "1",
            "beoordeeld_op": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 200
    assert "Licht een score van 1 of 2 kort toe." in response.text
    assert not Beoordeling.objects.exists()


def test_the_row_proposes_not_applicable_by_age_for_a_toddler(
    client_for, professional, huishouden, kind
):
    client = client_for(professional)
    response = client.post(
        _rij_url(huishouden, kind),
        {"overige": "4", "beoordeeld_op": timezone.localdate().isoformat()}
        | {
            f"uitkomst_{d.code}": "nvt"
            for d in Leefdomein.objects.filter(actief=True)
            if d.nvt_voorgesteld_voor(kind)
        },
    )
    assert response.status_code == 302
    nvt = Beoordeling.objects.filter(lid=kind, niet_van_toepassing=True)
    assert nvt.exists() and all(b.reden_nvt.startswith("Past niet bij de leeftijd") for b in nvt)


def test_the_row_form_opened_as_its_own_page_goes_to_the_household_after_saving(
    client_for, professional, huishouden, ouder
):
    url = _rij_url(huishouden, ouder)
    response = client_for(professional).post(
        url,
        {"overige": "4", "beoordeeld_op": timezone.localdate().isoformat()},
        headers={"HX-Request": "true", "HX-Current-URL": f"http://testserver{url}"},
    )
    assert response["HX-Redirect"] == f"{huishouden.get_absolute_url()}#leefdomeinen"


def test_the_row_explains_a_wrong_date_at_the_date_and_keeps_nothing(
    client_for, professional, huishouden, ouder
):
    voor_de_geboorte = ouder.geboortedatum - datetime.timedelta(days=1)
    response = client_for(professional).post(
        _rij_url(huishouden, ouder),
        {"overige": "4", "beoordeeld_op": voor_de_geboorte.isoformat()},
    )
    assert response.status_code == 200
    fout = response.text.split('id="id_beoordeeld_op_error"', 1)[1].split("</div>", 1)[0]
    assert "De datum ligt voor de geboortedatum van het lid." in fout
    assert not Beoordeling.objects.filter(lid=ouder).exists()
