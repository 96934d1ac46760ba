"""Hostile input on every field of every form: no 500, a refusal explained next to the
field, and the payload never rendered unescaped on any page that shows it."""

from __future__ import annotations

import datetime
import re

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.invoer.formulieren import FORMULIEREN, rendered_fields
from tests.invoer.payloads import (
    DANGEROUS_MARKERS,
    DATE_PAYLOADS,
    NUMBER_PAYLOADS,
    PAYLOADS,
)

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(autouse=True)
def _zonder_zeal(settings):
    """The sweep attacks input, not query patterns: N+1 detection (django-zeal) watches
    the requests of the rest of the suite, and the query pins count these same pages.
    Here it would cost a fifth of the sweep's time, so its middleware is left out."""
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("zeal.")]


def _unescaped(text: str, payload: str) -> bool:
    """True when a dangerous part of the payload appears verbatim in the page."""
    lowered = payload.lower()
    return any(m in lowered and m in text.lower() and payload in text for m in DANGEROUS_MARKERS)


def _payloads_for(value) -> list[str]:
    """The full corpus for free text and choices; for dates and numbers (primary keys
    included) the hostile subset that makes sense: at least 50 each."""
    text = str(value)
    if isinstance(value, datetime.date) or ISO_DATE.match(text):
        return DATE_PAYLOADS
    if text.replace(".", "", 1).replace("-", "", 1).replace(",", "", 1).isdigit():
        return NUMBER_PAYLOADS
    return PAYLOADS


ERROR_MARKERS = ("utrecht-form-field-error-message", 'role="alert"', "Conflict")


# Fields whose refusal is explained elsewhere on the form, with the reason ("*": every
# field of that form). Any other field must have its own error element.
FOUT_ELDERS = {
    ("verwijzingen:nieuw", "productcode"): "checked as a pair with productcategorie",
    ("toetsing:stap2", "toevoegen"): "the article search: an unknown article is named "
    "in the list of chosen articles",
    ("dossier_controleren", "vingerafdruk"): "the check's verdict stands above the form",
    ("casussen:doel_nieuw", "heel_huishouden"): "the whole household or some members: a "
    "contradiction is explained at the members chosen",
    ("casussen:doel_wijzigen", "heel_huishouden"): "as for a new goal",
    ("huishoudens:beoordelen_lid", "overige"): "one score for every open domain: a 1 or 2 "
    "asks for an explanation, next to each domain's explanation field",
    ("casussen:status", "naar"): "the target status is the button chosen; a refused "
    "transition is explained above the form",
    ("casussen:akkoord", "gezien_tot"): "what the household saw, kept by the page: a "
    "wrong value is refused as 'the plan changed since'",
}


def _voorbereiden_veiligheid(w) -> None:
    """One safety concern is active at a time: the world's is cleared first, so a new
    one can be reported (in the test's transaction)."""
    from casussen.services.veiligheid import clear_safety_concern

    clear_safety_concern(
        zorg=w.veiligheidszorg, door=w.users["professional"], reden="Gesprek gevoerd, veilig."
    )


VOORBEREIDEN = {"casussen:veiligheid": _voorbereiden_veiligheid}


def _has_error(body: str, veld: str, elders: bool = False) -> bool:
    """The refusal is explained next to the field itself (its own error element); a
    hidden version field is refused as an edit conflict (the conflict table); a field of
    FOUT_ELDERS by an error at the field it is checked with."""
    if f'id="id_{veld}_error"' in body:
        return True
    if veld in {"versie", "vorige"} and "conflict" in body.lower():
        return True
    return elders and any(marker in body for marker in ERROR_MARKERS[:2])


def _familie(naam: str, domeinen: frozenset[str] = frozenset()) -> str:
    """gw_12_toelichting and gw_13_toelichting are one kind of field (one per row), and
    so are uitkomst_financien and uitkomst_huisvesting (one per life domain)."""
    naam = re.sub(r"\d+", "N", naam)
    kind, _, rest = naam.partition("_")
    return f"{kind}_DOMEIN" if rest in domeinen else naam


