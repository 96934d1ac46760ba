"""Every look at, download, export and change of personal data writes an access-log entry:
who, role, team, when, which household and members, what, and why. Refusals too."""

import pytest
from django.urls import reverse

from sociaaldomein.accesslog import Actie
from sociaaldomein.models import Toegangslog
from tests import gedeelde_wereld as _gedeeld

# One test world per module, each test in a savepoint of it (tests/gedeelde_wereld.py).
gedeelde_wereld, wereld = _gedeeld.gedeelde_wereld, _gedeeld.wereld

pytestmark = pytest.mark.django_db


def _leden(w):
    return [w.lid.pk]


# (name, role, method, url kwargs, body, expected action, subject, members, purpose)
GEVALLEN = [
    ("huishoudens:detail", "professional", "GET", lambda w: {"pk": w.huishouden.pk}, None,
     Actie.BEKEKEN, "huishouden", _leden, "casusregie"),
    ("huishoudens:detail", "auditor", "GET", lambda w: {"pk": w.huishouden.pk}, None,
     Actie.BEKEKEN, "huishouden", _leden, "verantwoording"),
    ("huishoudens:wijzigen", "professional", "GET", lambda w: {"pk": w.huishouden.pk}, None,
     Actie.BEKEKEN, "huishouden", lambda w: [], "casusregie"),
    ("huishoudens:wijzigen", "professional", "POST", lambda w: {"pk": w.huishouden.pk},
     lambda w: w.post_huishouden, Actie.GEWIJZIGD, "huishouden", lambda w: [], "casusregie"),
    ("casussen:status", "teamleider", "GET", lambda w: {"huishouden_pk": w.huishouden.pk}, None,
     Actie.BEKEKEN, "status", lambda w: [], "casusregie"),
    ("huishoudens:lid_wijzigen", "professional", "GET",
     lambda w: {"pk": w.huishouden.pk, "lid_pk": w.lid.pk}, None,
     Actie.BEKEKEN, "lid", _leden, "casusregie"),
    ("huishoudens:lid_wijzigen", "professional", "POST",
     lambda w: {"pk": w.huishouden.pk, "lid_pk": w.lid.pk}, lambda w: w.post_lid,
     Actie.GEWIJZIGD, "lid", _leden, "casusregie"),
    ("huishoudens:lid_vertrek", "professional", "GET",
     lambda w: {"pk": w.huishouden.pk, "lid_pk": w.lid.pk}, None,
     Actie.BEKEKEN, "vertrek", _leden, "casusregie"),
    ("huishoudens:beoordelen", "auditor", "GET",
     lambda w: {"pk": w.huishouden.pk, "lid_pk": w.lid.pk, "domein": "financien"}, None,
     Actie.BEKEKEN, "beoordeling", _leden, "verantwoording"),
    ("huishoudens:beoordelen", "professional", "POST",
     lambda w: {"pk": w.huishouden.pk, "lid_pk": w.lid.pk, "domein": "financien"},
     lambda w: w.post_beoordeling, Actie.GEWIJZIGD, "beoordeling", _leden, "casusregie"),
    ("huishoudens:delen", "teamleider", "GET", lambda w: {"pk": w.huishouden.pk}, None,
     Actie.BEKEKEN, "delen", lambda w: [], "casusregie"),
    ("casussen:plan", "professional", "GET", lambda w: {"huishouden_pk": w.huishouden.pk}, None,
     Actie.BEKEKEN, "plan", _leden, "casusregie"),
    ("casussen:eigen_woorden", "professional", "GET",
     lambda w: {"huishouden_pk": w.huishouden.pk}, None,
     Actie.BEKEKEN, "plan", lambda w: [], "casusregie"),
    ("casussen:eigen_woorden", "professional", "POST",
     lambda w: {"huishouden_pk": w.huishouden.pk},
     lambda w: {"hulpvraag": "Rust in huis", "versie": w.plan.versie},
     Actie.GEWIJZIGD, "plan", lambda w: [], "casusregie"),
    ("verantwoording:dossier", "auditor", "GET", lambda w: {"pk": w.huishouden.pk}, None,
     Actie.BEKEKEN, "dossier", lambda w: [], "verantwoording"),
    ("verantwoording:dossier_maken", "auditor", "POST", lambda w: {"pk": w.huishouden.pk},
     lambda w: {"doel": "bezwaar"}, Actie.GEEXPORTEERD, "dossier", _leden, "bezwaar"),
    ("verantwoording:dossier_download", "teamleider", "GET",
     lambda w: {"pk": w.huishouden.pk, "export_pk": w.dossier.pk}, None,
     Actie.GEDOWNLOAD, "dossier", _leden, "verantwoording"),
    ("verantwoording:beschikking", "professional", "GET",
     lambda w: {"pk": w.huishouden.pk, "toets_pk": w.toets.pk}, None,
     Actie.GEDOWNLOAD, "beschikking", _leden, "besluitvorming"),
    ("verantwoording:huishouden_toegangslog", "teamleider", "GET",
     lambda w: {"pk": w.huishouden.pk}, None,
     Actie.BEKEKEN, "toegangslog", lambda w: [], "verantwoording"),
    ("huishoudens:lijst", "professional", "GET", lambda w: {}, None,
     Actie.GEZOCHT, "huishoudens", lambda w: [], "casusregie"),
    # Mijn plan (issue 15): the member's own looks, and the staff answering them
    ("inwoner:mijn_plan", "inwoner", "GET", lambda w: {}, None,
     Actie.BEKEKEN, "mijn_plan", _leden, "casusregie"),
    ("inwoner:inzage", "inwoner", "GET", lambda w: {}, None,
     Actie.GEDOWNLOAD, "inzage", _leden, "casusregie"),
    ("inwoner:inbreng_besluit", "professional", "POST",
     lambda w: {"pk": w.huishouden.pk, "inbreng_pk": w.inbreng.pk},
     lambda w: {"besluit": "afgewezen", "reden": "Past nu niet."},
     Actie.GEWIJZIGD, "inbreng", _leden, "casusregie"),
    ("inwoner:avg_antwoord", "professional", "POST",
     lambda w: {"pk": w.huishouden.pk, "verzoek_pk": w.avg_verzoek.pk},
     lambda w: {"status": "toegewezen", "antwoord": "Verbeterd."},
     Actie.GEWIJZIGD, "avg_verzoek", _leden, "casusregie"),
]  # fmt: skip


