"""The toets pages: the full pages, their htmx partials, permissions and query counts."""

import pytest
from django.urls import reverse

from sociaaldomein.models import Toegangslog
from tests.toetsing.factories import (
    artikel,
    beeindigd,
    grondwaarde,
    ingediend,
    naar_stap2,
    vul_stap1,
    vul_stap2,
)
from toetsing import services
from toetsing.models import Effect, Toets, ToetsArtikel

pytestmark = pytest.mark.django_db


def url(naam, toets, **extra):
    return reverse(f"toetsing:{naam}", args=[toets.huishouden_id, toets.pk], **extra)


def stap1_body(toets, **overrides):
    """The step-1 form as the browser posts it (every field, as on screen)."""
    toets.refresh_from_db()
    body = {
        "versie": toets.versie,
        "behoefte": toets.behoefte,
        "analyse": toets.analyse,
        "effect_kort": toets.effect_kort,
        "effect_lang": toets.effect_lang,
        "effect_omgeving": toets.effect_omgeving,
        "kosten_oplossing": "" if toets.kosten_oplossing is None else str(toets.kosten_oplossing),
        "alternatief": toets.alternatief,
        "kosten_alternatief": ""
        if toets.kosten_alternatief is None
        else str(toets.kosten_alternatief),
        "horizon_maanden": toets.horizon_maanden or "",
        "conclusie_toelichting": toets.conclusie_toelichting,
        "reden_beeindiging": toets.reden_beeindiging,
    }
    for name in (
        "ethiek_gelijkheid",
        "ethiek_autonomie",
        "ethiek_evenredigheid",
        "ethiek_precedent",
    ):
        body[name] = getattr(toets, name)
    for name in ("ethisch_verantwoord", "is_nodig", "past_bij_grondwaarden"):
        value = getattr(toets, name)
        if value is not None:
            body[name] = "ja" if value else "nee"
    for keuze in toets.grondwaarden.all():
        body[f"gw_{keuze.grondwaarde_id}"] = "on"
        body[f"gw_{keuze.grondwaarde_id}_toelichting"] = keuze.toelichting
    for effect in toets.effecten.all():
        if effect.verwachting:
            body[f"effect_{effect.pk}_verwachting"] = effect.verwachting
        body[f"effect_{effect.pk}_toelichting"] = effect.toelichting
    body.update(overrides)
    return body


def stap2_body(toets, **overrides):
    toets.refresh_from_db()
    body = {
        "versie": toets.versie,
        "uitkomst": toets.uitkomst,
        "financiering": toets.financiering,
        "afwijking_regel": toets.afwijking_regel,
        "bijzondere_omstandigheden": toets.bijzondere_omstandigheden,
        "evenredigheid_afwijking": toets.evenredigheid_afwijking,
        "voorliggend_overwogen": toets.voorliggend_overwogen,
        "samenvatting_deelbaar": toets.samenvatting_deelbaar,
        "precedent_afwijking": toets.precedent_afwijking,
    }
    for keuze in toets.artikelen.all():
        body[f"artikel_{keuze.artikel_id}_motivering"] = keuze.motivering
        body[f"artikel_{keuze.artikel_id}_reden"] = keuze.reden_andere_wet
    body.update(overrides)
    return body


# --- starting ----------------------------------------------------------------------------------


def test_a_toets_is_started_from_an_action_on_the_plan_page(client_for, professional, gezin):
    huishouden, _, _, _, actie = gezin
    client = client_for(professional)
    plan = client.get(reverse("casussen:plan", args=[huishouden.pk]))
    start = reverse("toetsing:starten_actie", args=[huishouden.pk, actie.pk])
    assert start in plan.content.decode()
    page = client.get(start)
    assert page.status_code == 200
    assert actie.wat in page.content.decode()
    response = client.post(start, {"vraag": "Een maand huur betalen"})
    toets = Toets.objects.get()
    assert response.status_code == 302 and response["Location"] == url("stap1", toets)
    assert toets.actie == actie and toets.aangemaakt_door == professional
    assert Toegangslog.objects.filter(onderwerp="toets", actie="aangemaakt").exists()
    plan = client.get(reverse("casussen:plan", args=[huishouden.pk])).content.decode()
    assert url("toets", toets) in plan and "Concept: stap 1" in plan


