"""Open Referral HSDS 3 mapping of the sociale kaart: export and row-by-row import.

Field mapping (ours → HSDS 3):
    Organisatie.naam / beschrijving / website / email → organization.name /
        description / website / email; telefoon → organization.phones[0].number
    Dienst.naam / beschrijving / status → service.name / description / status
        ("actief" → "active", "inactief" → "inactive")
    Dienst.voorwaarden → service.eligibility_description
    Dienst.leeftijd_min / leeftijd_max → service.minimum_age / maximum_age
    Dienst.kosten → service.fees_description
    Dienst.aanmelden → service.application_process
    Dienst.email / telefoon / contact_naam → service.email / phones / contacts[0].name
    Dienst.gecontroleerd_op / gecontroleerd_door → service.assured_date / assurer_email
    Locatie.naam / adres / postcode / plaats → location.name / addresses[0]
        (address_1, postal_code, city); Locatie.wijk → location.attributes (taxonomy
        "wijk")
    Dienst.upl_naam, leefdomeinen, wetten, voorliggend → service.attributes with the
        taxonomies "upl", "leefdomein" (ZRM codes), "wet", "voorliggend"

The flat CSV has one row per service with the columns of `KOLOMMEN`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from huishoudens.models import Leefdomein
from socialekaart.models import Dienst, Locatie, Organisatie, Wet

KOLOMMEN = [
    "organization_name",
    "service_name",
    "description",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "fees_description",
    "application_process",
    "status",
    "email",
    "phone",
    "location_name",
    "address_1",
    "postal_code",
    "city",
    "wijk",
    "upl",
    "leefdomein",
    "wet",
    "voorliggend",
    "assured_date",
]
STATUS = {"actief": "active", "inactief": "inactive"}


def _attributes(dienst: Dienst) -> list[dict]:
    attrs = [{"taxonomy": "leefdomein", "value": d.code} for d in dienst.leefdomeinen.all()]
    attrs += [{"taxonomy": "wet", "value": w} for w in dienst.wetten]
    attrs.append({"taxonomy": "voorliggend", "value": "ja" if dienst.voorliggend else "nee"})
    if dienst.upl_naam:
        attrs.append({"taxonomy": "upl", "value": dienst.upl_naam})
    return attrs


def export_json() -> list[dict]:
    """Services as HSDS 3 service objects with their organization and location."""
    qs = Dienst.objects.select_related("organisatie", "locatie", "gecontroleerd_door")
    result = []
    for d in qs.prefetch_related("leefdomeinen").order_by("id"):
        loc = d.locatie
        result.append(
            {
                "id": f"dienst-{d.pk}",
                "name": d.naam,
                "description": d.beschrijving,
                "eligibility_description": d.voorwaarden,
                "minimum_age": d.leeftijd_min,
                "maximum_age": d.leeftijd_max,
                "fees_description": d.kosten,
                "application_process": d.aanmelden,
                "status": STATUS[d.status],
                "email": d.email,
                "phones": [{"number": d.telefoon}] if d.telefoon else [],
                "contacts": [{"name": d.contact_naam}] if d.contact_naam else [],
                "assured_date": d.gecontroleerd_op.isoformat() if d.gecontroleerd_op else None,
                "assurer_email": d.gecontroleerd_door.email if d.gecontroleerd_door else None,
                "organization": {
                    "id": f"organisatie-{d.organisatie_id}",
                    "name": d.organisatie.naam,
                    "description": d.organisatie.beschrijving,
                    "website": d.organisatie.website,
                    "email": d.organisatie.email,
                },
                "service_at_locations": [
                    {
                        "location": {
                            "id": f"locatie-{loc.pk}",
                            "name": loc.naam,
                            "addresses": [
                                {
                                    "address_1": loc.adres,
                                    "postal_code": loc.postcode,
                                    "city": loc.plaats,
                                }
                            ],
                            "attributes": [{"taxonomy": "wijk", "value": loc.wijk}],
                        }
                    }
                ]
                if loc
                else [],
                "attributes": _attributes(d),
            }
        )
    return result


def export_csv() -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=KOLOMMEN)
    writer.writeheader()
    for s in export_json():
        loc = (s["service_at_locations"] or [{}])[0].get("location", {})
        adres = (loc.get("addresses") or [{}])[0]
        attrs = s["attributes"]

        def waarden(taxonomie: str, attrs=attrs) -> str:
            return ";".join(a["value"] for a in attrs if a["taxonomy"] == taxonomie)

        writer.writerow(
            {
                "organization_name": s["organization"]["name"],
                "service_name": s["name"],
                "description": s["description"],
                "eligibility_description": s["eligibility_description"],
                "minimum_age": "" if s["minimum_age"] is None else s["minimum_age"],
                "maximum_age": "" if s["maximum_age"] is None else s["maximum_age"],
                "fees_description": s["fees_description"],
                "application_process": s["application_process"],
                "status": s["status"],
                "email": s["email"],
                "phone": (s["phones"] or [{"number": ""}])[0]["number"],
                "location_name": loc.get("name", ""),
                "address_1": adres.get("address_1", ""),
                "postal_code": adres.get("postal_code", ""),
                "city": adres.get("city", ""),
                "wijk": ";".join(a["value"] for a in loc.get("attributes", [])),
                "upl": waarden("upl"),
                "leefdomein": waarden("leefdomein"),
                "wet": waarden("wet"),
                "voorliggend": waarden("voorliggend"),
                "assured_date": s["assured_date"] or "",
            }
        )
    return out.getvalue()


@dataclass
class Rapport:
    """The import's report: per row what happened, in Dutch."""

    toegevoegd: int = 0
    bijgewerkt: int = 0
    fouten: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        regels = [
            f"{self.toegevoegd} toegevoegd, {self.bijgewerkt} bijgewerkt, "
            f"{len(self.fouten)} rij(en) afgewezen."
        ]
        return "\n".join(regels + self.fouten)


