"""The content of an iWmo/iJw 3.2 allocation message (301, toewijzing).

The XSD of the iStandaarden (WMO301 / JW301) is not published on a package registry, so
it could not be obtained here; the XML below follows the element names of the
informatiemodel (Header, Client, ToegewezenProduct) one to one with our fields and is NOT
validated against the schema. Mapping:

    Header/BerichtCode              414 (WMO301) or 436 (JW301)
    Header/BerichtVersie            3, BerichtSubversie 2
    Header/Afzender                 the municipality (gemeentecode, settings.GEMEENTECODE)
    Header/Ontvanger                the provider (organisation name; AGB code not kept)
    Header/IdentificatieBericht     the referral's kenmerk (VW-<id>)
    Client/Geboortedatum, Naam      the member (no BSN is kept in this application)
    ToegewezenProduct/ToewijzingNummer       toewijzingnummer
    ToegewezenProduct/Product/Categorie|Code productcategorie / productcode
    ToegewezenProduct/ToewijzingIngangsdatum ingangsdatum
    ToegewezenProduct/Einddatum              einddatum
    ToegewezenProduct/RedenWijziging         reden_wijziging
    ToegewezenProduct/ToewijzingDatumTijd    toewijzingsdatum
    ToegewezenProduct/Omvang/Volume|Eenheid|Frequentie

The provider's 305 (start) and 307 (stop) are registered on the referral (`startdatum`,
`stopdatum`, `resultaat`) by the provider's own screen.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement, tostring

from django.conf import settings

from verwijzingen.models import Productcode, Verwijzing

NAMESPACE = {
    Productcode.Wet.WMO: "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema",
    Productcode.Wet.JEUGDWET: "http://www.istandaarden.nl/ijw/3_2/jw301/schema",
}
BERICHTCODE = {Productcode.Wet.WMO: "414", Productcode.Wet.JEUGDWET: "436"}


def _tekst(parent: Element, naam: str, waarde) -> None:
    if waarde not in (None, ""):
        SubElement(parent, naam).text = str(waarde)


def bericht_301(verwijzing: Verwijzing) -> bytes:
    code = Productcode.objects.filter(
        categorie=verwijzing.productcategorie, code=verwijzing.productcode
    ).first()
    wet = code.wet if code else Productcode.Wet.WMO
    root = Element("Bericht", xmlns=NAMESPACE[wet])
    header = SubElement(root, "Header")
    _tekst(header, "BerichtCode", BERICHTCODE[wet])
    _tekst(header, "BerichtVersie", 3)
    _tekst(header, "BerichtSubversie", 2)
    _tekst(header, "Afzender", getattr(settings, "GEMEENTECODE", "0000"))
    _tekst(header, "Ontvanger", verwijzing.dienst.organisatie.naam)
    _tekst(header, "IdentificatieBericht", verwijzing.kenmerk)
    client = SubElement(root, "Client")
    _tekst(client, "Geboortedatum", verwijzing.lid.geboortedatum.isoformat())
    naam = SubElement(client, "Naam")
    _tekst(naam, "Geslachtsnaam", verwijzing.lid.achternaam)
    _tekst(naam, "Voornamen", verwijzing.lid.voornamen)
    product = SubElement(client, "ToegewezenProduct")
    _tekst(product, "ToewijzingNummer", verwijzing.toewijzingnummer)
    soort = SubElement(product, "Product")
    _tekst(soort, "Categorie", verwijzing.productcategorie)
    _tekst(soort, "Code", verwijzing.productcode)
    _tekst(
        product,
        "ToewijzingIngangsdatum",
        verwijzing.ingangsdatum and verwijzing.ingangsdatum.isoformat(),
    )
    _tekst(product, "Einddatum", verwijzing.einddatum and verwijzing.einddatum.isoformat())
    _tekst(product, "RedenWijziging", verwijzing.reden_wijziging)
    _tekst(
        product,
        "ToewijzingDatumTijd",
        verwijzing.toewijzingsdatum and verwijzing.toewijzingsdatum.isoformat(),
    )
    omvang = SubElement(product, "Omvang")
    _tekst(omvang, "Volume", verwijzing.volume)
    _tekst(omvang, "Eenheid", verwijzing.eenheid)
    _tekst(omvang, "Frequentie", verwijzing.frequentie)
    return tostring(root, encoding="utf-8", xml_declaration=True)
