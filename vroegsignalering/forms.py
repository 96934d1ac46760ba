"""Forms of vroegsignalering: upload, import choice, contact attempt, outcome, the
household from a signal, and the monitor's period."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone

from huishoudens.validators import normalise_postcode, validate_bsn, validate_postcode
from sociaaldomein.forms import DatumInput, Form
from sociaaldomein.models import Team
from vroegsignalering.models import (
    Contactsoort,
    Dagdeel,
    Eindresultaat,
    Partnerorganisatie,
    Vroegsignaalzaak,
)

MAX_UPLOAD_MB = 20


class UploadForm(Form):
    partner = forms.ModelChoiceField(
        label="Signaalpartner", queryset=Partnerorganisatie.objects.filter(actief=True)
    )
    team = forms.ModelChoiceField(
        label="Team",
        queryset=Team.objects.none(),
        help_text="Signalen over inwoners zonder huishouden en buiten de wijkindeling komen "
        "in de wachtrij van dit team.",
    )
    bestand = forms.FileField(
        label="CSV-bestand",
        help_text="Eerste regel: de kolomnamen (zie hieronder). Puntkomma, komma of tab.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(pk__in=user.team_ids)
        if len(user.team_ids) == 1:
            self.fields["team"].initial = user.team_ids[0]

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(f"Het bestand is groter dan {MAX_UPLOAD_MB} MB.")
        return bestand


class ImportForm(Form):
    keuze = forms.ChoiceField(
        label="Wat importeren?",
        choices=[
            ("geldig", "Alleen de geldige rijen (zonder fouten en zonder waarschuwingen)"),
            ("alles", "Alle rijen zonder fouten (ook die met een waarschuwing)"),
        ],
        widget=forms.RadioSelect,
        initial="geldig",
    )


class ContactpogingForm(Form):
    soort = forms.ChoiceField(label="Soort contact", choices=Contactsoort.choices)
    datum = forms.DateField(label="Datum", widget=DatumInput, initial=timezone.localdate)
    dagdeel = forms.ChoiceField(label="Dagdeel", choices=Dagdeel.choices)
    bereikt = forms.BooleanField(label="Inwoner bereikt", required=False)
    toelichting = forms.CharField(label="Toelichting", max_length=300, required=False)


class EindresultaatForm(Form):
    eindresultaat = forms.ChoiceField(
        label="Eindresultaat", choices=[("", "Kies…"), *Eindresultaat.choices]
    )


class HuishoudenForm(Form):
    """The resident of the signal as the first member of a new household, prefilled."""

    voornamen = forms.CharField(label="Voornamen", max_length=120)
    tussenvoegsel = forms.CharField(label="Tussenvoegsel", max_length=20, required=False)
    achternaam = forms.CharField(label="Achternaam", max_length=120)
    geboortedatum = forms.DateField(label="Geboortedatum", widget=DatumInput)
    bsn = forms.CharField(label="BSN", max_length=9, required=False, validators=[validate_bsn])
    straat = forms.CharField(label="Straat", max_length=120)
    huisnummer = forms.CharField(label="Huisnummer", max_length=12)
    postcode = forms.CharField(label="Postcode", max_length=7)
    woonplaats = forms.CharField(label="Woonplaats", max_length=80)

    LID = ("voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "bsn")

    @classmethod
    def initial_from(cls, zaak: Vroegsignaalzaak) -> dict:
        return {
            "voornamen": zaak.voorletters,
            "achternaam": zaak.geslachtsnaam,
            "geboortedatum": zaak.geboortedatum,
            "bsn": zaak.bsn,
            "straat": zaak.straat,
            "huisnummer": zaak.huisnummer,
            "postcode": zaak.postcode,
            "woonplaats": zaak.woonplaats,
        }

    def clean_postcode(self):
        postcode = normalise_postcode(self.cleaned_data["postcode"])
        validate_postcode(postcode)
        return postcode

    def gegevens(self) -> tuple[dict, dict]:
        data = self.cleaned_data
        lid = {name: data[name] for name in self.LID}
        lid["bsn"] = lid["bsn"] or None
        lid["relatie"] = "hoofdbewoner"
        adres = {name: data[name] for name in ("straat", "huisnummer", "postcode", "woonplaats")}
        return adres, lid


class PeriodeForm(Form):
    van = forms.DateField(label="Van", widget=DatumInput, required=False)
    tot = forms.DateField(label="Tot en met", widget=DatumInput, required=False)

    def periode(self) -> tuple[datetime.date, datetime.date]:
        vandaag = timezone.localdate()
        standaard = (vandaag.replace(month=1, day=1), vandaag)
        if not self.is_valid():
            return standaard
        van = self.cleaned_data.get("van") or standaard[0]
        tot = self.cleaned_data.get("tot") or standaard[1]
        if tot < van:
            self.add_error("tot", "De einddatum ligt voor de begindatum.")
            return standaard
        return van, tot