def test_a_toets_can_start_from_a_goal(client_for, professional, gezin):
    huishouden, _, _, doel, _ = gezin
    response = client_for(professional).post(
        reverse("toetsing:starten_doel", args=[huishouden.pk, doel.pk]), {"vraag": "Huur"}
    )
    assert response.status_code == 302
    assert Toets.objects.get().doel == doel


def test_starting_without_a_question_gives_a_dutch_error(client_for, professional, gezin):
    huishouden, _, _, _, actie = gezin
    response = client_for(professional).post(
        reverse("toetsing:starten_actie", args=[huishouden.pk, actie.pk]), {"vraag": "  "}
    )
    assert response.status_code == 200
    assert "Beschrijf de beslisvraag" in response.content.decode()
    assert not Toets.objects.exists()


# --- step 1 ----------------------------------------------------------------------------------


def test_step_1_is_a_full_page_with_every_question(client_for, professional, toets):
    page = client_for(professional).get(url("stap1", toets)).content.decode()
    for text in (
        "Stap 1 — Wat is nodig?",
        "Effecten in de volle breedte",
        "Welke grondwaarden dient de oplossing?",
        "Is het ethisch verantwoord?",
        "Conclusie van stap 1",
        'hx-post="' + url("stap1_opslaan", toets),
        'aria-live="polite"',
        "Ayşe Yılmaz — Financiën",
    ):
        assert text in page, text


def test_the_toets_is_read_without_joining_its_household_again(
    client_for, professional, toets, django_assert_num_queries
):
    """The page loads the household through the gate; the toets query joins it no more
    and has no LIMIT (among a dozen optional joins each doubled PostgreSQL's planning
    time), and the page still shows the household's members; another key is a 404."""
    client = client_for(professional)
    with django_assert_num_queries(99, exact=False) as queries:
        page = client.get(url("stap1", toets)).text
    (toets_query,) = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith('SELECT "toetsing_toets"')
    ]
    assert "huishoudens_huishouden" not in toets_query and "LIMIT" not in toets_query
    assert "Ayşe Yılmaz — Financiën" in page
    elders = reverse("toetsing:stap1", args=[toets.huishouden_id, toets.pk + 10_000])
    assert client.get(elders).status_code == 404


