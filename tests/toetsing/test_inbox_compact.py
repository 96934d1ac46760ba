"""Issue 14: the lead's inbox as a compact table: newest first, filters, sorting, the
household's name, details on demand, at a constant number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.toetsing.factories import ingediend, maak_gezin
from toetsing import services as toets_services
from toetsing.models import MaatwerkBudget, MaatwerkVerzoek

pytestmark = pytest.mark.django_db


@pytest.fixture
def verzoeken(team_noord, professional, teamleider):
    MaatwerkBudget.objects.create(
        team=team_noord,
        jaar=timezone.localdate().year,
        financiering="participatiewet",
        bedrag=Decimal("100000.00"),
    )
    result = []
    for naam, dagen, bedrag in (("Gezin Oud", 40, "650.00"), ("Gezin Nieuw", 1, "3000.00")):
        huishouden, *_, actie = maak_gezin(team_noord, professional)
        huishouden.naam = naam
        huishouden.save(update_fields=["naam"])
        toets = toets_services.start_toets(
            huishouden=huishouden, door=professional, actie=actie, vraag=actie.wat
        )
        verzoek = ingediend(toets, professional).maatwerkverzoek
        MaatwerkVerzoek.objects.filter(pk=verzoek.pk).update(
            aangemaakt_op=timezone.now() - datetime.timedelta(days=dagen), bedrag=Decimal(bedrag)
        )
        result.append(verzoek)
    return result


def _inbox(client, **params):
    return client.get(reverse("maatwerk:inbox"), params).content.decode()


def test_a_compact_table_newest_first_with_the_households_name(client_for, teamleider, verzoeken):
    oud, nieuw = verzoeken
    page = _inbox(client_for(teamleider))
    assert '<table class="utrecht-table inbox-tabel">' in page
    assert "Gezin Oud" in page and "Gezin Nieuw" in page
    assert page.index(f"verzoek-{nieuw.pk}") < page.index(f"verzoek-{oud.pk}")
    assert page.count('<details class="inbox-details"') == 2
    termijn = _inbox(client_for(teamleider), sorteer="termijn")
    assert termijn.index(f"verzoek-{oud.pk}") < termijn.index(f"verzoek-{nieuw.pk}")


def test_filters_on_amount_age_law_status_and_professional(
    client_for, teamleider, professional, verzoeken
):
    client = client_for(teamleider)

    def zichtbaar(**params):
        page = _inbox(client, **params)
        return [f"verzoek-{v.pk}" in page for v in verzoeken]

    assert zichtbaar(bedrag="vanaf-2500") == [False, True]
    assert zichtbaar(bedrag="tot-500") == [False, False]
    assert zichtbaar(leeftijd="maand") == [True, False]
    assert zichtbaar(financiering="participatiewet") == [True, True]
    assert zichtbaar(financiering="wmo") == [False, False]
    assert zichtbaar(status="meer_informatie_gevraagd") == [False, False]
    assert zichtbaar(professional=str(professional.pk)) == [True, True]
    # nonsense is ignored, never an error
    assert zichtbaar(bedrag="x", sorteer="y", professional="abc") == [True, True]


def test_a_filtered_partial_costs_the_same_queries(
    client_for, teamleider, verzoeken, django_assert_num_queries
):
    client = client_for(teamleider)
    _inbox(client)
    # session+user, count, requests, the latest escalation of the page's rows, access-log
    # chain + insert (decisions and similar decisions load when a row's details open)
    with django_assert_num_queries(6):
        partial = client.get(
            reverse("maatwerk:inbox"),
            {"financiering": "participatiewet", "sorteer": "bedrag"},
            headers={"HX-Request": "true"},
        ).content.decode()
    assert partial.lstrip().startswith('<div id="inbox-lijst">')


def test_the_details_load_when_a_row_opens(
    client_for, teamleider, professional_zuid, verzoeken, htmx_headers
):
    """A row shows what a lead scans; its details (the alternative, the decisions so far,
    the similar decisions) load when it opens (htmx), or as a page of their own without
    JavaScript, for whoever may read the request, and the look is logged."""
    from sociaaldomein.models import Toegangslog
    from toetsing.services import maatwerk

    oud, nieuw = verzoeken
    besloten = maatwerk.reject_maatwerk(
        verzoek=oud, door=teamleider, reden="Past binnen de voorliggende voorziening."
    )
    page = _inbox(client_for(teamleider))
    url = reverse("maatwerk:details", args=[nieuw.pk])
    assert f'hx-get="{url}"' in page and f'href="{url}"' in page
    assert f"Besluit {besloten.pk}" not in page and "Vermeden alternatief" not in page
    voor = Toegangslog.objects.count()
    deel = client_for(teamleider).get(url, headers=htmx_headers).content.decode()
    assert "<html" not in deel and "Vermeden alternatief" in deel
    assert f'id="precedent-{besloten.pk}"' in deel
    assert Toegangslog.objects.count() == voor + 1
    pagina = client_for(teamleider).get(url).content.decode()
    assert "<html" in pagina and f'id="precedent-{besloten.pk}"' in pagina
    assert client_for(professional_zuid).get(url).status_code == 404


def test_the_filters_keep_what_was_chosen_and_name_each_requester_once(
    client_for, teamleider, professional, verzoeken
):
    professional.first_name, professional.last_name = "Anna", "<b>de Vries</b>"
    professional.save(update_fields=["first_name", "last_name"])
    page = _inbox(client_for(teamleider), professional=str(professional.pk), sorteer="bedrag")
    assert f'<option value="{professional.pk}" selected>Anna &lt;b&gt;de Vries&lt;/b&gt;' in page
    assert page.count(f'<option value="{professional.pk}"') == 1  # two requests, one name
    assert '<option value="bedrag" selected>' in page
    assert '<option value="" selected>Alle open</option>' in page  # status: not chosen