def _velden(formulier, wereld, client, url) -> tuple[list[str], dict[str, int]]:
    """Every field of the valid body, and every other input of the form as rendered: a
    field added to a form class is swept without a change here. Of the fields a form
    repeats per row (a member, a domain, an article) the first of each kind is swept.
    Also: the maximum lengths the form states."""
    from huishoudens.models import Leefdomein

    domeinen = frozenset(Leefdomein.objects.values_list("code", flat=True))
    velden = list(formulier.fields(wereld))
    gezien = {_familie(naam, domeinen) for naam in velden}
    rendered, maxlength = rendered_fields(client, url)
    for naam in sorted(rendered):
        if _familie(naam, domeinen) not in gezien:
            gezien.add(_familie(naam, domeinen))
            velden.append(naam)
    return velden, maxlength


def _stored_and_shown(client, url, data, payloads, pages, veld) -> tuple[bool, list[str]]:
    """Store `data`, read every page that shows it and the page the form sends the user
    to (the new object's own page), roll back: was it stored, and which of `payloads`
    came back unescaped (or which page broke)?"""
    problems = []
    with transaction.atomic():
        response = client.post(url, data=data)
        stored = response.status_code == 302
        naar = response.get("Location", "") if stored else ""
        extra = [naar] if naar.startswith("/") and naar not in pages else []
        for page in [*pages, *extra] if stored else []:
            shown = client.get(page)
            text = shown.content.decode(errors="replace")
            if shown.status_code >= 500:
                problems.append(f"{veld}: {page} gives {shown.status_code}")
            problems += [
                f"{veld}={p[:40]!r}: rendered unescaped on {page}"
                for p in payloads
                if _unescaped(text, p)
            ]
        transaction.set_rollback(True)
    return stored, problems


def _groepen(payloads: list[str], maxlength: int | None) -> list[list[str]]:
    """The payloads in as few values as the field's maximum length allows (one value
    when it has none); a payload longer than that on its own."""
    groepen: list[list[str]] = []
    for payload in payloads:
        if groepen and len(" ".join([*groepen[-1], payload])) <= (maxlength or 10**9):
            groepen[-1].append(payload)
        else:
            groepen.append([payload])
    return groepen


def _read_back(client, url, geldig, veld, payloads, pages) -> list[str]:
    """The stored-XSS read-back of one group of payloads a field accepted: stored
    together in one value and every page that shows it read once, each payload checked
    in it; where the field does not take them together, in halves, down to one payload
    at a time."""
    data = {**geldig, veld: " ".join(payloads)}
    stored, problems = _stored_and_shown(client, url, data, payloads, pages, veld)
    if stored:
        return problems
    if len(payloads) == 1:
        return [f"{veld}={payloads[0][:40]!r}: stored in the sweep, refused on read-back"]
    helft = len(payloads) // 2
    return _read_back(client, url, geldig, veld, payloads[:helft], pages) + _read_back(
        client, url, geldig, veld, payloads[helft:], pages
    )


def _read_back_form(client, url, geldig, opgeslagen, maxlength, pages) -> list[str]:
    """The read-back of a whole form: each field's accepted dangerous payloads in as few
    values as its maximum length allows, and in each round every field filled with its
    next value, stored at once and each page read once. Where the form does not take a
    round together, or something comes back unescaped, that round field by field (which
    names the field)."""
    groepen = {v: _groepen(p, maxlength.get(v)) for v, p in opgeslagen.items() if p}
    problems = []
    for ronde in range(max(map(len, groepen.values()), default=0)):
        deel = {veld: groep[ronde] for veld, groep in groepen.items() if ronde < len(groep)}
        if len(deel) > 1:
            data = {**geldig, **{veld: " ".join(groep) for veld, groep in deel.items()}}
            alle = [p for groep in deel.values() for p in groep]
            stored, found = _stored_and_shown(client, url, data, alle, pages, "+".join(deel))
            if stored and not found:
                continue
        for veld, groep in deel.items():
            problems += _read_back(client, url, geldig, veld, groep, pages)
    return problems


