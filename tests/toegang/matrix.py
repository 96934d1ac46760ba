"""The access matrix: for every URL pattern of the project, who may do what.

`test_matrix.py` fails when a URL pattern has no entry here, so a new page cannot ship
without a decision about its permissions. Every entry is tested for every role, as a full
page and as an htmx request, with GET and POST; a denied request must change nothing.

Roles: anoniem, ander_team and ander_teamleider (a professional and the lead of Wijkteam
Zuid), professional and teamleider (Wijkteam Noord, which owns the case data of the
world), auditor, beheerder,
and the roles outside the staff: inwoner (a household member), aanbieder (a provider) and
archivaris. An anonymous full-page request is always expected to redirect to the login
page (302), an anonymous htmx request to answer 204 with HX-Redirect. A role outside the
staff gets 403 on every page not opened to it (`buiten`, sociaaldomein.roles.open_to).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

BUITEN = ["inwoner", "aanbieder", "archivaris"]
ROLLEN = [
    "anoniem",
    "ander_team",
    "ander_teamleider",
    "professional",
    "teamleider",
    "auditor",
    "beheerder",
    *BUITEN,
]
METHOD_NOT_ALLOWED = {405}


def per_rol(*, buiten: set[int] | int = 403, **statuses: set[int] | int) -> dict[str, set[int]]:
    """per_rol(professional=200, ander_team=404, default=403) → a status set per role.
    The roles outside the staff get `buiten` (403: a staff page) unless named. Another
    team's lead gets what another team's professional gets unless named: being a lead
    opens nothing of another team."""
    default = statuses.pop("default", None)
    if "ander_team" in statuses:
        statuses.setdefault("ander_teamleider", statuses["ander_team"])
    result = {}
    for rol in ROLLEN:
        if rol == "anoniem":
            continue
        value = statuses.get(rol, buiten if rol in BUITEN else default)
        if value is None:
            raise ValueError(f"geen verwachte status voor rol {rol}")
        result[rol] = {value} if isinstance(value, int) else set(value)
    return result


@dataclass
class Regel:
    """Expected statuses per role for GET and POST on one URL pattern.

    `post=None` means the view does not accept POST (405 for every logged-in role).
    `post_data` builds a valid form body from the world, so an allowed POST really
    exercises the write path; denied POSTs must leave the database unchanged.
    """

    get: dict[str, set[int]] | None
    post: dict[str, set[int]] | None = None
    kwargs: Callable[[object], dict] = field(default=lambda w: {})
    post_data: Callable[[object], dict] = field(default=lambda w: {})
    public: bool = False
    # Requests of these roles are not checked for "nothing changed" (they may write).
    writes: frozenset[str] = frozenset()


# Common shapes ------------------------------------------------------------------------

TEAM_LEZEN = per_rol(professional=200, teamleider=200, auditor=200, ander_team=404, beheerder=404)
TEAM_WIJZIGEN = per_rol(
    professional={200, 302}, teamleider={200, 302}, auditor=403, ander_team=404, beheerder=404
)
IEDEREEN = per_rol(default=200)
# A form page of the team: the auditor may not even open it.
TEAM_FORMULIER = per_rol(
    professional=200, teamleider=200, auditor=403, ander_team=404, beheerder=404
)
TEAM_SCHRIJVERS = frozenset({"professional", "teamleider"})
TEAMLEIDER_ALLEEN = per_rol(
    teamleider=200, professional=403, auditor=403, ander_team=404, beheerder=404
)


VROEG_MONITOR = per_rol(
    professional=200, teamleider=200, ander_team=200, auditor=200, beheerder=403
)


def _upload(w) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.vroegsignalering.factories import KOP, csv_regel

    inhoud = (KOP + "\n" + csv_regel("M-1", huisnummer="9")).encode()
    bestand = SimpleUploadedFile("signalen.csv", inhoud, content_type="text/csv")
    return {"partner": w.partner.pk, "team": w.team_noord.pk, "bestand": bestand}


def _plan(w) -> dict:
    return {"huishouden_pk": w.huishouden.pk}


def _hh(w) -> dict:
    return {"pk": w.huishouden.pk}


DOSSIER_MAKEN = per_rol(
    professional={200, 302},
    teamleider={200, 302},
    auditor={200, 302},
    ander_team=404,
    beheerder=404,
)


def _datum(days: int = 0) -> str:
    import datetime

    from django.utils import timezone

    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def _vandaag() -> str:
    from django.utils import timezone

    return timezone.localdate().isoformat()


def _plan_regel(post_data=lambda w: {}, kwargs=_plan) -> Regel:
    """GET shows the form, POST writes: the team writes, the auditor reads, others 404."""
    return Regel(
        get=TEAM_FORMULIER,
        post=TEAM_WIJZIGEN,
        kwargs=kwargs,
        post_data=post_data,
        writes=TEAM_SCHRIJVERS,
    )


def _toets(naam: str):
    return lambda w: {"huishouden_pk": w.huishouden.pk, "toets_pk": w.objects[naam].pk}


def _versie(w, naam: str) -> int:
    from toetsing.models import Toets

    return Toets.objects.get(pk=w.objects[naam].pk).versie


def _stap1_data(w) -> dict:
    return {"versie": _versie(w, "toets_concept"), "behoefte": "Rust in huis", "actie": "opslaan"}


def _stap2_data(w) -> dict:
    return {"versie": _versie(w, "toets_stap2"), "uitkomst": "binnen_regels", "actie": "opslaan"}


TEAM_OF_DOORVERWIJZING = per_rol(
    professional={200, 302}, teamleider={200, 302}, auditor=403, ander_team=404, beheerder=404
)
ALLEEN_POST = per_rol(default=405)


# Mijn plan (issue 15): the member's own pages, for the member only; staff get 403 (they
# have no Mijn plan), providers and the archivist 403 (not opened to them).
ALLEEN_LID = per_rol(inwoner=200, default=403)
ALLEEN_LID_SCHRIJFT = per_rol(inwoner={200, 302}, default=403)


def _gezien_tot(w) -> int:
    from casussen.services import laatste_inhoudswijziging

    return laatste_inhoudswijziging(w.plan)


MATRIX: dict[str, Regel] = {
    # the archivist starts at the archive (issue 19), a member at their Mijn plan (issue
    # 15), a provider at its referrals (issue 16): `extensions.home`
    "start": Regel(get=per_rol(default=200, archivaris=302, inwoner=302, aanbieder=302)),
    "healthz": Regel(get=None, public=True),
    "login": Regel(get=None, public=True),
    "logout": Regel(
        get=per_rol(default=405, buiten=405),
        post=per_rol(default=302, buiten=302),
        writes=frozenset(ROLLEN),
    ),
    # single sign-on, reachable without an account like the login page (404 while
    # OIDC_RP_CLIENT_ID is unset); tested in tests/tweedefactor/test_oidc.py and the
    # browser journey against a real provider
    "oidc_authentication_init": Regel(get=None, public=True),
    "oidc_authentication_callback": Regel(get=None, public=True),
    # the second factor, for every role (sociaaldomein.tweedefactor): a user without an
    # app is sent on to set one up; opening the set-up page makes the (unconfirmed) app
    "tweede_factor": Regel(
        get=per_rol(default=302, buiten=302), post=per_rol(default=302, buiten=302)
    ),
    "tweede_factor_instellen": Regel(
        get=per_rol(default=200, buiten=200),
        post=per_rol(default=200, buiten=200),
        writes=frozenset(ROLLEN),
    ),
    # passkeys (django-otp-webauthn's JSON ceremonies, sociaaldomein.tweedefactor.passkey):
    # every role may register and use its own; finishing a ceremony that was not begun
    # (400) or with an empty body (422) is refused
    "otp_webauthn:credential-registration-begin": Regel(
        get=per_rol(default=405, buiten=405),
        post=per_rol(default=200, buiten=200),
        writes=frozenset(ROLLEN),
    ),
    "otp_webauthn:credential-registration-complete": Regel(
        get=per_rol(default=405, buiten=405), post=per_rol(default={400, 422}, buiten={400, 422})
    ),
    "otp_webauthn:credential-authentication-begin": Regel(
        get=per_rol(default=405, buiten=405),
        post=per_rol(default=200, buiten=200),
        writes=frozenset(ROLLEN),
    ),
    "otp_webauthn:credential-authentication-complete": Regel(
        get=per_rol(default=405, buiten=405), post=per_rol(default={400, 422}, buiten={400, 422})
    ),
    "otp_webauthn:js-i18n-catalog": Regel(get=per_rol(default=200, buiten=200)),
    # every user's own notifications, whatever the role
    "meldingen": Regel(get=per_rol(default=200, buiten=200)),
    "meldingen_teller": Regel(get=per_rol(default=200, buiten=200)),
    # POST without a body: marks the user's own notifications read (writes) and redirects
    "meldingen_gelezen": Regel(
        get=per_rol(default=405, buiten=405),
        post=per_rol(default=302, buiten=302),
        writes=frozenset(ROLLEN),
    ),
    # another user's notification (the world's, owned by the teamleider): 404 for everyone
    # else; for the owner a redirect
    "melding_gelezen": Regel(
        get=per_rol(default=405, buiten=405),
        post=per_rol(default=404, teamleider=302, buiten=404),
        kwargs=lambda w: {"pk": w.melding.pk},
        writes=frozenset({"teamleider"}),
    ),
    "huishoudens:lijst": Regel(get=per_rol(default=200)),
    "huishoudens:detail": Regel(get=TEAM_LEZEN, kwargs=lambda w: {"pk": w.huishouden.pk}),
    # Any professional or team lead with a team may report a household for their own team.
    "huishoudens:nieuw": Regel(
        get=per_rol(professional=200, teamleider=200, ander_team=200, default=403),
        post=per_rol(
            professional={200, 302}, teamleider={200, 302}, ander_team={200, 302}, default=403
        ),
        post_data=lambda w: w.post_nieuw_huishouden,
        writes=frozenset({"professional", "teamleider", "ander_team", "ander_teamleider"}),
    ),
    "huishoudens:wijzigen": Regel(
        get=TEAM_FORMULIER,
        post=TEAM_WIJZIGEN,
        kwargs=lambda w: {"pk": w.huishouden.pk},
        post_data=lambda w: w.post_huishouden,
        writes=TEAM_SCHRIJVERS,
    ),
    "casussen:status": Regel(
        get=TEAM_FORMULIER,
        post=TEAM_WIJZIGEN,
        kwargs=lambda w: {"huishouden_pk": w.huishouden.pk},
        post_data=lambda w: w.post_afsluiten,
        writes=TEAM_SCHRIJVERS,
    ),
    "huishoudens:lid_nieuw": Regel(
        get=TEAM_FORMULIER,
        post=TEAM_WIJZIGEN,
        kwargs=lambda w: {"pk": w.huishouden.pk},
        post_data=lambda w: w.post_nieuw_lid,
        writes=TEAM_SCHRIJVERS,
    ),
    "huishoudens:lid_wijzigen": Regel(
        get=TEAM_FORMULIER,
        post=TEAM_WIJZIGEN,
        kwargs=lambda w: {"pk": w.huishouden.pk, "lid_pk": w.lid.pk},
        post_data=lambda w: w.post_lid,
        writes=TEAM_SCHRIJVERS,
    ),
    "huishoudens:lid_vertrek": Regel(
        get=TEAM_FORMULIER,
        post=TEAM_WIJZIGEN,
        kwargs=lambda w: {"pk": w.huishouden.pk, "lid_pk": w.lid.pk},
        post_data=lambda w: w.post_vertrek,
        writes=TEAM_SCHRIJVERS,
    ),
    # A member's whole row at once: a form of the team only.
    "huishoudens:beoordelen_lid": Regel(
        get=TEAM_FORMULIER,
        post=TEAM_WIJZIGEN,
        kwargs=lambda w: {"pk": w.huishouden.pk, "lid_pk": w.lid.pk},
        post_data=lambda w: {"overige": "4", "beoordeeld_op": w.post_beoordeling["beoordeeld_op"]},
        writes=TEAM_SCHRIJVERS,
    ),
    # The auditor reads the history of a domain; only the team assesses.
    "huishoudens:beoordelen": Regel(
        get=TEAM_LEZEN,
        post=TEAM_WIJZIGEN,
        kwargs=lambda w: {"pk": w.huishouden.pk, "lid_pk": w.lid.pk, "domein": "financien"},
        post_data=lambda w: w.post_beoordeling,
        writes=TEAM_SCHRIJVERS,
    ),
    # Only the lead of the owning team shares a household with another team.
    "huishoudens:delen": Regel(
        get=TEAMLEIDER_ALLEEN,
        post=per_rol(
            teamleider={200, 302}, professional=403, auditor=403, ander_team=404, beheerder=404
        ),
        kwargs=lambda w: {"pk": w.huishouden.pk},
        post_data=lambda w: w.post_delen,
        writes=frozenset({"teamleider"}),
    ),
    "huishoudens:delen_intrekken": Regel(
        get=None,
        post=per_rol(
            teamleider={200, 302}, professional=403, auditor=403, ander_team=404, beheerder=404
        ),
        kwargs=lambda w: {"pk": w.huishouden.pk, "grant_pk": w.gedeeld.pk},
        writes=frozenset({"teamleider"}),
    ),
    # --- the plan (casussen) ---------------------------------------------------------------
    "casussen:plan": Regel(get=TEAM_LEZEN, kwargs=_plan),
    "casussen:starten": Regel(
        get=per_rol(default=405),
        post=TEAM_WIJZIGEN,
        kwargs=lambda w: {"huishouden_pk": w.huishouden_zonder_plan.pk},
        writes=TEAM_SCHRIJVERS,
    ),
    "casussen:eigen_woorden": _plan_regel(
        lambda w: {
            "hulpvraag": "Wij willen dat de deurwaarder stopt.",
            "versie": w.plan.versie,
        }
    ),
    "casussen:doel_nieuw": _plan_regel(
        lambda w: {
            "omschrijving": "Wij hebben een eigen huis",
            "leefdomeinen": [w.doel.leefdomeinen.get().pk],
            "heel_huishouden": "on",
        }
    ),
    "casussen:doel_wijzigen": _plan_regel(
        lambda w: {
            "omschrijving": "Wij hebben overzicht",
            "leefdomeinen": [w.doel.leefdomeinen.get().pk],
            "leden": [w.lid.pk],
            "status": "open",
            "versie": w.doel.versie,
        },
        kwargs=lambda w: {**_plan(w), "doel_pk": w.doel.pk},
    ),
    "casussen:actie_nieuw": _plan_regel(
        lambda w: {
            "wat": "Samen naar de voedselbank",
            "uitvoerder": "netwerk",
            "wet": "geen",
            "startdatum": _datum(),
            "einddatum": _datum(60),
            "evaluatiedatum": _datum(30),
            "kosten": "0",
            "status": "gepland",
        },
        kwargs=lambda w: {**_plan(w), "doel_pk": w.doel.pk},
    ),
    "casussen:actie_wijzigen": _plan_regel(
        lambda w: {
            "wat": "Budgetcoaching, twee keer per week",
            "uitvoerder": "wijkteam",
            "wet": "wgs",
            "startdatum": w.actie.startdatum.isoformat(),
            "einddatum": w.actie.einddatum.isoformat(),
            "evaluatiedatum": w.actie.evaluatiedatum.isoformat(),
            "kosten": "12,50",
            "status": "lopend",
            # from the database: the world changes the action after making it
            "versie": type(w.actie).objects.get(pk=w.actie.pk).versie,
        },
        kwargs=lambda w: {**_plan(w), "actie_pk": w.actie.pk},
    ),
    "casussen:akkoord": _plan_regel(
        lambda w: {
            "uitkomst": "akkoord",
            "akkoord_datum": _datum(),
            "wijze": "in_persoon",
            "akkoord_lid": w.lid.pk,
            "reden_onvolledig": "Eerst de schulden, de rest volgt.",
            "gezien_tot": 2**40,
        }
    ),
    "casussen:veiligheid": _plan_regel(
        lambda w: {"omschrijving": "Zorgen", "inschatting": "Niet acuut"}
    ),
    "casussen:veiligheid_opheffen": _plan_regel(
        lambda w: {"reden": "Vader woont elders; afspraken werken."},
        kwargs=lambda w: {**_plan(w), "zorg_pk": w.veiligheidszorg.pk},
    ),
    "casussen:termijn_nieuw": _plan_regel(
        lambda w: {"soort": "schuldhulp_gesprek", "gemeld_op": _datum(), "spoedgrond": ""}
    ),
    "casussen:termijn_voldaan": _plan_regel(
        lambda w: {"voldaan_op": _datum()},
        kwargs=lambda w: {**_plan(w), "termijn_pk": w.termijn.pk},
    ),
    # --- the omgekeerde toets (toetsing) ---------------------------------------------------------
    "toetsing:lijst": Regel(get=TEAM_LEZEN, kwargs=_plan),
    "toetsing:starten_doel": _plan_regel(
        lambda w: {"vraag": "Eén maand huur betalen"},
        kwargs=lambda w: {**_plan(w), "doel_pk": w.doel.pk},
    ),
    "toetsing:starten_actie": _plan_regel(
        lambda w: {"vraag": "Budgetcoaching"},
        kwargs=lambda w: {**_plan(w), "actie_pk": w.actie.pk},
    ),
    "toetsing:toets": Regel(get=TEAM_LEZEN, kwargs=_toets("toets_ingediend")),
    "toetsing:stap1": _plan_regel(_stap1_data, kwargs=_toets("toets_concept")),
    "toetsing:stap1_opslaan": Regel(
        get=ALLEEN_POST,
        post=TEAM_WIJZIGEN,
        kwargs=_toets("toets_concept"),
        post_data=_stap1_data,
        writes=TEAM_SCHRIJVERS,
    ),
    # step 2 is open: back to step 1 (redirect; htmx: client redirect)
    "toetsing:heropenen": Regel(
        get=ALLEEN_POST,
        post=TEAM_WIJZIGEN,
        kwargs=_toets("toets_stap2"),
        post_data=lambda w: {"versie": _versie(w, "toets_stap2")},
        writes=TEAM_SCHRIJVERS,
    ),
    # GET of a step page whose step is open: the form
    "toetsing:stap2": _plan_regel(_stap2_data, kwargs=_toets("toets_stap2")),
    "toetsing:stap2_opslaan": Regel(
        get=ALLEEN_POST,
        post=TEAM_WIJZIGEN,
        kwargs=_toets("toets_stap2"),
        post_data=_stap2_data,
        writes=TEAM_SCHRIJVERS,
    ),
    # search as you type: the htmx partial, without htmx a redirect to the step-2 page
    "toetsing:artikelen": Regel(
        get=TEAM_OF_DOORVERWIJZING, post=ALLEEN_POST, kwargs=_toets("toets_stap2")
    ),
    "toetsing:corrigeren": _plan_regel(
        lambda w: {"reden": "De huurprijs klopte niet."}, kwargs=_toets("toets_ingediend")
    ),
    # --- the sociale kaart (issue 16): no personal data, every member of the staff -------
    "socialekaart:zoeken": Regel(get=IEDEREEN),
    "socialekaart:dienst": Regel(get=IEDEREEN, kwargs=lambda w: {"pk": w.dienst.pk}),
    # --- referrals (issue 16): the team refers; the provider sees only its own ----------
    "verwijzingen:nieuw": _plan_regel(
        lambda w: w.post_verwijzing,
        kwargs=lambda w: {**_plan(w), "actie_pk": w.actie.pk},
    ),
    "verwijzingen:verzenden": Regel(
        get=ALLEEN_POST,
        post=TEAM_WIJZIGEN,
        kwargs=lambda w: {**_plan(w), "pk": w.verwijzing_concept.pk},
        writes=TEAM_SCHRIJVERS,
    ),
    "verwijzingen:toestemming_intrekken": Regel(
        get=ALLEEN_POST,
        post=TEAM_WIJZIGEN,
        kwargs=lambda w: {**_plan(w), "pk": w.toestemming.pk},
        post_data=lambda w: {"reden": "Wil het zelf regelen"},
        writes=TEAM_SCHRIJVERS,
    ),
    "verwijzingen:verlengen": Regel(
        get=ALLEEN_POST,
        post=TEAM_WIJZIGEN,
        kwargs=lambda w: {**_plan(w), "pk": w.verwijzing_toewijzing.pk},
        post_data=lambda w: {"einddatum": _datum(200)},
        writes=TEAM_SCHRIJVERS,
    ),
    # the productcodes of a category (htmx partial of the referral form): the code list,
    # reference data like the sociale kaart
    "verwijzingen:productcodes": Regel(get=IEDEREEN),
    "verwijzingen:toewijzing": Regel(
        get=TEAM_LEZEN, kwargs=lambda w: {**_plan(w), "pk": w.verwijzing_toewijzing.pk}
    ),
    # the provider's screens: only provider accounts (staff 403), reading writes the
    # data-sharing log
    "verwijzingen:aanbieder": Regel(get=per_rol(default=403, aanbieder=200)),
    "verwijzingen:aanbieder_verwijzing": Regel(
        get=per_rol(default=403, aanbieder=200),
        kwargs=lambda w: {"pk": w.verwijzing.pk},
        writes=frozenset({"aanbieder"}),
    ),
    "verwijzingen:antwoord": Regel(
        get=per_rol(default=405, aanbieder=405),
        post=per_rol(default=403, aanbieder={200, 302}),
        kwargs=lambda w: {"pk": w.verwijzing.pk},
        post_data=lambda w: {"antwoord": "accepteren"},
        writes=frozenset({"aanbieder"}),
    ),
    "verwijzingen:start": Regel(
        get=per_rol(default=405, aanbieder=405),
        post=per_rol(default=403, aanbieder={200, 302}),
        kwargs=lambda w: {"pk": w.verwijzing_geaccepteerd.pk},
        post_data=lambda w: {"datum": _datum()},
        writes=frozenset({"aanbieder"}),
    ),
    "verwijzingen:stop": Regel(
        get=per_rol(default=405, aanbieder=405),
        post=per_rol(default=403, aanbieder={200, 302}),
        kwargs=lambda w: {"pk": w.verwijzing_geaccepteerd.pk},
        post_data=lambda w: {"datum": _datum(), "resultaat": "niet_nodig"},
        writes=frozenset({"aanbieder"}),
    ),
    "verwijzingen:voortgang": Regel(
        get=per_rol(default=405, aanbieder=405),
        post=per_rol(default=403, aanbieder={200, 302}),
        kwargs=lambda w: {"pk": w.verwijzing_geaccepteerd.pk},
        post_data=lambda w: {"tekst": "Eerste gesprek gevoerd."},
        writes=frozenset({"aanbieder"}),
    ),
    # --- accountability (issue 7): dossier, decision letter, access log, break the glass ---
    # The dossier: auditors and the owning team; other teams and the beheerder see nothing.
    "verantwoording:dossier": Regel(get=TEAM_LEZEN, kwargs=_hh),
    "verantwoording:dossier_maken": Regel(
        get=None,
        post=DOSSIER_MAKEN,
        kwargs=_hh,
        post_data=lambda w: w.post_dossier,
        writes=frozenset({"professional", "teamleider", "auditor"}),
    ),
    # htmx poll: the list with progress; a full page goes back to the dossier page
    "verantwoording:dossier_voortgang": Regel(get=DOSSIER_MAKEN, kwargs=_hh),
    "verantwoording:dossier_download": Regel(
        get=TEAM_LEZEN, kwargs=lambda w: {"pk": w.huishouden.pk, "export_pk": w.dossier.pk}
    ),
    "verantwoording:beschikking": Regel(
        get=TEAM_LEZEN, kwargs=lambda w: {"pk": w.huishouden.pk, "toets_pk": w.toets.pk}
    ),
    # The log of one household: auditors and the team's lead, not the professionals.
    "verantwoording:huishouden_toegangslog": Regel(
        get=per_rol(teamleider=200, auditor=200, professional=403, ander_team=404, beheerder=404),
        kwargs=_hh,
    ),
    # The whole log: auditors only.
    "verantwoording:toegangslog": Regel(get=per_rol(auditor=200, default=403)),
    "verantwoording:dossier_controleren": Regel(
        get=per_rol(beheerder=403, default=200),
        post=per_rol(beheerder=403, default=200),
        post_data=lambda w: w.post_controle,
    ),
    # Break the glass: professionals and leads with a team. The world's household is
    # Noord's own (a redirect, nothing granted); for Zuid it opens a grant.
    "verantwoording:doorbraak": Regel(
        get=per_rol(auditor=403, beheerder=403, default=200),
        post=per_rol(
            professional=302, teamleider=302, ander_team={200, 302}, auditor=403, beheerder=403
        ),
        post_data=lambda w: w.post_doorbraak,
        writes=frozenset({"ander_team", "ander_teamleider"}),
    ),
    # Ending one's own break-the-glass access; without one it only says so.
    "verantwoording:doorbraak_beeindigen": Regel(
        get=None,
        post=per_rol(professional=302, teamleider=302, auditor=302, ander_team=404, beheerder=404),
        kwargs=_hh,
    ),
    # --- maatwerk decisions (issue 6) ------------------------------------------------------
    # The inbox: the team's leads decide, auditors read; nobody else. Zuid's lead sees
    # Zuid's own (empty) inbox, never Noord's requests (tests/toetsing: the inbox lists).
    "maatwerk:inbox": Regel(
        get=per_rol(teamleider=200, ander_teamleider=200, auditor=200, default=403),
    ),
    # polled by htmx: the header count (empty for everyone but leads)
    "maatwerk:teller": Regel(get=IEDEREEN),
    # budget figures (no personal data): each user sees the own teams, audit and beheer all
    "maatwerk:budget": Regel(get=IEDEREEN),
    # the anonymised register and the council overview: every user of the municipality
    "maatwerk:register": Regel(get=IEDEREEN),
    "maatwerk:raad": Regel(get=IEDEREEN),
    "maatwerk:raad_csv": Regel(get=IEDEREEN),
    "maatwerk:markeren": Regel(
        get=None,
        post=per_rol(teamleider=302, beheerder=302, default=403),
        kwargs=lambda w: {"pk": w.precedent.pk},
        post_data=lambda w: {"register": "richtinggevend"},
        writes=frozenset({"teamleider", "beheerder"}),
    ),
    "maatwerk:verzoek": Regel(
        get=per_rol(professional=200, teamleider=200, auditor=200, ander_team=404, beheerder=404),
        kwargs=lambda w: {"pk": w.verzoek.pk},
    ),
    # A row's details, loaded when the inbox opens them (issue 14): for whoever may read
    # the request itself.
    "maatwerk:details": Regel(
        get=per_rol(professional=200, teamleider=200, auditor=200, ander_team=404, beheerder=404),
        kwargs=lambda w: {"pk": w.verzoek.pk},
    ),
    # Four eyes: only a lead of the team who did not ask for it decides.
    "maatwerk:besluiten": Regel(
        get=None,
        post=TEAMLEIDER_ALLEEN | {"teamleider": {200, 302}},
        kwargs=lambda w: {"pk": w.verzoek.pk},
        post_data=lambda w: w.post_besluit,
        writes=frozenset({"teamleider"}),
    ),
    # Escalation beyond the team (issue 14): only a lead of the team escalates and records
    # the answer of the level the request is before.
    "maatwerk:escaleren": Regel(
        get=None,
        post=TEAMLEIDER_ALLEEN | {"teamleider": {200, 302}},
        kwargs=lambda w: {"pk": w.verzoek.pk},
        post_data=lambda w: w.post_escalatie,
        writes=frozenset({"teamleider"}),
    ),
    "maatwerk:escalatie_antwoord": Regel(
        get=None,
        post=TEAMLEIDER_ALLEEN | {"teamleider": {200, 302}},
        kwargs=lambda w: {"pk": w.verzoek_vraag.pk, "escalatie_pk": w.escalatie.pk},
        post_data=lambda w: w.post_escalatie_antwoord,
        writes=frozenset({"teamleider"}),
    ),
    # Only the requester answers the lead's question.
    "maatwerk:beantwoorden": Regel(
        get=None,
        post=per_rol(
            professional={200, 302}, teamleider=403, auditor=403, ander_team=404, beheerder=404
        ),
        kwargs=lambda w: {"pk": w.verzoek_vraag.pk},
        post_data=lambda w: w.post_antwoord,
        writes=frozenset({"professional"}),
    ),
    # --- vroegsignalering (issue 17) -------------------------------------------------------
    # The navigation item: to the own team's queue (or the auditor's monitor).
    "vroegsignalering:start": Regel(
        get=per_rol(professional=302, teamleider=302, ander_team=302, auditor=302, beheerder=403),
    ),
    # Another team's queue or zaak does not exist (404); the auditor reads.
    "vroegsignalering:wachtrij": Regel(
        get=TEAM_LEZEN, kwargs=lambda w: {"team_pk": w.team_noord.pk}
    ),
    "vroegsignalering:zaak": Regel(get=TEAM_LEZEN, kwargs=lambda w: {"pk": w.vroegsignaalzaak}),
    "vroegsignalering:contactpoging": Regel(
        get=None,
        post=TEAM_WIJZIGEN,
        kwargs=lambda w: {"pk": w.vroegsignaalzaak},
        post_data=lambda w: w.post_contactpoging,
        writes=TEAM_SCHRIJVERS,
    ),
    "vroegsignalering:eindresultaat": Regel(
        get=None,
        post=TEAM_WIJZIGEN,
        kwargs=lambda w: {"pk": w.vroegsignaalzaak},
        post_data=lambda w: {"eindresultaat": "geen_inwoner"},
        writes=TEAM_SCHRIJVERS,
    ),
    "vroegsignalering:huishouden": Regel(
        get=TEAM_FORMULIER,
        post=TEAM_WIJZIGEN,
        kwargs=lambda w: {"pk": w.vroegsignaalzaak},
        post_data=lambda w: w.post_vroeg_huishouden,
        writes=TEAM_SCHRIJVERS,
    ),
    # Taken up on the plan: whoever may change the household (the auditor cannot).
    "vroegsignalering:oppakken": Regel(
        get=None,
        post=per_rol(professional=302, teamleider=302, auditor=404, ander_team=404, beheerder=404),
        kwargs=lambda w: {"pk": w.vroegsignaalzaak_plan},
        writes=TEAM_SCHRIJVERS,
    ),
    # Uploading: any caseworker of a team, for the own team (another team: a form error).
    "vroegsignalering:aanleveren": Regel(
        get=per_rol(professional=200, teamleider=200, ander_team=200, auditor=403, beheerder=403),
        post=per_rol(professional=302, teamleider=302, ander_team=200, auditor=403, beheerder=403),
        post_data=_upload,
        writes=TEAM_SCHRIJVERS,
    ),
    "vroegsignalering:aanlevering": Regel(
        get=per_rol(professional=200, teamleider=200, auditor=404, ander_team=404, beheerder=404),
        kwargs=lambda w: {"pk": w.aanlevering.pk},
    ),
    "vroegsignalering:importeren": Regel(
        get=None,
        post=per_rol(
            professional={200, 302},
            teamleider={200, 302},
            auditor=404,
            ander_team=404,
            beheerder=404,
        ),
        kwargs=lambda w: {"pk": w.aanlevering.pk},
        post_data=lambda w: {"keuze": "alles"},
        writes=TEAM_SCHRIJVERS,
    ),
    # Counts and exports without names, BSN or address: every team and the auditor.
    "vroegsignalering:monitor": Regel(get=VROEG_MONITOR),
    "vroegsignalering:monitor_csv": Regel(get=VROEG_MONITOR),
    "vroegsignalering:terugmelding": Regel(
        get=VROEG_MONITOR, kwargs=lambda w: {"partner_pk": w.partner.pk}
    ),
    # The partner endpoint authenticates by token, not by login (tests/vroegsignalering).
    "vroegsignalering:api_signalen": Regel(get=None, public=True),
    # --- the wijk (issue 18): aggregate figures only. Leads see their own team's wijk;
    # the beheerder all wijken together; everyone else is refused.
    "wijk:wijkbeeld": Regel(
        get=per_rol(teamleider=200, ander_teamleider=200, beheerder=200, default=403)
    ),
    "wijk:wijkbeeld_csv": Regel(
        get=per_rol(teamleider=200, ander_teamleider=200, beheerder=200, default=403)
    ),
    "wijk:raadsrapport": Regel(
        get=per_rol(teamleider=200, ander_teamleider=200, beheerder=200, default=403)
    ),
    # Stories: the team's caseworkers write (through the household gate); the lead selects.
    "wijk:verhaal_nieuw": Regel(
        get=TEAM_FORMULIER,
        post=TEAM_WIJZIGEN,
        kwargs=_hh,
        post_data=lambda w: w.post_verhaal,
        writes=TEAM_SCHRIJVERS,
    ),
    "wijk:verhalen": Regel(get=per_rol(teamleider=200, ander_teamleider=200, default=403)),
    "wijk:verhaal_selecteren": Regel(
        get=None,
        post=per_rol(teamleider={200, 302}, ander_teamleider=404, default=403),
        kwargs=lambda w: {"pk": w.verhaal.pk},
        post_data=lambda w: {"selecteren": "ja"},
        writes=frozenset({"teamleider"}),
    ),
    # The sociale makelaar: a task of every caseworker with a team (Zuid sees its own wijk).
    "wijk:makelaar": Regel(
        get=per_rol(professional=200, teamleider=200, ander_team=200, default=403)
    ),
    "wijk:aanbod_nieuw": Regel(
        get=None,
        post=per_rol(
            professional={200, 302}, teamleider={200, 302}, ander_team={200, 302}, default=403
        ),
        post_data=lambda w: w.post_aanbod,
        writes=frozenset({"professional", "teamleider", "ander_team"}),
    ),
    "wijk:behoefte_nieuw": Regel(
        get=None,
        post=per_rol(
            professional={200, 302}, teamleider={200, 302}, ander_team={200, 302}, default=403
        ),
        post_data=lambda w: w.post_behoefte,
        writes=frozenset({"professional", "teamleider", "ander_team"}),
    ),
    "wijk:match_voorstellen": Regel(
        get=None,
        post=per_rol(professional={200, 302}, teamleider={200, 302}, ander_team=404, default=403),
        post_data=lambda w: {"aanbod": w.aanbod_twee.pk, "behoefte": w.behoefte.pk},
        writes=TEAM_SCHRIJVERS,
    ),
    "wijk:match_stap": Regel(
        get=None,
        post=per_rol(professional={200, 302}, teamleider={200, 302}, ander_team=404, default=403),
        kwargs=lambda w: {"pk": w.match.pk},
        post_data=lambda w: {"stap": "toestemming_aanbieder"},
        writes=TEAM_SCHRIJVERS,
    ),
    # Retention and destruction (issue 19): the lists show the minimal record only, never
    # case data; the archivist reaches these pages and nothing else.
    "archief:overzicht": Regel(
        get=per_rol(
            beheerder=200,
            teamleider=200,
            ander_teamleider=200,
            auditor=200,
            archivaris=200,
            default=403,
        ),
        post=per_rol(beheerder=302, default=403),
        post_data=lambda w: {"team": w.team_noord.pk},
    ),
    "archief:lijst": Regel(
        get=per_rol(
            beheerder=200,
            teamleider=200,
            ander_teamleider=404,
            auditor=200,
            archivaris=200,
            default=403,
        ),
        post=per_rol(beheerder=302, ander_teamleider=404, default=403),
        kwargs=lambda w: {"pk": w.vernietigingslijst.pk},
        post_data=lambda w: {"stap": "indienen"},
        writes=frozenset({"beheerder"}),
    ),
    # not destroyed yet: no verklaring
    "archief:verklaring": Regel(
        get=per_rol(
            beheerder=404,
            teamleider=404,
            ander_teamleider=404,
            auditor=404,
            archivaris=404,
            default=403,
        ),
        kwargs=lambda w: {"pk": w.vernietigingslijst.pk},
    ),
    # The Jeugdwet request for early destruction (issue 19b): the team records it (a
    # household without a request yet), a lead of the team decides; another team's lead
    # learns nothing (404), the auditor and beheerder see no case data here (404).
    "archief:verzoek_nieuw": Regel(
        get=TEAM_FORMULIER,
        post=TEAM_WIJZIGEN,
        kwargs=lambda w: {"pk": w.huishouden_zonder_plan.pk},
        post_data=lambda w: {
            "jeugdige": w.uit_te_nodigen.pk,
            "verzoeker": "ouder",
            "ontvangen_op": _vandaag(),
            "toelichting": "Moeder vraagt het dossier te vernietigen.",
        },
        writes=TEAM_SCHRIJVERS,
    ),
    "archief:verzoek": Regel(
        get=per_rol(professional=200, teamleider=200, ander_team=404, auditor=404, beheerder=404),
        post=per_rol(
            teamleider={200, 302}, professional=403, ander_team=404, auditor=404, beheerder=404
        ),
        kwargs=lambda w: {"pk": w.vernietigingsverzoek.pk},
        post_data=lambda w: {
            "besluit": "afwijzen",
            "grond": "belang_ander",
            "motivering": "Een broer heeft het dossier nodig.",
        },
        writes=frozenset({"teamleider"}),
    ),
    # --- Mijn plan (inwoner, issue 15) ------------------------------------------------------
    "inwoner:mijn_plan": Regel(get=ALLEEN_LID),
    "inwoner:akkoord": Regel(
        get=per_rol(default=405, inwoner=405),
        post=ALLEEN_LID_SCHRIJFT,
        post_data=lambda w: {"keuze": "akkoord", "gezien_tot": _gezien_tot(w)},
        writes=frozenset({"inwoner"}),
    ),
    "inwoner:inbreng": Regel(
        get=ALLEEN_LID,
        post=ALLEEN_LID_SCHRIJFT,
        post_data=lambda w: {"soort": "opmerking", "tekst": "Graag op dinsdag."},
        writes=frozenset({"inwoner"}),
    ),
    "inwoner:bekeken": Regel(get=ALLEEN_LID),
    "inwoner:rechten": Regel(
        get=ALLEEN_LID,
        post=ALLEEN_LID_SCHRIJFT,
        post_data=lambda w: {"soort": "wissen", "toelichting": "Oude notitie over mijn werk."},
        writes=frozenset({"inwoner"}),
    ),
    "inwoner:inzage": Regel(get=ALLEEN_LID),
    # public: the member activates the account of their letter (tests/inwoner)
    "inwoner:activeren": Regel(get=None, public=True),
    # public: residents sign in with DigiD through the broker (404 while
    # INWONER_OIDC_RP_CLIENT_ID is unset), and the page for a BSN without an account;
    # tests/inwoner/test_digid.py and the browser journey tests/browser/test_digid.py
    "inwoner:digid_inloggen": Regel(get=None, public=True),
    "inwoner:digid_terug": Regel(get=None, public=True),
    "inwoner:digid_geweigerd": Regel(get=None, public=True),
    # staff: the caseworkers of the team invite, answer contributions and AVG requests
    "inwoner:uitnodigen": _plan_regel(
        lambda w: {"lid": w.uit_te_nodigen.pk}, kwargs=lambda w: {"pk": w.huishouden_zonder_plan.pk}
    ),
    "inwoner:inbreng_besluit": _plan_regel(
        lambda w: {"besluit": "aanvaard", "reden": "Goed idee."},
        kwargs=lambda w: {"pk": w.huishouden.pk, "inbreng_pk": w.inbreng.pk},
    ),
    "inwoner:avg_antwoord": _plan_regel(
        lambda w: {"status": "toegewezen", "antwoord": "Het nummer is verbeterd."},
        kwargs=lambda w: {"pk": w.huishouden.pk, "verzoek_pk": w.avg_verzoek.pk},
    ),
}
