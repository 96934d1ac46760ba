"""Reading a household's dossier from the domain apps, in a constant number of queries."""

from __future__ import annotations

from collections import defaultdict

from django.utils import timezone

from casussen.models import Plan, Planwijziging
from casussen.selectors import doelen_van
from huishoudens.models import Beoordeling, Huishouden, Leefdomein, Lid
from sociaaldomein.extensions import panels
from sociaaldomein.formatting import euro
from sociaaldomein.models import Toegangslog
from toetsing.models import MaatwerkBesluit, MaatwerkEscalatie, MaatwerkVerzoek, Toets, ToetsArtikel
from toetsing.motivering import factor_tekst
from verantwoording.dossier.inhoud import (
    MATRIX_KOLOMMEN,
    ActieRegel,
    BeoordelingRegel,
    Diff,
    DoelBlok,
    DomeinGeschiedenis,
    DossierInhoud,
    Gegeven,
    LidGeschiedenis,
    LidRegel,
    LogBlok,
    LogRegel,
    MaatwerkRegel,
    MatrixBlok,
    MatrixRij,
    PlanBlok,
    Sectie,
    ToetsBlok,
    VersieBlok,
    WijzigingRegel,
    ZorgBlok,
    bsn_gemaskeerd,
    datum,
    moment,
    wie,
)
from verwijzingen.models import Gegevensdeling


def dossier_inhoud(huishouden: Huishouden) -> DossierInhoud:
    """The whole dossier of one household, in a fixed number of queries whatever its size
    (each chapter of a higher app, slot "dossier", costs its own fixed number)."""
    leden = list(huishouden.leden.order_by("einddatum", "geboortedatum", "id"))
    namen = {lid.pk: lid.volledige_naam for lid in leden}
    plan = Plan.objects.filter(huishouden=huishouden).first()
    return DossierInhoud(
        referentie=huishouden.referentie,
        naam=huishouden.naam,
        huishouden=_huishouden(huishouden),
        leden=[_lid(lid) for lid in leden],
        matrix=_matrix(leden),
        geschiedenis=_geschiedenis(huishouden, leden),
        plan=_plan(plan, namen) if plan else None,
        versies=_versies(plan) if plan else [],
        veiligheid=_zorgen(plan) if plan else [],
        veiligheid_geschiedenis=_wijzigingen(
            plan.wijzigingen.filter(soort=Planwijziging.Soort.VEILIGHEID) if plan else []
        ),
        toetsen=_toetsen(huishouden),
        maatwerk=maatwerk_voor_dossier(huishouden),
        periode_van=huishouden.aangemeld_op,
        periode_tot=huishouden.afgesloten_op,
        hoofdstukken=[
            panel.data for panel in panels("dossier", huishouden=huishouden)["hoofdstuk"]
        ],
    )


def _huishouden(h: Huishouden) -> list[Gegeven]:
    rows = [
        Gegeven("Referentie", h.referentie),
        Gegeven("Naam", h.naam),
        Gegeven("Adres", h.adres),
        Gegeven("Wijk", h.wijk),
        Gegeven("Team", h.team.naam),
        Gegeven("Casusregisseur", wie(h.casusregisseur) or "Niet toegewezen"),
        Gegeven("Status", h.get_status_display()),
        Gegeven("Aangemeld op", datum(h.aangemeld_op)),
        Gegeven("Actief sinds", datum(h.actief_sinds)),
        Gegeven("Afgesloten op", datum(h.afgesloten_op)),
        Gegeven("Reden van afsluiten", h.reden_afsluiting),
    ]
    return [row for row in rows if row.waarde]


def _lid(lid: Lid) -> LidRegel:
    return LidRegel(
        id=lid.pk,
        naam=lid.volledige_naam,
        geboortedatum=datum(lid.geboortedatum),
        relatie=lid.get_relatie_display(),
        bsn=bsn_gemaskeerd(lid.bsn),
        lid_sinds=datum(lid.lid_sinds),
        vertrokken=f"{datum(lid.einddatum)}: {lid.reden_vertrek}" if lid.einddatum else "",
        eigen_kracht=lid.eigen_kracht,
    )


def _uitkomst(b: Beoordeling) -> str:
    if b.niet_van_toepassing:
        return "niet van toepassing"
    return f"{b.score} — {b.label}"


