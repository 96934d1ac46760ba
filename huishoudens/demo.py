"""Demo households, members and assessments, loaded with COPY.

Deterministic: household number i always gets the same people, address and scores, so
`seed_demo` is idempotent (it adds households DEMO-000001 … DEMO-N that do not exist yet)
and a benchmark database is reproducible. The matrices come out complete, partly
complete (missing or outdated domains) and incomplete (just reported), as on a real team.
BSNs come from the 9999xxxxx range and pass the elfproef; they are fictitious.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator

from django.conf import settings
from django.db import connection
from django.utils import timezone

from huishoudens.models import Huishouden, Leefdomein, Lid, age_on, build_zoektekst, months_ago
from huishoudens.validators import is_valid_bsn
from sociaaldomein.demo import DemoContext, copy_rows, reserve_ids, without_fk_triggers

PREFIX = "DEMO-"

ACHTERNAMEN = [
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Smits"),
    ("de", "Graaf"),
    ("van der", "Meer"),
    ("van der", "Linden"),
    ("", "Kok"),
    ("", "Jacobs"),
    ("de", "Haan"),
    ("", "Vermeulen"),
    ("van der", "Heijden"),
    ("", "Schouten"),
    ("van", "Beek"),
    ("", "Willems"),
    ("van", "Vliet"),
    ("", "Hoekstra"),
    ("", "Maas"),
    ("", "Verhoeven"),
    ("", "Koster"),
    ("van", "Dam"),
    ("", "Prins"),
    ("", "Blom"),
    ("", "Huisman"),
    ("", "Kuipers"),
    ("van", "Wijk"),
    ("", "Yılmaz"),
    ("", "El Amrani"),
    ("", "Öztürk"),
    ("", "Bouzid"),
    ("", "Nguyen"),
    ("", "Ramdin"),
    ("", "Kartosen"),
    ("", "Doğan"),
    ("", "Haddou"),
    ("", "Sardjoe"),
    ("", "Mohamud"),
    ("", "Kowalski"),
    ("", "Boateng"),
    ("", "Martina"),
    ("", "Pinas"),
    ("", "Şahin"),
    ("", "Tahiri"),
]
VOORNAMEN_V = [
    "Emma",
    "Sophie",
    "Julia",
    "Anna",
    "Lotte",
    "Fleur",
    "Sara",
    "Noor",
    "Fatima",
    "Yasmina",
    "Maria",
    "Anouk",
    "Iris",
    "Esther",
    "Ayşe",
    "Ingrid",
    "Monique",
    "Priya",
    "Linh",
    "Mila",
    "Nadia",
    "Chantal",
    "Wilma",
    "Gerda",
    "Zeynep",
    "Samira",
    "Eva",
    "Tess",
    "Amira",
    "Roos",
]
VOORNAMEN_M = [
    "Daan",
    "Sem",
    "Lucas",
    "Milan",
    "Levi",
    "Thomas",
    "Jesse",
    "Mohamed",
    "Ahmed",
    "Mehmet",
    "Jan",
    "Pieter",
    "Kees",
    "Henk",
    "Ruud",
    "Marco",
    "Dennis",
    "Rachid",
    "Youssef",
    "Bram",
    "Tim",
    "Stijn",
    "Kofi",
    "Duc",
    "Ravi",
    "Piotr",
    "Noah",
    "Finn",
    "Omar",
    "Gerrit",
]
STRATEN = {
    "Noord": [
        "Vechtstraat",
        "Dijkweg",
        "Kastanjelaan",
        "Zwanenhof",
        "Molenstraat",
        "Esdoornplein",
        "Havenkade",
        "Kerkpad",
        "Rietgors",
        "Lijsterbes",
    ],
    "Zuid": [
        "Zuiderpark",
        "Beatrixlaan",
        "Tulpstraat",
        "Wilgenhof",
        "Stationsweg",
        "Populierendreef",
        "Merelstraat",
        "Bloemhof",
        "Schoolstraat",
        "Sportlaan",
    ],
}
POSTCODES = {"Noord": range(7411, 7419), "Zuid": range(7421, 7429)}
LETTERS = "ABCEGHJKLMNPRTVWXZ"
WOONPLAATS = "Voorbeeldstad"

TOELICHTING = {
    1: [
        "Acute situatie: direct handelen nodig.",
        "Crisis; veiligheid of bestaanszekerheid in gevaar.",
    ],
    2: ["Lukt op dit moment niet zelfstandig; ondersteuning nodig.", "Problemen stapelen zich op."],
    3: [
        "Lukt deels, met hulp van het netwerk.",
        "Kwetsbaar: kleine tegenslag kan problemen geven.",
    ],
    4: ["Lukt zelfstandig, met af en toe steun.", "Stabiel, geen zorgen op dit moment."],
    5: ["Volledig zelfredzaam op dit domein.", "Gaat goed; een bron van kracht voor het gezin."],
}
EIGEN_VISIE = [
    "",
    "",
    "We redden het wel, maar het kost veel energie.",
    "Ik wil dit zelf oplossen.",
    "Hier hebben we echt hulp bij nodig.",
    "Het gaat beter dan vorig jaar.",
    "Mijn zus helpt ons hierbij.",
    "Ik schaam me hiervoor.",
]
EIGEN_KRACHT = [
    "",
    "Goed in koken en voor anderen zorgen.",
    "Handig met de computer.",
    "Sportief, traint het voetbalteam van de buurt.",
    "Doorzetter; geeft niet snel op.",
    "Praat makkelijk met mensen.",
    "Creatief, maakt kleding.",
    "Kan goed met kinderen omgaan.",
    "Zorgt voor de buurvrouw.",
    "",
]

AFSLUITREDENEN = [
    "Doelen bereikt; het huishouden redt het weer zelf.",
    "Verhuisd naar een andere gemeente; dossier overgedragen.",
    "Ondersteuning loopt verder via de huisarts en het netwerk.",
]

SCORE_DELTA = (-1, 0, 0, 1)
HISTORY = (1, 1, 2, 3)
_NVT_REDEN: dict[int, str] = {}


def nvt_reden(age: int) -> str:
    if age not in _NVT_REDEN:
        _NVT_REDEN[age] = f"Past niet bij de leeftijd ({age} jaar)."
    return _NVT_REDEN[age]


def _bsn_candidates(start: int) -> Iterator[str]:
    for number in range(start, 1_000_000_000):
        candidate = f"{number:09d}"
        if is_valid_bsn(candidate):
            yield candidate


class FastRandom(random.Random):
    """random.Random with choice/randint on top of random() (C), several times faster.

    Deterministic per seed like its parent; demo data only, not for anything secret.
    """

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))


def _postcode(rng: random.Random, wijk: str) -> str:
    letters = rng.choice(LETTERS) + rng.choice(LETTERS)
    while letters in {"SA", "SD", "SS"}:
        letters = rng.choice(LETTERS) + rng.choice(LETTERS)
    return f"{rng.choice(POSTCODES[wijk])} {letters}"


def _birth(rng: random.Random, today: datetime.date, min_age: int, max_age: int) -> datetime.date:
    days = rng.randint(min_age * 365 + 1, max_age * 365 + 300)
    return today - datetime.timedelta(days=days)


def _compose(rng: random.Random, today: datetime.date) -> list[dict]:
    """The people of one household: relation, sex, date of birth."""
    kind = rng.random()
    adult1 = {
        "relatie": Lid.Relatie.HOOFDBEWONER,
        "v": rng.random() < 0.6,
        "geboren": _birth(rng, today, 21, 78),
    }
    people = [adult1]
    age1 = age_on(adult1["geboren"], today)
    if kind < 0.25:  # one adult
        pass
    elif kind < 0.50:  # single parent
        adult1["relatie"] = Lid.Relatie.OUDER_VERZORGER
        adult1["geboren"] = _birth(rng, today, 21, 48)
    elif kind < 0.65:  # couple
        people.append(
            {
                "relatie": Lid.Relatie.PARTNER,
                "v": not adult1["v"],
                "geboren": _birth(rng, today, max(19, age1 - 6), min(80, age1 + 6)),
            }
        )
    elif kind < 0.90:  # couple with children
        adult1["relatie"] = Lid.Relatie.OUDER_VERZORGER
        adult1["geboren"] = _birth(rng, today, 24, 50)
        people.append(
            {
                "relatie": Lid.Relatie.OUDER_VERZORGER,
                "v": not adult1["v"],
                "geboren": _birth(rng, today, 24, 52),
            }
        )
    else:  # adult with a parent or other relative
        people.append(
            {
                "relatie": Lid.Relatie.OVERIG,
                "v": rng.random() < 0.5,
                "geboren": _birth(rng, today, 60, 90),
            }
        )
    if 0.25 <= kind < 0.50 or 0.65 <= kind < 0.90:
        youngest_parent = min(age_on(p["geboren"], today) for p in people)
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            max_age = max(0, min(17, youngest_parent - 19))
            people.append(
                {
                    "relatie": Lid.Relatie.KIND,
                    "v": rng.random() < 0.5,
                    "geboren": _birth(rng, today, 0, max_age),
                }
            )
    return people


def seed(ctx: DemoContext) -> None:
    today = ctx.today
    existing = Huishouden.objects.filter(referentie__startswith=PREFIX).count()
    if existing >= ctx.households:
        ctx.counts["huishoudens"] = existing
        return
    numbers = list(range(existing + 1, ctx.households + 1))
    domeinen = list(Leefdomein.objects.filter(actief=True).order_by("volgorde"))
    teams = sorted(ctx.teams.values(), key=lambda team: team.naam)
    max_bsn = (
        Lid.objects.filter(bsn__startswith="9999")
        .order_by("-bsn")
        .values_list("bsn", flat=True)
        .first()
    )
    bsns = _bsn_candidates(int(max_bsn) + 1 if max_bsn else 999_900_000)
    actueel_maanden = settings.LEEFDOMEIN_ACTUEEL_MAANDEN
    window = 30 * actueel_maanden - 10
    today_ord = today.toordinal()
    stale_ord = months_ago(today, actueel_maanden).toordinal()
    domein_info = [(domein.pk, domein.nvt_onder_leeftijd) for domein in domeinen]
    fromordinal = datetime.date.fromordinal
    now = timezone.now()

    hh_ids = list(reserve_ids("huishoudens_huishouden", len(numbers)))
    # at most 5 people and 1 former member per household
    lid_id_pool = iter(reserve_ids("huishoudens_lid", 6 * len(numbers)))
    hh_rows, lid_rows, beoordeling_rows = [], [], []
    leden_per_hh: list[list[tuple]] = []
    for number, hh_id in zip(numbers, hh_ids, strict=True):
        rng = FastRandom(number)
        team = teams[number % len(teams)]
        wijk = team.wijk
        staff = ctx.professionals_of(team)
        tussen, achter = rng.choice(ACHTERNAMEN)
        people = _compose(rng, today)
        status_roll = rng.random()
        if status_roll < 0.2:
            status, gemeld = (
                Huishouden.Status.AANGEMELD,
                today - datetime.timedelta(rng.randint(0, 40)),
            )
            actief_sinds = afgesloten_op = None
            profiel = "onvolledig"
        elif status_roll < 0.85:
            status = Huishouden.Status.ACTIEF
            gemeld = today - datetime.timedelta(rng.randint(20, 3 * 365))
            actief_sinds = gemeld + datetime.timedelta(rng.randint(3, 14))
            afgesloten_op = None
            profiel = "compleet" if rng.random() < 0.6 else "deels"
        else:
            status = Huishouden.Status.AFGESLOTEN
            gemeld = today - datetime.timedelta(rng.randint(400, 3 * 365))
            actief_sinds = gemeld + datetime.timedelta(rng.randint(3, 14))
            afgesloten_op = actief_sinds + datetime.timedelta(rng.randint(90, 360))
            profiel = "verouderd"
        straat = rng.choice(STRATEN[wijk])
        huisnummer = str(rng.randint(1, 240)) + rng.choice(["", "", "", "a", "b"])
        postcode = _postcode(rng, wijk)
        naam = f"Huishouden {f'{tussen} {achter}'.strip()}"
        naam = naam[:1].upper() + naam[1:]
        referentie = f"{PREFIX}{number:06d}"
        regisseur = (
            rng.choice(staff).pk if staff and status != Huishouden.Status.AANGEMELD else None
        )

        lid_ids = [next(lid_id_pool) for _ in range(len(people) + 1)]
        leden = []
        for person, lid_id in zip(people, lid_ids, strict=False):
            voornaam = rng.choice(VOORNAMEN_V if person["v"] else VOORNAMEN_M)
            tweede = rng.choice(VOORNAMEN_V if person["v"] else VOORNAMEN_M)
            voornamen = voornaam if rng.random() < 0.5 else f"{voornaam} {tweede}"
            own_tussen, own_achter = (
                (tussen, achter)
                if person["relatie"] != Lid.Relatie.PARTNER or rng.random() < 0.3
                else rng.choice(ACHTERNAMEN)
            )
            if person["relatie"] == Lid.Relatie.OVERIG and rng.random() < 0.5:
                own_tussen, own_achter = rng.choice(ACHTERNAMEN)
            bsn = next(bsns, None) if rng.random() < 0.25 else None
            is_adult = age_on(person["geboren"], today) >= 18
            leden.append((lid_id, person, voornamen, own_tussen, own_achter))
            lid_rows.append(
                (
                    lid_id,
                    hh_id,
                    voornamen,
                    own_tussen,
                    own_achter,
                    person["geboren"],
                    person["relatie"],
                    bsn,
                    f"06{rng.randint(10_000_000, 99_999_999)}"
                    if is_adult and rng.random() < 0.8
                    else "",
                    "",
                    rng.choice(EIGEN_KRACHT),
                    gemeld,
                    None,
                    "",
                    1,
                    now,
                    now,
                )
            )
        if rng.random() < 0.06 and status == Huishouden.Status.ACTIEF:
            # a member who left: history stays, the matrix does not count them
            lid_id = lid_ids[-1]
            vertrokken = today - datetime.timedelta(rng.randint(10, 200))
            lid_rows.append(
                (
                    lid_id,
                    hh_id,
                    rng.choice(VOORNAMEN_M),
                    "",
                    rng.choice(ACHTERNAMEN)[1],
                    _birth(rng, today, 25, 50),
                    Lid.Relatie.PARTNER,
                    None,
                    "",
                    "",
                    "",
                    min(gemeld, vertrokken),
                    vertrokken,
                    "Verhuisd na scheiding",
                    1,
                    now,
                    now,
                )
            )
        leden_per_hh.append(leden)
        zoektekst = build_zoektekst(
            naam=naam,
            adres=f"{straat} {huisnummer}",
            postcode=postcode,
            woonplaats=WOONPLAATS,
            referentie=referentie,
            namen=[f"{v} {f'{t} {a}'.strip()}" for _, _, v, t, a in leden],
        )
        hh_rows.append(
            (
                hh_id,
                referentie,
                naam,
                straat,
                huisnummer,
                postcode,
                WOONPLAATS,
                wijk,
                team.pk,
                regisseur,
                status,
                gemeld,
                actief_sinds,
                afgesloten_op,
                AFSLUITREDENEN[number % len(AFSLUITREDENEN)] if afgesloten_op else "",
                zoektekst,
                1,
                now,
                now,
            )
        )

        # Assessments: dated snapshots, some with history for a visible trend. The hot
        # loop of the seeder (≈ 34 rows per household): one random draw is sliced into
        # several decisions and dates are day ordinals, to load 100 000 households fast.
        assessors = [user.pk for user in staff] or [next(iter(ctx.users.values())).pk]
        n_assessors = len(assessors)
        rand = rng.random
        risk = rand()
        base_score = 2 + (risk > 0.3) + (risk > 0.7)
        gemeld_ord = gemeld.toordinal()
        closed_ord = afgesloten_op.toordinal() if afgesloten_op else 0
        for lid_id, person, *_ in leden:
            age = age_on(person["geboren"], today)
            for domein_id, nvt_age in domein_info:
                k = int(rand() * 4_503_599_627_370_496)  # 52 random bits
                skip = k & 1023
                k >>= 10
                if profiel == "onvolledig" and skip < 870:
                    continue
                if profiel == "deels" and skip < 307:
                    continue
                if profiel == "verouderd":
                    latest = closed_ord - k % 61
                elif profiel == "deels" and (k >> 30) & 1023 < 307:
                    latest = stale_ord - 5 - k % 196
                else:
                    latest = today_ord - k % window
                latest = max(latest, gemeld_ord)
                k >>= 12
                door = assessors[k % n_assessors]
                k >>= 3
                if nvt_age is not None and age < nvt_age:
                    beoordeling_rows.append(
                        (
                            lid_id,
                            domein_id,
                            None,
                            True,
                            nvt_reden(age),
                            "",
                            "",
                            fromordinal(latest),
                            door,
                            now,
                        )
                    )
                    continue
                score = min(5, max(1, base_score + SCORE_DELTA[k & 3]))
                history = 1 if profiel == "onvolledig" else HISTORY[(k >> 2) & 3]
                k = int(rand() * 4_503_599_627_370_496)
                for step in range(history - 1, -1, -1):
                    when = latest - step * (60 + k % 91)
                    k >>= 7
                    if when < gemeld_ord:
                        continue
                    earlier = max(1, score - step * (k & 1))
                    beoordeling_rows.append(
                        (
                            lid_id,
                            domein_id,
                            earlier,
                            False,
                            "",
                            TOELICHTING[earlier][(k >> 1) & 1],
                            EIGEN_VISIE[(k >> 2) & 7],
                            fromordinal(when),
                            door,
                            now,
                        )
                    )
                    k >>= 5

    with without_fk_triggers():
        copy_rows(
            "huishoudens_huishouden",
            [
                "id",
                "referentie",
                "naam",
                "straat",
                "huisnummer",
                "postcode",
                "woonplaats",
                "wijk",
                "team_id",
                "casusregisseur_id",
                "status",
                "aangemeld_op",
                "actief_sinds",
                "afgesloten_op",
                "reden_afsluiting",
                "zoektekst",
                "versie",
                "aangemaakt_op",
                "gewijzigd_op",
            ],
            hh_rows,
        )
        copy_rows(
            "huishoudens_lid",
            [
                "id",
                "huishouden_id",
                "voornamen",
                "tussenvoegsel",
                "achternaam",
                "geboortedatum",
                "relatie",
                "bsn",
                "telefoon",
                "email",
                "eigen_kracht",
                "lid_sinds",
                "einddatum",
                "reden_vertrek",
                "versie",
                "aangemaakt_op",
                "gewijzigd_op",
            ],
            lid_rows,
        )
        copy_rows(
            "huishoudens_beoordeling",
            [
                "lid_id",
                "leefdomein_id",
                "score",
                "niet_van_toepassing",
                "reden_nvt",
                "toelichting",
                "eigen_visie",
                "beoordeeld_op",
                "beoordeeld_door_id",
                "aangemaakt_op",
            ],
            beoordeling_rows,
        )
    with connection.cursor() as cursor:
        for table in ("huishoudens_huishouden", "huishoudens_lid", "huishoudens_beoordeling"):
            cursor.execute(f"ANALYZE {table}")
    ctx.new_household_ids = hh_ids
    ctx.counts["huishoudens"] = existing + len(hh_rows)
    ctx.counts["leden"] = len(lid_rows)
    ctx.counts["beoordelingen"] = len(beoordeling_rows)