def test_autosave_stores_the_draft_and_answers_with_the_time_and_new_version(
    client_for, professional, toets, htmx_headers
):
    body = stap1_body(toets, analyse="Inkomensval door ziekte", kosten_alternatief="7.000")
    response = client_for(professional).post(
        url("stap1_opslaan", toets), body, headers=htmx_headers
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Concept opgeslagen om" in html
    assert 'id="toets-versie" value="2" hx-swap-oob="true"' in html
    assert 'id="rendement"' in html  # the return figure follows the new amounts
    toets.refresh_from_db()
    assert toets.analyse == "Inkomensval door ziekte" and toets.versie == 2
    assert str(toets.kosten_alternatief) == "7000.00"


def test_autosave_of_a_stale_version_shows_a_conflict_and_overwrites_nothing(
    client_for, professional, teamleider, toets, htmx_headers
):
    body = stap1_body(toets, analyse="Mijn versie")
    client_for(teamleider).post(
        url("stap1_opslaan", toets),
        stap1_body(toets, analyse="Versie van de teamleider"),
        headers=htmx_headers,
    )
    response = client_for(professional).post(
        url("stap1_opslaan", toets), body, headers=htmx_headers
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "iemand anders heeft deze toets intussen gewijzigd" in html
    assert "Mijn versie" in html and "Versie van de teamleider" in html
    toets.refresh_from_db()
    assert toets.analyse == "Versie van de teamleider"


def test_autosave_refuses_bad_input_without_saving_anything(
    client_for, professional, toets, htmx_headers
):
    body = stap1_body(toets, analyse="Nieuw", kosten_oplossing="veel", horizon_maanden="1e309")
    response = client_for(professional).post(
        url("stap1_opslaan", toets), body, headers=htmx_headers
    )
    html = response.content.decode()
    assert "Niet opgeslagen" in html and "Kosten van deze oplossing" in html
    toets.refresh_from_db()
    assert toets.analyse == "" and toets.versie == 1


def test_without_javascript_saving_redirects_and_concluding_opens_step_2(
    client_for, professional, toets
):
    client = client_for(professional)
    toets = vul_stap1(toets, professional)
    response = client.post(url("stap1", toets), stap1_body(toets, actie="opslaan"))
    assert response.status_code == 302 and response["Location"] == url("stap1", toets)
    response = client.post(url("stap1", toets), stap1_body(toets, actie="afronden"))
    assert response.status_code == 302 and response["Location"] == url("stap2", toets)
    assert Toets.objects.get(pk=toets.pk).status == Toets.Status.STAP2


def test_concluding_an_incomplete_step_1_saves_the_draft_and_marks_what_is_missing(
    client_for, professional, toets
):
    response = client_for(professional).post(
        url("stap1", toets), stap1_body(toets, actie="afronden", behoefte="Huur betalen")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Stap 1 is nog niet af" in html
    assert "Kies minstens één grondwaarde" in html
    toets.refresh_from_db()
    assert toets.behoefte == "Huur betalen" and toets.status == Toets.Status.CONCEPT
    assert f'value="{toets.versie}"' in html


def test_adding_and_removing_an_effect_with_htmx_rerenders_the_form(
    client_for, professional, toets, gezin, htmx_headers
):
    _, moeder, _, _, _ = gezin
    client = client_for(professional)
    from huishoudens.models import Leefdomein

    netwerk = Leefdomein.objects.get(code="sociaal-netwerk")
    body = stap1_body(
        toets,
        actie="effect_toevoegen",
        nieuw_lid=str(moeder.pk),
        nieuw_leefdomein=str(netwerk.pk),
        nieuw_verwachting="slechter",
        nieuw_toelichting="minder tijd voor vriendinnen",
    )
    response = client.post(url("stap1", toets), body, headers=htmx_headers)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<form id="toets-formulier"')
    assert "Ayşe Yılmaz — Sociaal netwerk" in html
    effect = Effect.objects.get(toets=toets, leefdomein=netwerk)
    response = client.post(
        url("stap1", toets), stap1_body(toets, verwijder_effect=effect.pk), headers=htmx_headers
    )
    assert not Effect.objects.filter(pk=effect.pk).exists()
    # the same member and domain twice is refused next to the field
    bestaand = toets.effecten.first()
    response = client.post(
        url("stap1", toets),
        stap1_body(
            toets,
            actie="effect_toevoegen",
            nieuw_lid=str(bestaand.lid_id),
            nieuw_leefdomein=str(bestaand.leefdomein_id),
        ),
        headers=htmx_headers,
    )
    assert "staat er al een effect" in response.content.decode()


def test_step_1_is_read_only_while_step_2_is_open(client_for, professional, toets):
    toets = naar_stap2(toets, professional)
    client = client_for(professional)
    page = client.get(url("stap1", toets)).content.decode()
    assert "Stap 1 wijzigen" in page and 'id="toets-formulier"' not in page
    response = client.post(url("stap1", toets), stap1_body(toets, analyse="Stiekem"))
    assert response.status_code == 302
    assert Toets.objects.get(pk=toets.pk).analyse != "Stiekem"
    response = client.post(url("heropenen", toets), {"versie": toets.versie})
    assert response.status_code == 302
    assert Toets.objects.get(pk=toets.pk).status == Toets.Status.CONCEPT


# --- step 2 ----------------------------------------------------------------------------------


def test_step_2_is_closed_by_url_and_by_a_crafted_post_until_step_1_is_positive(
    client_for, professional, toets, htmx_headers
):
    client = client_for(professional)
    response = client.get(url("stap2", toets))
    assert response.status_code == 302 and response["Location"] == url("stap1", toets)
    body = {"versie": toets.versie, "uitkomst": "maatwerk", "actie": "indienen"}
    response = client.post(url("stap2", toets), body)
    assert response.status_code == 302
    response = client.post(url("stap2_opslaan", toets), body, headers=htmx_headers)
    assert response.status_code == 200 and response["HX-Redirect"] == url("stap1", toets)
    response = client.post(
        url("stap2", toets), {**body, "toevoegen": artikel("awb", "4:84").pk}, headers=htmx_headers
    )
    assert response["HX-Redirect"] == url("stap1", toets)
    toets.refresh_from_db()
    assert toets.status == Toets.Status.CONCEPT and toets.uitkomst == "" and toets.versie == 1
    assert not toets.artikelen.exists()
    follow = client.get(url("stap1", toets)).content.decode()
    assert "Stap 2 is nog gesloten" in follow


def test_articles_are_searched_as_you_type_and_retired_ones_are_not_offered(
    client_for, professional, toets, htmx_headers
):
    toets = naar_stap2(toets, professional)
    client = client_for(professional)
    response = client.get(url("artikelen", toets), {"zoek": "bijzondere"}, headers=htmx_headers)
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="artikel-resultaten"')
    assert "Pw art. 35" in html
    pw35 = artikel("participatiewet", "35")
    import datetime

    from django.utils import timezone

    pw35.ingetrokken_op = timezone.localdate() - datetime.timedelta(days=1)
    pw35.save()
    html = client.get(url("artikelen", toets), {"zoek": "bijzondere"}, headers=htmx_headers)
    assert "Pw art. 35" not in html.content.decode()
    plain = client.get(url("artikelen", toets), {"zoek": "4:84"})
    assert plain.status_code == 302 and "zoek=4%3A84" in plain["Location"]
    page = client.get(plain["Location"]).content.decode()
    assert "Awb art. 4:84" in page


def test_adding_an_article_of_another_law_without_a_reason_shows_the_error(
    client_for, professional, toets, htmx_headers
):
    toets = naar_stap2(toets, professional)
    jeugdwet = artikel("jeugdwet", "2.3")
    response = client_for(professional).post(
        url("stap2", toets), stap2_body(toets, toevoegen=jeugdwet.pk), headers=htmx_headers
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "hoort niet bij de grondwaarden" in html
    assert not ToetsArtikel.objects.filter(toets=toets, artikel=jeugdwet).exists()
    response = client_for(professional).post(
        url("stap2", toets),
        stap2_body(toets, toevoegen=jeugdwet.pk, **{f"reden_{jeugdwet.pk}": "De zoon"}),
        headers=htmx_headers,
    )
    assert ToetsArtikel.objects.get(toets=toets, artikel=jeugdwet).reden_andere_wet == "De zoon"


def test_submitting_shows_the_motivation_and_the_cost_figures(client_for, professional, toets):
    toets = vul_stap2(naar_stap2(toets, professional), professional)
    client = client_for(professional)
    response = client.post(url("stap2", toets), stap2_body(toets, actie="indienen"))
    assert response.status_code == 302 and response["Location"] == url("toets", toets)
    page = client.get(url("toets", toets)).content.decode()
    assert "Motivering" in page and "Maatwerkverzoek" in page
    assert "€ 6.350,00 voorkomen" in page and "10,8 ×" in page
    assert "afgeweken wordt van de beleidsregel bijzondere bijstand" in page


def test_submitting_incomplete_step_2_keeps_the_draft_and_shows_what_is_missing(
    client_for, professional, toets
):
    toets = naar_stap2(toets, professional)
    response = client_for(professional).post(
        url("stap2", toets), stap2_body(toets, actie="indienen", uitkomst="maatwerk")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "De toets is nog niet ingediend" in html
    assert "Motiveer hoe dit artikel" in html
    assert Toets.objects.get(pk=toets.pk).uitkomst == "maatwerk"


# --- immutability through every view ---------------------------------------------------------


@pytest.mark.parametrize("staat", ["ingediend", "beeindigd"])
def test_no_request_changes_a_final_toets(client_for, professional, toets, htmx_headers, staat):
    toets = (
        ingediend(toets, professional) if staat == "ingediend" else beeindigd(toets, professional)
    )
    client = client_for(professional)
    voor = Toets.objects.get(pk=toets.pk)
    delen = (
        list(voor.grondwaarden.values()),
        list(voor.effecten.values()),
        list(voor.artikelen.values()),
    )
    for naam, body in [
        ("stap1", stap1_body(toets, analyse="X", actie="afronden")),
        ("stap1_opslaan", stap1_body(toets, analyse="X")),
        ("stap2", stap2_body(toets, uitkomst="binnen_regels", actie="indienen")),
        ("stap2_opslaan", stap2_body(toets, uitkomst="binnen_regels")),
        ("heropenen", {"versie": toets.versie}),
    ]:
        for headers in ({}, htmx_headers):
            response = client.post(url(naam, toets), body, headers=headers)
            assert response.status_code in {200, 302}, naam
            if headers:
                assert response["HX-Redirect"] == url("toets", toets), naam
            else:
                assert response["Location"] == url("toets", toets), naam
    na = Toets.objects.get(pk=toets.pk)
    assert (na.versie, na.analyse, na.uitkomst, na.status) == (
        voor.versie,
        voor.analyse,
        voor.uitkomst,
        voor.status,
    )
    assert delen == (
        list(na.grondwaarden.values()),
        list(na.effecten.values()),
        list(na.artikelen.values()),
    )


def test_correcting_through_the_pages(client_for, professional, toets):
    toets = ingediend(toets, professional)
    client = client_for(professional)
    assert client.get(url("corrigeren", toets)).status_code == 200
    response = client.post(url("corrigeren", toets), {"reden": ""})
    assert "Geef aan wat er gecorrigeerd moet worden" in response.content.decode()
    response = client.post(url("corrigeren", toets), {"reden": "Huur was € 700"})
    nieuw = Toets.objects.get(vorige=toets)
    assert response["Location"] == url("stap1", nieuw)
    page = client.get(url("toets", toets)).content.decode()
    assert "Er is een correctie in bewerking" in page


# --- permissions -------------------------------------------------------------------------------


def test_another_team_gets_404_on_every_page_and_partial_and_nothing_changes(
    client_for, professional, professional_zuid, toets, htmx_headers
):
    client = client_for(professional_zuid)
    for naam in ("toets", "stap1", "corrigeren"):
        for headers in ({}, htmx_headers):
            assert client.get(url(naam, toets), headers=headers).status_code == 404
    for naam in ("stap1", "stap1_opslaan", "stap2", "stap2_opslaan", "heropenen", "corrigeren"):
        response = client.post(
            url(naam, toets), stap1_body(toets, analyse="X"), headers=htmx_headers
        )
        assert response.status_code == 404
    assert Toets.objects.get(pk=toets.pk).versie == 1
    assert Toegangslog.objects.filter(actie="geweigerd", gebruiker=professional_zuid).exists()


def test_the_auditor_reads_the_toets_but_cannot_open_or_post_a_step(
    client_for, auditor, professional, toets
):
    toets = ingediend(toets, professional)
    client = client_for(auditor)
    page = client.get(url("toets", toets))
    assert page.status_code == 200 and "Motivering" in page.content.decode()
    assert "Corrigeren" not in page.content.decode()
    assert client.get(url("stap1", toets)).status_code == 403
    assert client.post(url("corrigeren", toets), {"reden": "x"}).status_code == 403
    assert not Toets.objects.filter(vorige=toets).exists()
    log = Toegangslog.objects.filter(gebruiker=auditor, onderwerp="toets", actie="bekeken").get()
    assert log.doel == "verantwoording"


def test_a_toets_is_only_found_through_its_own_household(
    client_for, professional, toets, team_noord
):
    from tests.huishoudens.factories import HuishoudenFactory

    ander = HuishoudenFactory(team=team_noord)
    response = client_for(professional).get(reverse("toetsing:toets", args=[ander.pk, toets.pk]))
    assert response.status_code == 404


# --- query counts ------------------------------------------------------------------------------


def _meer_delen(toets, door):
    """Five more effects, core values and articles: the counts below must not move."""
    from huishoudens.models import Leefdomein

    for domein in Leefdomein.objects.exclude(code__in=["financien", "huisvesting"])[:5]:
        Effect.objects.create(toets=toets, lid=None, leefdomein=domein, verwachting="gelijk")


def test_the_toets_page_costs_the_same_queries_with_more_parts(
    client_for, professional, toets, django_assert_num_queries
):
    toets = vul_stap2(naar_stap2(toets, professional), professional)
    client = client_for(professional)
    client.get(url("toets", toets))
    # the editable check costs no query for the team's own caseworkers (Huishouden.can_change);
    # whether a correction exists is read when the page shows it (one query)
    with django_assert_num_queries(9) as klein:
        client.get(url("toets", toets))
    _meer_delen(toets, professional)
    for nummer in ("3:2", "3:47", "10:3"):
        services.save_stap2(
            toets=toets,
            door=professional,
            versie=Toets.objects.get(pk=toets.pk).versie,
            velden={},
            artikelen={},
            toevoegen=(artikel("awb", nummer).pk, ""),
        )
    with django_assert_num_queries(len(klein.captured_queries)):
        client.get(url("toets", toets))


def test_step_pages_cost_the_same_queries_with_more_parts(
    client_for, professional, toets, django_assert_num_queries
):
    client = client_for(professional)
    client.get(url("stap1", toets))
    # 10: step 1 does not load the cited articles (step 2's)
    with django_assert_num_queries(10):
        client.get(url("stap1", toets))
    _meer_delen(toets, professional)
    with django_assert_num_queries(10):
        client.get(url("stap1", toets))
    toets = naar_stap2(Toets.objects.get(pk=toets.pk), professional)
    client.get(url("stap2", toets))
    with django_assert_num_queries(11) as klein:  # 11: the similar precedents (issue 6)
        client.get(url("stap2", toets))
    services.save_stap2(
        toets=toets,
        door=professional,
        versie=toets.versie,
        velden={},
        artikelen={},
        toevoegen=(artikel("awb", "4:84").pk, ""),
    )
    with django_assert_num_queries(len(klein.captured_queries)):
        client.get(url("stap2", toets))


def test_the_plan_page_costs_one_query_for_all_toetsen(
    client_for, professional, gezin, django_assert_num_queries
):
    huishouden, _, _, doel, actie = gezin
    client = client_for(professional)
    plan_url = reverse("casussen:plan", args=[huishouden.pk])
    services.start_toets(huishouden=huishouden, door=professional, actie=actie, vraag="Eén")
    client.get(plan_url)
    # 19 with the referrals of the actions (issue 16), the household's open vroegsignalen
    # (issue 17) and its contributions through Mijn plan (issue 15)
    with django_assert_num_queries(19) as een:
        client.get(plan_url)
    for vraag in ("Twee", "Drie", "Vier"):
        services.start_toets(huishouden=huishouden, door=professional, actie=actie, vraag=vraag)
        services.start_toets(huishouden=huishouden, door=professional, doel=doel, vraag=vraag)
    with django_assert_num_queries(len(een.captured_queries)):
        response = client.get(plan_url)
    assert response.content.decode().count("Toets: ") == 7


def test_the_grondwaarde_snapshot_keeps_the_words_used(professional, toets):
    toets = vul_stap1(toets, professional)
    waarde = grondwaarde("wgs", "aandacht voor kinderen in het gezin")
    waarde.naam = "kinderen eerst"
    waarde.save()
    assert toets.grondwaarden.get(grondwaarde=waarde).naam == "aandacht voor kinderen in het gezin"


# --- Mijn werk and the household's list --------------------------------------------------------


def test_mijn_werk_lists_my_drafts_and_not_my_submitted_toetsen(client_for, professional, gezin):
    huishouden, _, _, _, actie = gezin
    concept = services.start_toets(
        huishouden=huishouden, door=professional, actie=actie, vraag="Concept-vraag"
    )
    klaar = ingediend(
        services.start_toets(huishouden=huishouden, door=professional, actie=actie, vraag="Klaar"),
        professional,
    )
    page = client_for(professional).get(reverse("start")).content.decode()
    assert "Omgekeerde toetsen in bewerking" in page
    assert url("toets", concept) in page and url("toets", klaar) not in page


def test_the_household_list_shows_every_toets_to_the_auditor(
    client_for, auditor, professional, toets
):
    ingediend(toets, professional)
    response = client_for(auditor).get(reverse("toetsing:lijst", args=[toets.huishouden_id]))
    assert response.status_code == 200
    assert "Een maand huur betalen om huisuitzetting te voorkomen" in response.content.decode()


def test_every_autosave_that_changes_something_is_in_the_access_log(
    client_for, professional, toets, htmx_headers
):
    client = client_for(professional)
    client.post(url("stap1_opslaan", toets), stap1_body(toets, analyse="A"), headers=htmx_headers)
    client.post(url("stap1_opslaan", toets), stap1_body(toets, analyse="A"), headers=htmx_headers)
    logs = Toegangslog.objects.filter(onderwerp="toets", actie="gewijzigd", object_id=str(toets.pk))
    assert logs.count() == 1
    assert logs.get().huishoudens == [toets.huishouden_id]


def test_a_correction_and_the_toets_it_corrects_link_to_each_other(client_for, professional, toets):
    """The result page reads the toets it corrects and its correction when it shows them
    (not joined into every toets page's query)."""
    oud = ingediend(toets, professional)
    nieuw = services.correct_toets(toets=oud, door=professional, reden="Verkeerde huurprijs.")
    client = client_for(professional)
    oude_pagina = client.get(url("toets", oud)).text
    assert "Er is een correctie in bewerking" in oude_pagina
    assert f'href="{nieuw.get_absolute_url()}"' in oude_pagina
    nieuwe_pagina = client.get(url("toets", nieuw)).text
    assert "Deze toets corrigeert" in nieuwe_pagina and "Verkeerde huurprijs." in nieuwe_pagina
    assert f'href="{oud.get_absolute_url()}"' in nieuwe_pagina
