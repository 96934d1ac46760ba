"""Writing and verifying the access log (who looked at whose data, and why).

Views call `log_access` after they have loaded personal data, with the purpose of the
screen; selectors call `log_denied` when a user asks for data they may not see. The
database numbers and chains the entries (see migration 0003_toegangslog_keten).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from django.db import connection
from django.utils import timezone

from sociaaldomein.models import Toegangslog

Actie = Toegangslog.Actie
Doel = Toegangslog.Doel


def log_access(request, *, actie: str, onderwerp: str, **details) -> Toegangslog:
    """An entry for the request's user, page and method; `details` are those of `log_by`
    (huishoudens, leden, object_id, doel, reden, uitzonderlijk)."""
    return log_by(
        request.user,
        pad=request.path,
        methode=request.method or "",
        actie=actie,
        onderwerp=onderwerp,
        **details,
    )


def log_by(
    user,
    *,
    pad: str = "",
    methode: str = "",
    actie: str,
    onderwerp: str,
    huishoudens: Iterable[int] = (),
    leden: Iterable[int] = (),
    object_id: str | int = "",
    doel: str = Doel.CASUSREGIE,
    reden: str = "",
    uitzonderlijk: bool = False,
) -> Toegangslog:
    """An entry for a user where no request is at hand (a form's check, a service)."""
    return Toegangslog.objects.create(
        gebruiker=user if user.is_authenticated else None,
        gebruikersnaam=user.get_username() if user.is_authenticated else "(anoniem)",
        rol=user.rol_label if user.is_authenticated else "",
        team=", ".join(user.team_namen) if user.is_authenticated else "",
        huishoudens=[int(pk) for pk in huishoudens],
        leden=[int(pk) for pk in leden],
        onderwerp=onderwerp,
        object_id=_tekst(object_id, 40),
        actie=actie,
        doel=doel,
        reden=_tekst(reden),
        uitzonderlijk=uitzonderlijk,
        pad=_tekst(pad, 300),
        methode=methode,
    )


def _tekst(value, lengte: int | None = None) -> str:
    """What a request brought in (a URL, an id from a query parameter) as storable text:
    PostgreSQL refuses NUL characters, and the columns have their length."""
    tekst = str(value).replace("\x00", "")
    return tekst[:lengte] if lengte else tekst


def log_denied(request, *, onderwerp: str, huishouden_id: int | None = None, object_id="") -> None:
    """Record an attempt to reach data the user may not see (it answers 403/404)."""
    log_access(
        request,
        actie=Actie.GEWEIGERD,
        onderwerp=onderwerp,
        huishoudens=[huishouden_id] if huishouden_id else [],
        object_id=object_id,
        doel=Doel.CASUSREGIE,
    )


VERIFY_SQL = """
SELECT volgnummer,
       CASE
         WHEN hash <> verwacht AND pseudoniem IS DISTINCT FROM verwacht THEN 'inhoud gewijzigd'
         WHEN vorige_hash <> coalesce(vorige, repeat('0', 64)) THEN 'keten gebroken'
         ELSE 'regel ontbreekt'
       END AS probleem
  FROM (
    SELECT t.volgnummer, t.hash, t.vorige_hash,
           sociaaldomein_toegangslog_hash(t) AS verwacht,
           p.inhoud_hash AS pseudoniem,
           lag(t.hash) OVER (ORDER BY t.volgnummer) AS vorige,
           lag(t.volgnummer) OVER (ORDER BY t.volgnummer) AS vorig_nummer
      FROM sociaaldomein_toegangslog t
      LEFT JOIN sociaaldomein_toegangslogpseudoniem p ON p.volgnummer = t.volgnummer
  ) c
 WHERE (hash <> verwacht AND pseudoniem IS DISTINCT FROM verwacht)
    OR vorige_hash <> coalesce(vorige, repeat('0', 64))
    OR volgnummer <> coalesce(vorig_nummer, 0) + 1
 ORDER BY volgnummer
 LIMIT 100
"""

PSEUDONYMISE_SQL = """
UPDATE sociaaldomein_toegangslog
   SET reden = CASE WHEN reden = '' THEN '' ELSE '[gepseudonimiseerd]' END,
       leden = '{}'
 WHERE huishoudens @> ARRAY[%(pk)s]::bigint[];
INSERT INTO sociaaldomein_toegangslogpseudoniem (volgnummer, inhoud_hash, grond, op)
SELECT t.volgnummer, sociaaldomein_toegangslog_hash(t), %(grond)s, now()
  FROM sociaaldomein_toegangslog t
 WHERE t.huishoudens @> ARRAY[%(pk)s]::bigint[]
ON CONFLICT (volgnummer) DO UPDATE SET inhoud_hash = EXCLUDED.inhoud_hash, op = EXCLUDED.op;
"""


def pseudonymise_entries(*, huishouden_id: int, grond: str) -> None:
    """Pseudonymise the entries about a destroyed household: the free-text reason and
    the member numbers go; the household's number stays (it now points to the minimal
    record of the destruction, which holds no personal data). The row trigger refuses
    UPDATE, so this runs only inside the destruction's transaction with triggers off
    (`archief.vernietiging`); each entry keeps its hash and gets a
    `ToegangslogPseudoniem` row, so the chain, the anchor and `verify_chain` hold."""
    with connection.cursor() as cursor:
        cursor.execute(PSEUDONYMISE_SQL, {"pk": huishouden_id, "grond": grond[:200]})


def verify_chain() -> tuple[int, list[tuple[int, str]], str | None]:
    """Check every entry: (number of entries, problems found, hash of the last entry)."""
    with connection.cursor() as cursor:
        cursor.execute(VERIFY_SQL)
        problems = [(row[0], row[1]) for row in cursor.fetchall()]
        cursor.execute(
            "SELECT count(*), (SELECT hash FROM sociaaldomein_toegangslog "
            "ORDER BY volgnummer DESC LIMIT 1) FROM sociaaldomein_toegangslog"
        )
        count, head = cursor.fetchone()
    return count, problems, head


# --- the anchor outside the database ----------------------------------------------------


def write_anchor(path: Path) -> tuple[int, str] | None:
    """Append the newest entry's number and hash to the anchor file (one line a day, by
    `manage.py toegangslog_anker`): who later removes the newest entries and rebuilds
    nothing is caught by `check_anchor`, even though the chain itself stays valid."""
    laatste = Toegangslog.objects.order_by("-volgnummer").values_list("volgnummer", "hash")
    laatste = laatste.first()
    if laatste is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as anker:
        anker.write(f"{timezone.now().isoformat()} {laatste[0]} {laatste[1]}\n")
    return laatste


def check_anchor(path: Path) -> list[str]:
    """Problems with the anchor: every anchored entry must still be there, with its hash."""
    if not path.exists():
        return []
    punten = {}
    for regel in path.read_text(encoding="utf-8").splitlines():
        delen = regel.split()
        if len(delen) == 3 and delen[1].isdigit():
            punten[int(delen[1])] = (delen[0], delen[2])
    if not punten:
        return []
    gevonden = dict(
        Toegangslog.objects.filter(volgnummer__in=punten).values_list("volgnummer", "hash")
    )
    problemen = []
    for volgnummer, (moment, verwacht) in sorted(punten.items()):
        if volgnummer not in gevonden:
            problemen.append(
                f"anker van {moment}: regel {volgnummer} ontbreekt (regels verwijderd)"
            )
        elif gevonden[volgnummer] != verwacht:
            problemen.append(f"anker van {moment}: regel {volgnummer} heeft een andere hash")
    return problemen