def _matrix(leden: list[Lid]) -> list[MatrixBlok]:
    """The latest assessment of every active member on every active life domain, with its
    date (no "current" marker: that depends on the day the dossier is read)."""
    actief = [lid for lid in leden if lid.is_actief]
    domeinen = list(Leefdomein.objects.filter(actief=True).order_by("volgorde"))
    laatste = {
        (b.lid_id, b.leefdomein_id): b
        for b in Beoordeling.objects.filter(lid__in=[lid.pk for lid in actief]).current()
    }
    blokken = []
    for start in range(0, len(actief), MATRIX_KOLOMMEN):
        groep = actief[start : start + MATRIX_KOLOMMEN]
        rijen = []
        for domein in domeinen:
            cellen = []
            for lid in groep:
                b = laatste.get((lid.pk, domein.pk))
                if b is None:
                    cellen.append("open")
                elif b.niet_van_toepassing:
                    cellen.append(f"n.v.t. ({datum(b.beoordeeld_op)})")
                else:
                    cellen.append(f"{b.score} ({datum(b.beoordeeld_op)})")
            rijen.append(MatrixRij(domein.naam, cellen))
        blokken.append(MatrixBlok([lid.volledige_naam for lid in groep], rijen))
    return blokken


def _geschiedenis(huishouden: Huishouden, leden: list[Lid]) -> list[LidGeschiedenis]:
    """Every assessment ever recorded, per member and domain, oldest first (the trend)."""
    per_lid: dict[int, dict[str, list[BeoordelingRegel]]] = defaultdict(dict)
    for b in (
        Beoordeling.objects.filter(lid__huishouden=huishouden)
        .select_related("leefdomein", "beoordeeld_door")
        .order_by("lid_id", "leefdomein__volgorde", "beoordeeld_op", "id")
    ):
        regel = BeoordelingRegel(
            datum=datum(b.beoordeeld_op),
            uitkomst=_uitkomst(b),
            toelichting=b.reden_nvt if b.niet_van_toepassing else b.toelichting,
            eigen_visie=b.eigen_visie,
            door=wie(b.beoordeeld_door),
        )
        per_lid[b.lid_id].setdefault(b.leefdomein.naam, []).append(regel)
    return [
        LidGeschiedenis(
            lid.volledige_naam,
            [DomeinGeschiedenis(domein, regels) for domein, regels in per_lid[lid.pk].items()],
        )
        for lid in leden
        if lid.pk in per_lid
    ]


def _plan(plan: Plan, namen: dict[int, str]) -> PlanBlok:
    eigen_woorden = [
        Gegeven(label, value)
        for label, value in [
            ("Hulpvraag", plan.hulpvraag),
            ("Wat zij zelf als probleem zien", plan.probleem),
            ("Welke oplossing zij zelf zien", plan.oplossing),
            ("Waar zij over een jaar willen staan", plan.perspectief),
        ]
        if value
    ]
    doelen = []
    for doel in doelen_van(plan):
        voor_wie = (
            "Het hele huishouden"
            if doel.heel_huishouden
            else ", ".join(lid.volledige_naam for lid in doel.leden.all())
        )
        gegevens = [
            Gegeven("Voor wie", voor_wie),
            Gegeven(
                "Leefdomeinen",
                ", ".join(
                    d.naam for d in sorted(doel.leefdomeinen.all(), key=lambda d: d.volgorde)
                ),
            ),
            Gegeven("Status", doel.get_status_display()),
            Gegeven("Evaluatie", doel.evaluatie),
        ]
        acties = []
        for actie in doel.acties.all():
            rows = [
                Gegeven("Voor wie", actie.lid.volledige_naam if actie.lid_id else "Het hele doel"),
                Gegeven("Wie doet het", actie.wie_tekst),
                Gegeven("Wet of financiering", actie.get_wet_display()),
                Gegeven(
                    "Looptijd", f"{datum(actie.startdatum)} tot en met {datum(actie.einddatum)}"
                ),
                Gegeven("Evaluatie op", datum(actie.evaluatiedatum)),
                Gegeven("Kosten", euro(actie.kosten)),
                Gegeven("Status", actie.get_status_display()),
                Gegeven("Motivering leeftijd", actie.leeftijd_motivering),
            ]
            acties.append(ActieRegel(actie.wat, [r for r in rows if r.waarde]))
        doelen.append(DoelBlok(doel.omschrijving, [g for g in gegevens if g.waarde], acties))
    termijnen = [
        Gegeven(
            f"{termijn.omschrijving} ({termijn.wet})",
            f"gemeld {datum(termijn.gemeld_op)}, uiterlijk {datum(termijn.uiterlijk_op)}, "
            + (f"voldaan op {datum(termijn.voldaan_op)}" if termijn.voldaan_op else "open"),
        )
        for termijn in plan.termijnen.order_by("gemeld_op", "id")
    ]
    return PlanBlok(
        status=plan.get_status_display(),
        versie=plan.versienummer,
        eigen_woorden=eigen_woorden,
        analyse=plan.analyse,
        doelen=doelen,
        termijnen=termijnen,
    )