def _een_veld(client, url, geldig, veld, payload, elders) -> tuple[list[str], bool]:
    """One payload in one field, the others valid: no 500, not echoed unescaped, refused
    with an error next to the field (or where FOUT_ELDERS says), or accepted."""
    short = f"{veld}={payload[:40]!r}"
    with transaction.atomic():
        response = client.post(url, data={**geldig, veld: payload})
        transaction.set_rollback(True)
    status, body = response.status_code, response.content.decode(errors="replace")
    if status >= 500:
        return [f"{short}: {status}"], False
    if status == 200:
        problems = [f"{short}: echoed unescaped in the form"] if _unescaped(body, payload) else []
        if not _has_error(body, veld, elders):
            problems.append(f"{short}: refused without an error next to the field")
        return problems, False
    if status not in {302, 403, 404, 409}:
        return [f"{short}: unexpected status {status}"], False
    return [], status == 302


def _samen(client, url, geldig, samen: dict[str, str]) -> tuple[list[str], set[str], list[str]]:
    """A round's payloads in all their fields at once (each field its own kind's payload):
    a field whose own error element shows is refused as it should be; the others are sent
    again without them until the form takes them (accepted) or shows no new error. What
    stays unclear (a 500, another status, a refusal no field explains) is left to be sent
    field by field, which names the field. Returns problems, accepted fields, fields left."""
    problems: list[str] = []
    while samen:
        with transaction.atomic():
            response = client.post(url, data={**geldig, **samen})
            transaction.set_rollback(True)
        body = response.content.decode(errors="replace")
        if response.status_code == 302:
            return problems, set(samen), []
        if response.status_code != 200:
            return problems, set(), list(samen)
        problems += [
            f"{veld}={p[:40]!r}: echoed unescaped in the form"
            for veld, p in samen.items()
            if _unescaped(body, p)
        ]
        rest = {veld: p for veld, p in samen.items() if not _has_error(body, veld)}
        if len(rest) == len(samen):
            return problems, set(), list(samen)
        samen = rest
    return problems, set(), []


@pytest.mark.parametrize("name", sorted(FORMULIEREN))
def test_hostile_input_is_refused_or_stored_and_always_escaped(wereld, name):
    formulier = FORMULIEREN[name]
    client = Client(raise_request_exception=False)
    client.force_login(wereld.users[formulier.rol])
    url = formulier.url(wereld)
    if name in VOORBEREIDEN:
        VOORBEREIDEN[name](wereld)
    geldig = formulier.geldig(wereld)
    pages = [*formulier.toont(wereld), reverse("start"), reverse("huishoudens:lijst")]
    with transaction.atomic():  # the positive control: the valid body is accepted
        response = client.post(url, data=geldig)
        body = response.content.decode(errors="replace")
        transaction.set_rollback(True)
    assert response.status_code in {200, 204, 302}, f"valid body: {response.status_code}"
    geweigerd = response.status_code == 200 and any(m in body for m in ERROR_MARKERS[:2])
    assert not geweigerd, "the valid body is refused: the sweep would test nothing"
    problems = []
    velden, maxlength = _velden(formulier, wereld, client, url)
    elders = {v for v in velden if {(name, v), (name, "*")} & set(FOUT_ELDERS)}
    corpus = {veld: _payloads_for(geldig.get(veld, "")) for veld in velden}
    opgeslagen = {veld: [] for veld in velden}  # per field: the dangerous payloads accepted
    for ronde in range(max(map(len, corpus.values()), default=0)):
        deze = {veld: c[ronde] for veld, c in corpus.items() if ronde < len(c)}
        samen = {veld: p for veld, p in deze.items() if veld not in elders}
        apart = [veld for veld in deze if veld in elders]
        gevonden, geaccepteerd, nog = _samen(client, url, geldig, samen)
        problems += gevonden
        for veld in [*apart, *nog]:
            gevonden, aanvaard = _een_veld(client, url, geldig, veld, deze[veld], veld in elders)
            problems += gevonden
            geaccepteerd |= {veld} if aanvaard else set()
        for veld in geaccepteerd:
            if any(m in deze[veld].lower() for m in DANGEROUS_MARKERS):
                opgeslagen[veld].append(deze[veld])
    problems += _read_back_form(client, url, geldig, opgeslagen, maxlength, pages)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])


