"""Storing signals: matching each resident to a household and routing the zaak.

Set-based, so 10 000 rows cost a handful of queries whatever their number (new rows are
written with COPY):
1. references this partner delivered before are skipped (idempotent on partner +
   reference; imports of one partner are serialised by a row lock on the partner, and
   the unique constraint is the last word);
2. matching: the BSN of an active member, otherwise the address (postcode and house
   number) of a household that is not closed;
3. routing: a household with an active plan → its casusregisseur works the signal on the
   plan (`via_plan`); another household → the queue of its team; no household → the queue
   of the team of the wijk (`Wijkindeling` on the postcode area), else the team that
   uploaded the file; with none of these the row is not placed;
4. grouping: an open zaak of the same resident received within the koppeltermijn takes
   the signal; otherwise a new zaak with its first-contact deadline.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from huishoudens.models import Huishouden, Lid
from vroegsignalering.intake import Signaalrij
from vroegsignalering.models import (
    Aanlevering,
    Partnerorganisatie,
    Persoonsgegevens,
    Teaminstelling,
    Vroegsignaal,
    Vroegsignaalzaak,
    Wijkindeling,
    koppeltermijn,
)


def _nieuwe_ids(model, aantal: int) -> list[int]:
    """`aantal` ids from the table's sequence in one round trip."""
    if not aantal:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [model._meta.db_table, aantal],
        )
        return [row[0] for row in cursor.fetchall()]


def _copy(model, objs: list) -> None:
    """COPY the rows into the table (PostgreSQL, in the current transaction): 10 000
    rows in a fraction of what INSERT ... VALUES costs. Constraints and defaults of the
    database still apply; the objects carry every value (ids included)."""
    if not objs:
        return
    fields = model._meta.concrete_fields
    columns = ", ".join(f'"{field.column}"' for field in fields)
    connection.ensure_connection()
    sql = f'COPY "{model._meta.db_table}" ({columns}) FROM STDIN'
    with connection.connection.cursor() as cursor, cursor.copy(sql) as copy:
        for obj in objs:
            copy.write_row([getattr(obj, field.attname) for field in fields])


@dataclass(frozen=True)
class Match:
    huishouden_id: int
    team_id: int
    met_plan: bool


@dataclass
class Resultaat:
    nieuw: int = 0
    al_bekend: int = 0
    niet_geplaatst: list[int] = field(default_factory=list)  # line numbers / indexes
    zaken: list[int] = field(default_factory=list)
    samenvatting: str = ""


def _beste(matches: list[Match]) -> Match:
    """Of several households at one address, the one with an active plan first."""
    return sorted(matches, key=lambda m: (not m.met_plan, m.huishouden_id))[0]


def matches_op_bsn(bsns: set[str]) -> dict[str, Match]:
    rows = (
        Lid.objects.filter(bsn__in=bsns, einddatum__isnull=True)
        .exclude(huishouden__status=Huishouden.Status.AFGESLOTEN)
        .values_list(
            "bsn",
            "huishouden_id",
            "huishouden__team_id",
            "huishouden__status",
            "huishouden__plan__id",
        )
    )
    return {
        bsn: Match(hh, team, status == Huishouden.Status.ACTIEF and plan is not None)
        for bsn, hh, team, status, plan in rows
    }


def matches_op_adres(adressen: set[tuple[str, str]]) -> dict[tuple[str, str], Match]:
    postcodes = {postcode for postcode, _ in adressen}
    rows = (
        Huishouden.objects.filter(postcode__in=postcodes)
        .exclude(status=Huishouden.Status.AFGESLOTEN)
        .values_list("postcode", "huisnummer", "id", "team_id", "status", "plan__id")
    )
    found: dict[tuple[str, str], list[Match]] = defaultdict(list)
    for postcode, huisnummer, hh, team, status, plan in rows:
        key = (postcode, huisnummer.strip().upper())
        if key in adressen:
            found[key].append(
                Match(hh, team, status == Huishouden.Status.ACTIEF and plan is not None)
            )
    return {key: _beste(lijst) for key, lijst in found.items()}


def _match(rij: Signaalrij, op_bsn, op_adres) -> Match | None:
    if rij.bsn and rij.bsn in op_bsn:
        return op_bsn[rij.bsn]
    if rij.postcode and rij.huisnummer:
        return op_adres.get((rij.postcode, rij.huisnummer.strip().upper()))
    return None


def _nieuwe_zaak(
    rij: Signaalrij, team_id: int, match: Match | None, crisis: bool, vandaag, instellingen
):
    return Vroegsignaalzaak(
        team_id=team_id,
        sleutel=rij.sleutel,
        **Persoonsgegevens.uit(rij),
        huishouden_id=match.huishouden_id if match else None,
        via_plan=bool(match and match.met_plan),
        crisis=crisis,
        ontvangen_op=vandaag,
        uiterlijk_contact_op=Vroegsignaalzaak.bereken_termijn(
            vandaag, crisis=crisis, instelling=instellingen.get(team_id)
        ),
    )