def _wijzigingen(wijzigingen) -> list[WijzigingRegel]:
    if not isinstance(wijzigingen, list):
        wijzigingen = list(wijzigingen.select_related("gebruiker").order_by("tijdstip", "id"))
    return [
        WijzigingRegel(
            tijdstip=moment(w.tijdstip),
            door=wie(w.gebruiker) or "Eén Plan",
            wat=f"{w.onderwerp} {w.get_handeling_display()}",
            regels=[
                Diff(str(r.get("veld", "")), str(r.get("oud", "")), str(r.get("nieuw", "")))
                for r in (w.wijzigingen or [])
                if isinstance(r, dict)
            ],
        )
        for w in wijzigingen
    ]


def _versies(plan: Plan) -> list[VersieBlok]:
    per_versie: dict[int, list[Planwijziging]] = defaultdict(list)
    for w in (
        plan.wijzigingen.exclude(soort=Planwijziging.Soort.VEILIGHEID)
        .select_related("gebruiker")
        .order_by("tijdstip", "id")
    ):
        per_versie[w.versienummer].append(w)
    blokken = []
    for v in plan.versies.select_related(
        "aangemaakt_door", "vastgesteld_door", "akkoord_lid"
    ).order_by("nummer"):
        gegevens = [
            Gegeven("Begonnen", f"{moment(v.aangemaakt_op)} {wie(v.aangemaakt_door)}".strip()),
            Gegeven("Vastgelegd", f"{moment(v.vastgesteld_op)} {wie(v.vastgesteld_door)}".strip()),
            Gegeven("Gesprek met het huishouden", datum(v.akkoord_datum)),
            Gegeven("Hoe", v.get_wijze_display() if v.wijze else ""),
            Gegeven("Namens het huishouden", v.akkoord_door),
            Gegeven("Zienswijze van het huishouden", v.zienswijze),
            Gegeven("Reden om vast te stellen zonder complete domeinmatrix", v.reden_onvolledig),
        ]
        blokken.append(
            VersieBlok(
                nummer=v.nummer,
                status=v.get_status_display(),
                gegevens=[g for g in gegevens if g.waarde],
                wijzigingen=_wijzigingen(per_versie.get(v.nummer, [])),
            )
        )
    return blokken


def _zorgen(plan: Plan) -> list[ZorgBlok]:
    blokken = []
    for zorg in plan.veiligheidszorgen.select_related("gemeld_door", "opgeheven_door").order_by(
        "gemeld_op", "id"
    ):
        gegevens = [
            Gegeven("Gemeld", f"{moment(zorg.gemeld_op)} door {wie(zorg.gemeld_door)}"),
            Gegeven("Wat is er aan de hand", zorg.omschrijving),
            Gegeven("Inschatting", zorg.inschatting),
            Gegeven("Dwangkader", zorg.get_dwangkader_display() if zorg.dwangkader else ""),
            Gegeven("Toelichting dwangkader", zorg.dwangkader_toelichting),
            Gegeven(
                "Opgeheven",
                f"{moment(zorg.opgeheven_op)} door {wie(zorg.opgeheven_door)}"
                if zorg.opgeheven_op
                else "",
            ),
            Gegeven("Reden van opheffen", zorg.reden_opheffing),
        ]
        titel = f"Veiligheidszorg van {datum(timezone.localdate(zorg.gemeld_op))}"
        blokken.append(ZorgBlok(titel, zorg.is_actief, [g for g in gegevens if g.waarde]))
    return blokken