def test_the_sweep_covers_the_forms_of_every_app():
    apps = {name.split(":")[0] for name in FORMULIEREN}
    assert {"huishoudens", "casussen"} <= apps


def test_the_corpus_has_at_least_fifty_payloads_for_every_kind_of_field():
    assert min(len(PAYLOADS), len(DATE_PAYLOADS), len(NUMBER_PAYLOADS)) >= 50
    assert any("\x00" in p for p in PAYLOADS)
    assert any(len(p) >= 100_000 for p in PAYLOADS)


@pytest.mark.django_db
@pytest.mark.parametrize("veld", ["username", "password"])
def test_the_login_form_survives_hostile_input(client, veld):
    client.raise_request_exception = False
    for index, payload in enumerate(PAYLOADS):
        data = {"username": "iemand", "password": "iets", veld: payload}
        response = client.post("/accounts/login/", data=data, REMOTE_ADDR=f"10.1.0.{index % 250}")
        assert response.status_code in {200, 429}, (repr(payload[:40]), response.status_code)
        assert not _unescaped(response.content.decode(errors="replace"), payload)


# --- searches and filters (GET): the same corpus in every query parameter -------------------

HTMX = {"HX-Request": "true"}

# (url, role, parameters[, htmx headers]). Every search box, filter and page number of
# the product; the hostile value goes into one parameter at a time, the others empty.
ZOEKEN: dict[str, tuple] = {
    "huishoudens:lijst": (
        lambda w: reverse("huishoudens:lijst"),
        "professional",
        ["q", "status", "sort", "pagina"],
    ),
    "maatwerk:register": (
        lambda w: reverse("maatwerk:register"),
        "professional",
        ["q", "wet", "domein", "besluit", "financiering"],
    ),
    "maatwerk:inbox": (
        lambda w: reverse("maatwerk:inbox"),
        "teamleider",
        ["pagina", "status", "professional", "financiering", "bedrag", "leeftijd", "sorteer"],
    ),
    "maatwerk:budget": (lambda w: reverse("maatwerk:budget"), "teamleider", ["jaar"]),
    "maatwerk:raad": (lambda w: reverse("maatwerk:raad"), "teamleider", ["jaar"]),
    "toetsing:stap2": (
        lambda w: reverse("toetsing:stap2", args=[w.huishouden.pk, w.toets_stap2.pk]),
        "professional",
        ["zoek"],
    ),
    "toetsing:artikelen": (  # the htmx search of articles in step 2
        lambda w: reverse("toetsing:artikelen", args=[w.huishouden.pk, w.toets_stap2.pk]),
        "professional",
        ["zoek"],
        HTMX,
    ),
    "meldingen": (lambda w: reverse("meldingen"), "teamleider", ["pagina"]),
    "casussen:actie_nieuw": (  # 'Kies deze dienst' without JavaScript preselects it
        lambda w: reverse("casussen:actie_nieuw", args=[w.huishouden.pk, w.doel.pk]),
        "professional",
        ["dienst"],
    ),
    "casussen:status": (
        lambda w: reverse("casussen:status", args=[w.huishouden.pk]),
        "professional",
        ["naar"],
    ),
    "verantwoording:toegangslog": (
        lambda w: reverse("verantwoording:toegangslog"),
        "auditor",
        ["gebruiker", "huishouden", "van", "tot", "actie", "uitzonderlijk", "voor", "na"],
    ),
    "socialekaart:zoeken": (
        lambda w: reverse("socialekaart:zoeken"),
        "professional",
        ["q", "domein", "wijk", "leeftijd", "wet", "voorliggend"],
    ),
    "verantwoording:dossier_voortgang": (  # the htmx poll of the dossier's progress
        lambda w: reverse("verantwoording:dossier_voortgang", args=[w.huishouden.pk]),
        "auditor",
        ["volg"],
        HTMX,
    ),
    "verwijzingen:nieuw": (  # a service picked on the sociale kaart
        lambda w: reverse("verwijzingen:nieuw", args=[w.huishouden.pk, w.actie.pk]),
        "professional",
        ["dienst"],
    ),
    "verwijzingen:productcodes": (  # the codes of the chosen category (htmx partial)
        lambda w: reverse("verwijzingen:productcodes"),
        "professional",
        ["productcategorie", "productcode"],
        HTMX,
    ),
    "vroegsignalering:wachtrij": (
        lambda w: reverse("vroegsignalering:wachtrij", args=[w.team_noord.pk]),
        "professional",
        ["pagina"],
    ),
    "vroegsignalering:monitor": (
        lambda w: reverse("vroegsignalering:monitor"),
        "professional",
        ["van", "tot"],
    ),
    "wijk:wijkbeeld": (lambda w: reverse("wijk:wijkbeeld"), "teamleider", ["wijk", "periode"]),
    "verantwoording:huishouden_toegangslog": (
        lambda w: reverse("verantwoording:huishouden_toegangslog", args=[w.huishouden.pk]),
        "teamleider",
        ["van", "tot", "actie", "voor", "na"],
    ),
}


