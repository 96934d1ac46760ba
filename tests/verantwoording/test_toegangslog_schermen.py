"""The access-log screens: a household's log for its team lead and auditors, the whole
log with filters for auditors; paging by number, constant queries, no 500 on bad input."""

import datetime
import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from sociaaldomein.accesslog import Actie, log_access
from sociaaldomein.models import Toegangslog
from tests.huishoudens.factories import HuishoudenFactory, LidFactory
from tests.invoer.payloads import PAYLOADS
from verantwoording.selectors import PER_PAGINA

pytestmark = pytest.mark.django_db

LOG = reverse("verantwoording:toegangslog")


@pytest.fixture
def gezin(team_noord):
    huishouden = HuishoudenFactory(team=team_noord, referentie="EP-2026-000042")
    LidFactory(huishouden=huishouden, voornamen="Anna", achternaam="Visser")
    return huishouden


def _entries(user, huishouden, n, **kwargs):
    request = RequestFactory().get(f"/huishoudens/{huishouden.pk}/")
    request.user = user
    lid = huishouden.leden.first()
    return [
        log_access(
            request,
            actie=kwargs.get("actie", Actie.BEKEKEN),
            onderwerp="huishouden",
            huishoudens=[huishouden.pk],
            leden=[lid.pk] if lid else [],
            reden=kwargs.get("reden", ""),
            uitzonderlijk=kwargs.get("uitzonderlijk", False),
        )
        for _ in range(n)
    ]


def _household_log(huishouden, query=""):
    return reverse("verantwoording:huishouden_toegangslog", args=[huishouden.pk]) + query


def test_the_team_lead_sees_who_looked_at_the_household_with_members_and_flags(
    client_for, teamleider, professional, professional_zuid, gezin
):
    _entries(professional, gezin, 2)
    _entries(professional_zuid, gezin, 1, reden="Crisisdienst", uitzonderlijk=True)
    response = client_for(teamleider).get(_household_log(gezin))
    assert response.status_code == 200
    assert escape(professional.weergavenaam) in response.text
    assert "Anna Visser" in response.text  # the members, by name
    assert "logtabel__uitzonderlijk" in response.text and "Crisisdienst" in response.text
    assert "3 regels gevonden" in response.text
    # only the exceptional ones
    flagged = client_for(teamleider).get(_household_log(gezin, "?uitzonderlijk=on"))
    assert "1 regel gevonden" in flagged.text
    # reading the log is itself a look at personal data
    entry = Toegangslog.objects.filter(onderwerp="toegangslog", gebruiker=teamleider).first()
    assert entry.doel == "verantwoording" and entry.huishoudens == [gezin.pk]


def test_professionals_may_not_read_the_log_and_other_teams_do_not_see_it_exists(
    client_for, professional, professional_zuid, teamleider_zuid, gezin
):
    assert client_for(professional).get(_household_log(gezin)).status_code == 403
    assert client_for(professional_zuid).get(_household_log(gezin)).status_code == 404
    assert client_for(teamleider_zuid).get(_household_log(gezin)).status_code == 404
    refused = Toegangslog.objects.filter(actie=Actie.GEWEIGERD, onderwerp="toegangslog")
    assert refused.count() == 3


def test_the_household_log_pages_by_number_newest_first(client_for, auditor, professional, gezin):
    entries = _entries(professional, gezin, PER_PAGINA + 5)
    numbers = [e.volgnummer for e in Toegangslog.objects.filter(pk__in=[e.pk for e in entries])]
    client = client_for(auditor)
    first = client.get(_household_log(gezin))
    assert f"<td>{max(numbers)}</td>" in first.text
    assert f"<td>{min(numbers)}</td>" not in first.text
    oldest_on_page = sorted(numbers)[-PER_PAGINA]
    assert f"voor={oldest_on_page}" in first.text
    second = client.get(_household_log(gezin, f"?voor={oldest_on_page}"))
    assert f"<td>{min(numbers)}</td>" in second.text
    assert "Oudere regels" not in second.text and "Nieuwere regels" in second.text
    back = client.get(
        _household_log(gezin, f"?na={max(second.context['pagina'].regels[0].volgnummer, 0)}")
    )
    assert f"<td>{max(numbers)}</td>" in back.text