def _toetsen(huishouden: Huishouden) -> list[ToetsBlok]:
    artikelen: dict[int, list[str]] = defaultdict(list)
    for keuze in ToetsArtikel.objects.filter(toets__huishouden=huishouden).order_by(
        "toets_id", "volgorde", "id"
    ):
        artikelen[keuze.toets_id].append(f"{keuze.verwijzing_kort} — {keuze.titel}")
    blokken = []
    for t in (
        Toets.objects.filter(huishouden=huishouden)
        .select_related(
            "actie__doel", "doel", "aangemaakt_door", "ingediend_door", "beeindigd_door", "vorige"
        )
        .order_by("aangemaakt_op", "id")
    ):
        onderdeel = (
            f"Actie ‘{t.actie.wat}’ bij doel ‘{t.actie.doel.omschrijving}’"
            if t.actie_id
            else f"Doel ‘{t.doel.omschrijving}’"
        )
        gegevens = [
            Gegeven("Hoort bij", onderdeel),
            Gegeven("Gestart", f"{moment(t.aangemaakt_op)} door {wie(t.aangemaakt_door)}"),
            Gegeven(
                "Ingediend",
                f"{moment(t.ingediend_op)} door {wie(t.ingediend_door)}" if t.ingediend_op else "",
            ),
            Gegeven(
                "Beëindigd na stap 1",
                f"{moment(t.beeindigd_op)} door {wie(t.beeindigd_door)}" if t.beeindigd_op else "",
            ),
            Gegeven("Uitkomst", t.get_uitkomst_display() if t.uitkomst else ""),
            Gegeven("Wet of financiering", t.get_financiering_display() if t.financiering else ""),
            Gegeven(
                "Corrigeert",
                f"toets {t.vorige_id}: {t.reden_correctie}" if t.vorige_id else "",
            ),
            Gegeven("Vervangen door een correctie op", moment(t.vervangen_op)),
        ]
        kosten = []
        if t.kosten_oplossing is not None:
            kosten.append(Gegeven("Kosten van deze oplossing", euro(t.kosten_oplossing)))
        if t.alternatief:
            kosten.append(Gegeven("Gebruikelijk alternatief", t.alternatief))
        if t.kosten_alternatief is not None:
            kosten.append(
                Gegeven("Geschatte kosten van het alternatief", euro(t.kosten_alternatief))
            )
        if t.horizon_maanden:
            kosten.append(Gegeven("Over", f"{t.horizon_maanden} maanden"))
        if t.besparing is not None:
            kosten.append(Gegeven("Vermeden kosten (rendement)", euro(t.besparing)))
        if t.rendement_factor is not None:
            kosten.append(Gegeven("Factor", f"{factor_tekst(t.rendement_factor)} keer de kosten"))
        blokken.append(
            ToetsBlok(
                nummer=t.pk,
                vraag=t.vraag,
                status=t.get_status_display(),
                gegevens=[g for g in gegevens if g.waarde],
                kosten=kosten,
                artikelen=artikelen.get(t.pk, []),
                motivering=[
                    Sectie(str(kop), str(tekst))
                    for kop, tekst in (t.motivering or [])
                    if isinstance(kop, str)
                ],
            )
        )
    return blokken