def _leeftijd(waarde: str, naam: str) -> int | None:
    if not (waarde or "").strip():
        return None
    try:
        getal = int(waarde)
    except ValueError:
        raise ValidationError(f"{naam} '{waarde}' is geen getal.") from None
    if not 0 <= getal <= 120:
        raise ValidationError(f"{naam} {getal} ligt niet tussen 0 en 120.")
    return getal


def _rij(rij: dict, domeinen: dict[str, Leefdomein]) -> bool:
    """Import one CSV row (one service); True when it was new."""
    org_naam = (rij.get("organization_name") or "").strip()
    naam = (rij.get("service_name") or "").strip()
    if not org_naam or not naam:
        raise ValidationError("organization_name en service_name zijn verplicht.")
    codes = [c for c in (rij.get("leefdomein") or "").split(";") if c]
    onbekend = [c for c in codes if c not in domeinen]
    if onbekend:
        raise ValidationError(f"onbekend leefdomein: {', '.join(onbekend)}.")
    wetten = [w for w in (rij.get("wet") or "").split(";") if w]
    if any(w not in Wet.values for w in wetten):
        raise ValidationError(f"onbekende wet in '{rij.get('wet')}'.")
    status = {"active": "actief", "inactive": "inactief"}.get(rij.get("status") or "active")
    if status is None:
        raise ValidationError(f"status '{rij.get('status')}' is niet active of inactive.")
    org, _ = Organisatie.objects.get_or_create(naam=org_naam)
    locatie = None
    if (rij.get("location_name") or "").strip():
        locatie, _ = Locatie.objects.get_or_create(
            organisatie=org,
            naam=rij["location_name"].strip(),
            defaults={
                "adres": rij.get("address_1") or "",
                "postcode": (rij.get("postal_code") or "")[:7],
                "plaats": rij.get("city") or "",
                "wijk": (rij.get("wijk") or "Onbekend").strip(),
            },
        )
    dienst = Dienst.objects.filter(organisatie=org, naam=naam).first() or Dienst(
        organisatie=org, naam=naam
    )
    nieuw = dienst.pk is None
    dienst.beschrijving = rij.get("description") or ""
    dienst.voorwaarden = rij.get("eligibility_description") or ""
    dienst.leeftijd_min = _leeftijd(rij.get("minimum_age") or "", "minimum_age")
    dienst.leeftijd_max = _leeftijd(rij.get("maximum_age") or "", "maximum_age")
    dienst.kosten = (rij.get("fees_description") or "")[:300]
    dienst.aanmelden = rij.get("application_process") or ""
    dienst.status = status
    dienst.email = rij.get("email") or ""
    dienst.telefoon = (rij.get("phone") or "")[:40]
    dienst.locatie = locatie
    dienst.upl_naam = (rij.get("upl") or "")[:200]
    dienst.wetten = wetten
    dienst.voorliggend = (rij.get("voorliggend") or "").strip().lower() in ("ja", "true", "1")
    dienst.full_clean(exclude=["leefdomeinen"])
    dienst.save()
    dienst.leefdomeinen.set([domeinen[c] for c in codes])
    return nieuw


# model field → HSDS column, so the report names the column the beheerder can fix
KOLOM_VAN = {
    "naam": "service_name",
    "beschrijving": "description",
    "voorwaarden": "eligibility_description",
    "leeftijd_min": "minimum_age",
    "leeftijd_max": "maximum_age",
    "kosten": "fees_description",
    "aanmelden": "application_process",
    "email": "email",
    "telefoon": "phone",
    "wetten": "wet",
}


def _uitleg(error: ValidationError) -> str:
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    return " ".join(
        f"{KOLOM_VAN.get(veld, veld)}: {' '.join(fouten).rstrip('.')}."
        for veld, fouten in error.message_dict.items()
    )


def import_csv(tekst: str) -> Rapport:
    """Validate and import row by row: a bad row is reported and skipped, the rest land."""
    rapport = Rapport()
    domeinen = {d.code: d for d in Leefdomein.objects.all()}
    reader = csv.DictReader(io.StringIO(tekst))
    ontbreekt = [
        k for k in ("organization_name", "service_name") if k not in (reader.fieldnames or [])
    ]
    if ontbreekt:
        rapport.fouten.append(f"Kolommen ontbreken: {', '.join(ontbreekt)}.")
        return rapport
    for nummer, rij in enumerate(reader, start=2):
        try:
            with transaction.atomic():
                nieuw = _rij(rij, domeinen)
        except ValidationError as error:
            rapport.fouten.append(f"Rij {nummer}: {_uitleg(error)}")
            continue
        if nieuw:
            rapport.toegevoegd += 1
        else:
            rapport.bijgewerkt += 1
    return rapport