@pytest.mark.parametrize("geval", GEVALLEN, ids=[f"{g[0]}-{g[1]}-{g[2]}" for g in GEVALLEN])
def test_every_look_and_change_of_personal_data_is_logged_with_who_what_and_why(
    wereld, client_for, geval
):
    name, rol, method, kwargs, body, actie, onderwerp, leden, doel = geval
    user = wereld.users[rol]
    before = (
        Toegangslog.objects.order_by("-volgnummer").values_list("volgnummer", flat=True).first()
    )
    client = client_for(user)
    url = reverse(name, kwargs=kwargs(wereld))
    response = client.get(url) if method == "GET" else client.post(url, body(wereld))
    assert response.status_code in {200, 302}, response.status_code
    entries = Toegangslog.objects.filter(volgnummer__gt=before or 0, gebruiker=user)
    entry = entries.get(actie=actie, onderwerp=onderwerp)
    assert entry.gebruikersnaam == user.username
    assert entry.rol == user.rol_label
    assert entry.team == ", ".join(user.team_namen)
    assert entry.tijdstip is not None and entry.hash
    assert wereld.huishouden.pk in entry.huishoudens
    assert set(leden(wereld)) <= set(entry.leden)
    assert entry.doel == doel
    assert entry.pad == url and entry.methode == method
    assert not entry.uitzonderlijk


def test_mijn_werk_logs_the_households_it_lists(wereld, client_for):
    client_for(wereld.users["teamleider"]).get(reverse("start"))
    entry = Toegangslog.objects.get(onderwerp="mijn_werk")
    assert entry.actie == Actie.GEZOCHT and wereld.huishouden.pk in entry.huishoudens


@pytest.mark.parametrize(
    "name",
    [
        "huishoudens:detail",
        "verantwoording:dossier",
        "verantwoording:huishouden_toegangslog",
        "huishoudens:wijzigen",
    ],
)
def test_a_refused_look_is_logged_too(wereld, client_for, name):
    user = wereld.users["ander_team"]
    response = client_for(user).get(reverse(name, kwargs={"pk": wereld.huishouden.pk}))
    assert response.status_code == 404
    entry = Toegangslog.objects.get(gebruiker=user, actie=Actie.GEWEIGERD)
    assert entry.huishoudens == [wereld.huishouden.pk] and entry.team == "Wijkteam Zuid"


def test_a_shared_household_is_ordinary_casework_with_the_reason_of_the_share(wereld, client_for):
    collega = wereld.gedeeld.user
    client_for(collega).get(reverse("huishoudens:detail", args=[wereld.huishouden.pk]))
    entry = Toegangslog.objects.get(gebruiker=collega, actie=Actie.BEKEKEN)
    assert entry.reden == wereld.gedeeld.reden and not entry.uitzonderlijk