def maatwerk_voor_dossier(huishouden: Huishouden) -> list[MaatwerkRegel]:
    """Every maatwerk request of the household, oldest first, with every decision on it:
    requester, approvers, timestamps and reasons, and the escalations beyond the team
    (three queries)."""
    regels = []
    # Always two queries (not a prefetch, which skips its query when there are no
    # requests): the dossier costs the same number of queries for every household.
    besluiten = defaultdict(list)
    for besluit in (
        MaatwerkBesluit.objects.filter(verzoek__toets__huishouden=huishouden)
        .select_related("door")
        .order_by("op", "id")
    ):
        besluiten[besluit.verzoek_id].append(besluit)
    escalaties = defaultdict(list)  # beyond the team (issue 14): one query as well
    for escalatie in (
        MaatwerkEscalatie.objects.filter(verzoek__toets__huishouden=huishouden)
        .select_related("voorgelegd_door", "beantwoord_door")
        .order_by("voorgelegd_op", "id")
    ):
        escalaties[escalatie.verzoek_id].extend(_escalatie_regels(escalatie))
    for verzoek in (
        MaatwerkVerzoek.objects.filter(toets__huishouden=huishouden)
        .select_related("toets", "aangevraagd_door")
        .order_by("aangemaakt_op", "id")
    ):
        regels.append(
            MaatwerkRegel(
                nummer=verzoek.pk,
                toets=verzoek.toets_id,
                vraag=verzoek.toets.vraag,
                gegevens=[
                    Gegeven("Aangevraagd door", wie(verzoek.aangevraagd_door)),
                    Gegeven("Aangevraagd op", moment(verzoek.aangemaakt_op)),
                    Gegeven("Bedrag", euro(verzoek.bedrag)),
                    Gegeven("Wet of financiering", verzoek.get_financiering_display()),
                    Gegeven("Beslisniveau", verzoek.get_niveau_display()),
                    Gegeven("Status", verzoek.get_status_display()),
                    Gegeven("Besloten op", moment(verzoek.besloten_op) or "nog niet"),
                ],
                besluiten=[
                    Gegeven(
                        f"{besluit.get_soort_display()} door {wie(besluit.door)} op "
                        f"{moment(besluit.op)}",
                        besluit.reden,
                    )
                    for besluit in besluiten[verzoek.pk]
                ]
                + escalaties[verzoek.pk],
            )
        )
    return regels


def _escalatie_regels(escalatie: MaatwerkEscalatie) -> list[Gegeven]:
    niveau = escalatie.get_niveau_display()
    regels = [
        Gegeven(
            f"Geëscaleerd naar {niveau} door {wie(escalatie.voorgelegd_door)} op "
            f"{moment(escalatie.voorgelegd_op)}",
            f"{escalatie.get_grond_display()}: {escalatie.toelichting}",
        )
    ]
    if escalatie.beantwoord_op:
        regels.append(
            Gegeven(
                f"Antwoord van {niveau} ({escalatie.get_status_display().lower()}), "
                f"vastgelegd door {wie(escalatie.beantwoord_door)} op "
                f"{moment(escalatie.beantwoord_op)}",
                escalatie.antwoord,
            )
        )
    return regels


def toegangslog_blok(huishouden: Huishouden, *, namen: dict[int, str] | None = None) -> LogBlok:
    """Every access-log entry about this household, oldest first (two queries)."""
    if namen is None:
        namen = {lid.pk: lid.volledige_naam for lid in huishouden.leden.all()}
    regels = []
    laatste = None
    for entry in (
        Toegangslog.objects.filter(huishoudens__contains=[huishouden.pk])
        .select_related("gebruiker")
        .order_by("volgnummer")
    ):
        regels.append(
            LogRegel(
                volgnummer=entry.volgnummer,
                tijdstip=moment(entry.tijdstip),
                wie=f"{wie(entry.gebruiker) or entry.gebruikersnaam} ({entry.gebruikersnaam})",
                rol=", ".join(part for part in (entry.rol, entry.team) if part),
                actie=entry.get_actie_display(),
                onderwerp=entry.onderwerp,
                doel=entry.get_doel_display(),
                leden=", ".join(namen.get(pk, f"lid {pk}") for pk in entry.leden),
                reden=entry.reden,
                uitzonderlijk=entry.uitzonderlijk,
                methode=entry.methode,
            )
        )
        laatste = entry
    return LogBlok(
        regels=regels,
        tot_volgnummer=laatste.volgnummer if laatste else None,
        laatste_hash=laatste.hash if laatste else "",
    )


def gegevensdeling_regels(huishouden: Huishouden) -> tuple[Gegeven, ...]:
    """Issue 16: every disclosure outside the team, oldest first (one query)."""
    return tuple(
        Gegeven(
            f"{moment(d.tijdstip)} · {d.lid.volledige_naam}",
            f"{d.get_soort_display()} aan {d.ontvanger}: {', '.join(d.gegevens)} · "
            f"{d.get_basis_display()}: {d.grondslag} · door {wie(d.door) or d.door.username}",
        )
        for d in Gegevensdeling.objects.filter(huishouden=huishouden)
        .select_related("lid", "door")
        .order_by("tijdstip", "id")
    )