@transaction.atomic
def bewaar_signalen(
    *,
    partner: Partnerorganisatie,
    rijen: Sequence[Signaalrij],
    standaard_team_id: int | None = None,
    aanlevering: Aanlevering | None = None,
    bron: str = Vroegsignaal.Bron.BESTAND,
) -> Resultaat:
    """Store the new signals of these rows, matched and grouped (see the module)."""
    resultaat = Resultaat()
    vandaag, nu = timezone.localdate(), timezone.now()
    # one import per partner at a time: the references checked below stay new
    Partnerorganisatie.objects.select_for_update().filter(pk=partner.pk).values("pk").first()
    bekend = set(
        Vroegsignaal.objects.filter(
            partner=partner, referentie__in=[r.referentie for r in rijen]
        ).values_list("referentie", flat=True)
    )
    nieuw = [r for r in rijen if r.referentie not in bekend]
    resultaat.al_bekend = len(rijen) - len(nieuw)
    if not nieuw:
        return resultaat
    op_bsn = matches_op_bsn({r.bsn for r in nieuw if r.bsn})
    op_adres = matches_op_adres({(r.postcode, r.huisnummer.upper()) for r in nieuw if r.postcode})
    wijken = dict(
        Wijkindeling.objects.filter(
            postcodecijfers__in={r.postcode[:4] for r in nieuw if r.postcode}
        ).values_list("postcodecijfers", "team_id")
    )
    open_zaken = {
        zaak.sleutel: zaak
        for zaak in Vroegsignaalzaak.objects.open()
        .filter(sleutel__in={r.sleutel for r in nieuw}, ontvangen_op__gte=vandaag - koppeltermijn())
        .order_by("ontvangen_op", "id")
    }
    instellingen = {i.team_id: i for i in Teaminstelling.objects.all()}
    crisis_per_sleutel = defaultdict(bool)
    for rij in nieuw:
        crisis_per_sleutel[rij.sleutel] |= rij.crisis
    nieuwe_zaken: dict[str, Vroegsignaalzaak] = {}
    geplaatst: list[Signaalrij] = []
    for rij in nieuw:
        if rij.sleutel in open_zaken or rij.sleutel in nieuwe_zaken:
            geplaatst.append(rij)
            continue
        match = _match(rij, op_bsn, op_adres)
        team_id = match.team_id if match else wijken.get(rij.postcode[:4], standaard_team_id)
        if team_id is None:
            resultaat.niet_geplaatst.append(rij.regel)
            continue
        nieuwe_zaken[rij.sleutel] = _nieuwe_zaak(
            rij, team_id, match, crisis_per_sleutel[rij.sleutel], vandaag, instellingen
        )
        geplaatst.append(rij)
    for zaak, pk in zip(
        nieuwe_zaken.values(), _nieuwe_ids(Vroegsignaalzaak, len(nieuwe_zaken)), strict=True
    ):
        zaak.pk, zaak.aangemaakt_op = pk, nu
    _copy(Vroegsignaalzaak, list(nieuwe_zaken.values()))
    _crisis_bij_open_zaken(open_zaken, crisis_per_sleutel, vandaag, instellingen)
    zaken = {**open_zaken, **nieuwe_zaken}
    signalen = [
        Vroegsignaal(
            partner=partner,
            partnersoort=partner.soort,
            referentie=rij.referentie,
            zaak=zaken[rij.sleutel],
            bedrag=rij.bedrag,
            achterstand_sinds=rij.achterstand_sinds,
            signaaldatum=rij.signaaldatum,
            crisis=rij.crisis,
            warme_overdracht=rij.warme_overdracht,
            status=Vroegsignaal.Status.IN_BEHANDELING
            if zaken[rij.sleutel].opgepakt_op
            else Vroegsignaal.Status.ONTVANGEN,
            **Persoonsgegevens.uit(rij),
            bron=bron,
            aanlevering=aanlevering,
            ontvangen_op=nu,
        )
        for rij in geplaatst
    ]
    for signaal, pk in zip(signalen, _nieuwe_ids(Vroegsignaal, len(signalen)), strict=True):
        signaal.pk = pk
    _copy(Vroegsignaal, signalen)
    resultaat.nieuw = len(signalen)
    resultaat.zaken = sorted({zaken[rij.sleutel].pk for rij in geplaatst})
    return resultaat


def _crisis_bij_open_zaken(open_zaken, crisis_per_sleutel, vandaag: datetime.date, instellingen):
    """A crisis signal about a resident whose zaak is open makes that zaak a crisis, with
    the shorter deadline when it falls earlier."""
    gewijzigd = []
    for sleutel, zaak in open_zaken.items():
        if crisis_per_sleutel.get(sleutel) and not zaak.crisis:
            termijn = Vroegsignaalzaak.bereken_termijn(
                vandaag, crisis=True, instelling=instellingen.get(zaak.team_id)
            )
            zaak.crisis = True
            zaak.uiterlijk_contact_op = min(zaak.uiterlijk_contact_op, termijn)
            gewijzigd.append(zaak)
    if gewijzigd:
        Vroegsignaalzaak.objects.bulk_update(gewijzigd, ["crisis", "uiterlijk_contact_op"])