# A parameter whose unknown value is refused by design, with that status: a wijk the
# lead does not belong to is refused (403, logged), whatever its spelling.
WEIGERT = {("wijk:wijkbeeld", "wijk"): 403}


@pytest.mark.parametrize(
    ("name", "parameter"),
    [(name, p) for name, (_, _, parameters, *_) in sorted(ZOEKEN.items()) for p in parameters],
)
def test_hostile_search_and_filter_values_never_break_a_page_or_come_back_unescaped(
    wereld, name, parameter
):
    url, rol, _, *headers = ZOEKEN[name]
    client = Client(raise_request_exception=False, headers=headers[0] if headers else None)
    client.force_login(wereld.users[rol])
    target = url(wereld)
    assert client.get(target).status_code == 200, "the page itself must work first"
    problems = []
    for payload in PAYLOADS:
        response = client.get(target, {parameter: payload})
        short = f"{parameter}={payload[:40]!r}"
        if response.status_code not in {200, WEIGERT.get((name, parameter))}:
            problems.append(f"{short}: {response.status_code}")
        elif _unescaped(response.content.decode(errors="replace"), payload):
            problems.append(f"{short}: echoed unescaped")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])


def test_the_search_sweep_covers_every_view_that_reads_query_parameters():
    """A view that reads request.GET must be in ZOEKEN (or be plumbing, listed here)."""
    import pathlib

    plumbing = {  # the login redirects of the admin and the second factor
        "sociaaldomein/admin_site.py",
        "sociaaldomein/tweedefactor/__init__.py",
    }
    root = pathlib.Path(__file__).resolve().parents[2]
    readers = set()
    for app in settings.INSTALLED_APPS:
        app = app.split(".")[0]
        if not (root / app).is_dir():
            continue
        for path in (root / app).rglob("*.py"):
            if "request.GET" in path.read_text():
                readers.add(str(path.relative_to(root)))
    covered_modules = {
        "huishoudens/views.py",
        "casussen/views.py",
        "toetsing/views/maatwerk.py",
        "toetsing/views/stap2.py",
        "sociaaldomein/views.py",
        "verantwoording/views.py",
        "socialekaart/views.py",
        "verwijzingen/views/team.py",
        "vroegsignalering/views/monitor.py",
        "vroegsignalering/views/wachtrij.py",
        "wijk/views.py",
    }
    assert readers - plumbing <= covered_modules, readers - plumbing - covered_modules


# Query parameters read by name that are plumbing, not search input, with the reason.
PARAMETER_PLUMBING = {
    "next": "the page to return to after signing in (Django checks it is on this site)",
    "sso": "a flag the single sign-on sets on the login page after a refusal",
}


def test_every_query_parameter_read_by_name_is_swept():
    """Per parameter: each `request.GET.get("x")` of the product is swept in ZOEKEN."""
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2]
    gelezen = set()
    for path in root.glob("*/**/*.py"):
        if path.parts[len(root.parts)] in {"tests", ".venv"} or "migrations" in path.parts:
            continue
        gelezen |= set(re.findall(r"request\.GET\.get\(\s*\"(\w+)\"", path.read_text()))
    swept = {p for _, _, parameters, *_ in ZOEKEN.values() for p in parameters}
    assert gelezen, "the scan finds nothing: check the pattern"
    assert gelezen - swept - set(PARAMETER_PLUMBING) == set()
