"""The dossier as printed: plain, already formatted values, their fingerprint, and the
HTML the PDF is made from."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

FORMAAT = "eenplan-dossier/1"
MATRIX_KOLOMMEN = 5  # members per matrix table: an A4 page in portrait stays readable


def datum(value: datetime.date | None) -> str:
    return f"{value:%d-%m-%Y}" if value else ""


def moment(value: datetime.datetime | None) -> str:
    return f"{timezone.localtime(value):%d-%m-%Y %H:%M}" if value else ""


def wie(user) -> str:
    return user.weergavenaam if user is not None else ""


def bsn_gemaskeerd(bsn: str | None) -> str:
    """As on the screens: only the last four digits (data minimisation)."""
    return f"eindigt op {bsn[-4:]}" if bsn else "onbekend"


# --- the content, as printed -----------------------------------------------------------------


@dataclass(frozen=True)
class Gegeven:
    label: str
    waarde: str


@dataclass(frozen=True)
class LidRegel:
    id: int
    naam: str
    geboortedatum: str
    relatie: str
    bsn: str
    lid_sinds: str
    vertrokken: str
    eigen_kracht: str


@dataclass(frozen=True)
class MatrixRij:
    domein: str
    cellen: list[str]


@dataclass(frozen=True)
class MatrixBlok:
    leden: list[str]
    rijen: list[MatrixRij]


@dataclass(frozen=True)
class BeoordelingRegel:
    datum: str
    uitkomst: str
    toelichting: str
    eigen_visie: str
    door: str


@dataclass(frozen=True)
class DomeinGeschiedenis:
    domein: str
    regels: list[BeoordelingRegel]


@dataclass(frozen=True)
class LidGeschiedenis:
    lid: str
    domeinen: list[DomeinGeschiedenis]


@dataclass(frozen=True)
class ActieRegel:
    wat: str
    gegevens: list[Gegeven]


@dataclass(frozen=True)
class DoelBlok:
    omschrijving: str
    gegevens: list[Gegeven]
    acties: list[ActieRegel]


@dataclass(frozen=True)
class PlanBlok:
    status: str
    versie: int
    eigen_woorden: list[Gegeven]
    analyse: str
    doelen: list[DoelBlok]
    termijnen: list[Gegeven]


@dataclass(frozen=True)
class Diff:
    veld: str
    oud: str
    nieuw: str


@dataclass(frozen=True)
class WijzigingRegel:
    tijdstip: str
    door: str
    wat: str
    regels: list[Diff]


@dataclass(frozen=True)
class VersieBlok:
    nummer: int
    status: str
    gegevens: list[Gegeven]
    wijzigingen: list[WijzigingRegel]


@dataclass(frozen=True)
class ZorgBlok:
    titel: str
    actief: bool
    gegevens: list[Gegeven]


@dataclass(frozen=True)
class Sectie:
    kop: str
    tekst: str


@dataclass(frozen=True)
class ToetsBlok:
    nummer: int
    vraag: str
    status: str
    gegevens: list[Gegeven]
    kosten: list[Gegeven]
    artikelen: list[str]
    motivering: list[Sectie]


@dataclass(frozen=True)
class MaatwerkRegel:
    """One maatwerk request as the dossier shows it. Issue 6 adds the approvals (who,
    when, reason) here and in `pdf/_maatwerk.html`."""

    nummer: int
    toets: int
    vraag: str
    gegevens: list[Gegeven]
    # every step of the decision (issue 6): who, when, what, and the reason
    besluiten: list[Gegeven] = dataclasses.field(default_factory=list)


@dataclass(frozen=True)
class Onderdeel:
    titel: str
    gegevens: list[Gegeven]


@dataclass(frozen=True)
class Hoofdstuk:
    """A chapter a higher app adds to the dossier through the slot "dossier" (it sends a
    Panel with place "hoofdstuk" and this as its data): plain, formatted values like the
    rest, printed by `pdf/_hoofdstuk.html` and counted in the fingerprint."""

    kop: str
    inleiding: str
    onderdelen: list[Onderdeel]


@dataclass(frozen=True)
class DossierInhoud:
    """Everything the dossier says about the household (the fingerprinted part)."""

    referentie: str
    naam: str
    huishouden: list[Gegeven]
    leden: list[LidRegel]
    matrix: list[MatrixBlok]
    geschiedenis: list[LidGeschiedenis]
    plan: PlanBlok | None
    versies: list[VersieBlok]
    veiligheid: list[ZorgBlok]
    veiligheid_geschiedenis: list[WijzigingRegel]
    toetsen: list[ToetsBlok]
    maatwerk: list[MaatwerkRegel]
    periode_van: datetime.date
    periode_tot: datetime.date | None = None
    # chapters of higher apps (slot "dossier"), after the maatwerk requests
    hoofdstukken: list[Hoofdstuk] = dataclasses.field(default_factory=list)

    @property
    def nummer_log(self) -> int:
        return 9 + len(self.hoofdstukken)

    @property
    def nummer_over(self) -> int:
        return 10 + len(self.hoofdstukken)

    @property
    def vingerafdruk(self) -> str:
        return vingerafdruk(self)

    @property
    def omvang(self) -> int:
        """A rough count of the blocks the PDF will hold (for the progress estimate)."""
        return (
            len(self.leden)
            + sum(len(d.regels) for g in self.geschiedenis for d in g.domeinen)
            + (sum(1 + len(d.acties) for d in self.plan.doelen) if self.plan else 0)
            + sum(1 + len(v.wijzigingen) for v in self.versies)
            + len(self.veiligheid)
            + 4 * len(self.toetsen)
            + len(self.maatwerk)
            + sum(1 + len(h.onderdelen) for h in self.hoofdstukken)
        )


def vingerafdruk(inhoud: DossierInhoud) -> str:
    """SHA-256 over a canonical JSON form of the content (sorted keys, UTF-8)."""
    data = {"formaat": FORMAAT, **dataclasses.asdict(inhoud)}
    if not data["hoofdstukken"]:
        del data["hoofdstukken"]  # a dossier without them keeps its earlier fingerprint
    canonical = json.dumps(
        data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class LogRegel:
    volgnummer: int
    tijdstip: str
    wie: str
    rol: str
    actie: str
    onderwerp: str
    doel: str
    leden: str
    reden: str
    uitzonderlijk: bool
    methode: str


@dataclass(frozen=True)
class LogBlok:
    regels: list[LogRegel]
    tot_volgnummer: int | None
    laatste_hash: str
    # left out because the requester may not read this household's log
    # (`Toegangslog.can_read`: on screen only its team leads and auditors do)
    weggelaten: bool = False
    # issue 16: the data-sharing log (disclosures outside the team), not fingerprinted
    delingen: tuple[Gegeven, ...] = ()


@dataclass
class DossierMeta:
    """What this copy of the dossier says about itself (not fingerprinted)."""

    gemeente: str
    gemaakt_door: str
    rol: str
    gemaakt_op: datetime.datetime
    doel: str
    toelichting: str
    vingerafdruk: str
    export: int | None = None

    @property
    def vingerafdruk_leesbaar(self) -> str:
        return " ".join(self.vingerafdruk[i : i + 8] for i in range(0, 64, 8))


def render_dossier_html(*, inhoud: DossierInhoud, log: LogBlok, meta: DossierMeta) -> str:
    return render_to_string(
        "pdf/dossier.html",
        {"inhoud": inhoud, "log": log, "meta": meta, "gemeente_naam": settings.GEMEENTE_NAAM},
    )