def test_an_auditor_filters_the_whole_log_by_user_household_and_dates(
    client_for, auditor, professional, teamleider, gezin, team_noord
):
    ander = HuishoudenFactory(team=team_noord)
    _entries(professional, gezin, 3)
    _entries(teamleider, ander, 2)
    old = _entries(teamleider, gezin, 1)[0]
    client = client_for(auditor)

    by_user = client.get(LOG, {"gebruiker": professional.pk})
    assert {r.gebruiker_id for r in by_user.context["pagina"].regels} == {professional.pk}
    by_household = client.get(LOG, {"huishouden": "ep-2026-000042"})  # case-insensitive
    regels = by_household.context["pagina"].regels
    assert len(regels) == 4 and all(gezin.pk in r.huishoudens for r in regels)
    assert "EP-2026-000042" in by_household.text

    vandaag = timezone.localdate()
    gisteren = vandaag - datetime.timedelta(days=1)
    by_date = client.get(LOG, {"van": gisteren.isoformat(), "tot": gisteren.isoformat()})
    assert by_date.context["pagina"].regels == []
    today = client.get(LOG, {"van": vandaag.isoformat(), "tot": vandaag.isoformat()})
    assert old.pk in {r.pk for r in today.context["pagina"].regels}
    combined = client.get(LOG, {"gebruiker": teamleider.pk, "huishouden": gezin.referentie})
    assert [r.pk for r in combined.context["pagina"].regels] == [old.pk]


def test_the_whole_log_costs_the_same_queries_for_few_or_many_entries(
    client_for, auditor, professional, gezin, django_assert_num_queries
):
    client = client_for(auditor)
    _entries(professional, gezin, 3)
    client.get(LOG)
    # session, user, the user choices of the filter, bounded count, page, references, the
    # log entry of this search; a chosen user and a household are looked up (one each)
    filters = {"huishouden": gezin.referentie, "gebruiker": professional.pk}
    with django_assert_num_queries(7):
        client.get(LOG)
    with django_assert_num_queries(9):
        client.get(LOG, filters)
    _entries(professional, gezin, 120)
    with django_assert_num_queries(7):
        client.get(LOG)
    with django_assert_num_queries(9):
        response = client.get(LOG, filters)
    assert len(response.context["pagina"].regels) == PER_PAGINA


def test_the_household_log_costs_the_same_queries_for_few_or_many_entries(
    client_for, teamleider, professional, gezin, django_assert_num_queries
):
    client = client_for(teamleider)
    _entries(professional, gezin, 2)
    client.get(_household_log(gezin))
    # session, user, household, bounded count, page, member names, the log entry, grants
    with django_assert_num_queries(8):
        client.get(_household_log(gezin))
    _entries(professional, gezin, 80)
    with django_assert_num_queries(8):
        client.get(_household_log(gezin))


@pytest.mark.parametrize(
    ("params", "veld", "melding"),
    [
        ({"van": "31-02-2026"}, "van", "Vul een geldige datum in (dd-mm-jjjj)."),
        (
            {"van": "2026-05-01", "tot": "2026-04-01"},
            "tot",
            "De einddatum ligt voor de begindatum.",
        ),
        ({"van": "1850-01-01"}, "van", "Kies een datum tussen 2000 en 2099."),
        (
            {"huishouden": "BESTAAT-NIET"},
            "huishouden",
            "Er is geen huishouden met deze referentie.",
        ),
        ({"gebruiker": "abc"}, "gebruiker", "Selecteer een geldige keuze."),
        ({"gebruiker": str(2**70)}, "gebruiker", "Selecteer een geldige keuze."),
        ({"actie": "alles"}, "actie", "Selecteer een geldige keuze."),
    ],
)
def test_bad_filters_give_a_dutch_message_next_to_the_field(
    client_for, auditor, params, veld, melding
):
    response = client_for(auditor).get(LOG, params)
    assert response.status_code == 200
    fouten = re.findall(r'id="id_([a-z_]+)_error">\s*<p>([^<]*)</p>', response.text)
    assert [(naam, tekst[: len(melding)]) for naam, tekst in fouten] == [(veld, melding)]


@pytest.mark.parametrize("params", [{"voor": "abc", "na": "-5"}, {"voor": str(2**80)}])
def test_a_broken_page_cursor_falls_back_to_the_newest_entries(client_for, auditor, params):
    response = client_for(auditor).get(LOG, params)
    assert response.status_code == 200
    assert "_error" not in response.text
    assert "Nieuwere regels" not in response.text  # the first page: nothing newer


def test_hostile_filter_values_never_break_the_log_or_come_back_unescaped(client_for, auditor):
    client = client_for(auditor)
    client.raise_request_exception = False
    for payload in PAYLOADS[:60]:
        response = client.get(LOG, {"huishouden": payload[:2000], "van": payload[:50]})
        assert response.status_code == 200, repr(payload[:30])
        assert "<script>alert(1)</script>" not in response.text


def test_only_auditors_read_the_whole_log(client_for, professional, teamleider, beheerder):
    for user in (professional, teamleider, beheerder):
        assert client_for(user).get(LOG).status_code == 403
    assert Toegangslog.objects.filter(actie=Actie.GEWEIGERD, onderwerp="toegangslog").count() == 3
