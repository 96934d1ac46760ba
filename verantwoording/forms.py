"""Forms of the accountability screens (Dutch messages next to the field)."""

from __future__ import annotations

import datetime
import hashlib
import re

from django import forms
from django.conf import settings

from huishoudens.models import Huishouden
from sociaaldomein.forms import Form
from sociaaldomein.models import Toegangslog, User

Doel = Toegangslog.Doel
VROEGST = datetime.date(2000, 1, 1)
LAATST = datetime.date(2099, 12, 31)


class DossierForm(Form):
    """Start a dossier export: the purpose is asked, printed on the cover and logged."""

    doel = forms.ChoiceField(
        label="Waarvoor heeft u het dossier nodig?",
        widget=forms.RadioSelect,
        choices=[
            (Doel.VERANTWOORDING, "Verantwoording en controle (audit, accountant)"),
            (Doel.BEZWAAR, "Bezwaar en beroep"),
            (Doel.CASUSREGIE, "Casusregie (overdracht, eigen dossier)"),
        ],
    )
    toelichting = forms.CharField(
        label="Toelichting",
        max_length=300,
        required=False,
        help_text="Bijvoorbeeld het zaaknummer van het bezwaar of de naam van de controle. "
        "Staat op het voorblad en in het toegangslog.",
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doel"].initial = Doel.VERANTWOORDING if user.is_auditor else Doel.CASUSREGIE


HEX = re.compile(r"[^0-9a-f]")


class ControleForm(Form):
    """Check a dossier: upload the PDF, or type the fingerprint from its cover."""

    bestand = forms.FileField(
        label="Het PDF-bestand van het dossier",
        required=False,
        help_text="Het bestand wordt niet bewaard: alleen de SHA-256 ervan wordt vergeleken.",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    vingerafdruk = forms.CharField(
        label="Of: de vingerafdruk van het voorblad",
        max_length=200,
        required=False,
        help_text="64 tekens (0–9 en a–f); spaties mogen.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_vingerafdruk(self) -> str:
        raw = (self.cleaned_data.get("vingerafdruk") or "").strip().lower()
        if not raw:
            return ""
        compact = "".join(raw.split())
        if len(compact) != 64 or HEX.search(compact):
            raise forms.ValidationError(
                "Een vingerafdruk bestaat uit 64 tekens: cijfers en de letters a tot en met f."
            )
        return compact

    def clean_bestand(self):
        bestand = self.cleaned_data.get("bestand")
        if bestand and bestand.size > settings.DOSSIER_UPLOAD_MAX_MB * 1024 * 1024:
            raise forms.ValidationError(
                f"Dit bestand is groter dan {settings.DOSSIER_UPLOAD_MAX_MB} MB; een dossier "
                "uit Eén Plan is veel kleiner."
            )
        return bestand

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("bestand") and not cleaned.get("vingerafdruk"):
            raise forms.ValidationError("Lever het PDF-bestand aan of vul de vingerafdruk in.")
        return cleaned

    def bestand_hash(self) -> str:
        bestand = self.cleaned_data.get("bestand")
        if not bestand:
            return ""
        digest = hashlib.sha256()
        for chunk in bestand.chunks():
            digest.update(chunk)
        return digest.hexdigest()


class DoorbraakForm(Form):
    """Break the glass: the reason first, then an exact identifier. Nothing is looked up
    before the reason is valid, so the form never reveals whether a household exists."""

    reden = forms.CharField(
        label="Reden",
        min_length=settings.DOORBRAAK_MIN_REDEN,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Waarom heeft u dit huishouden nu nodig, buiten uw eigen team? Concreet: "
        "wat is er aan de hand. De teamleider van het team leest dit.",
        error_messages={
            "min_length": "Geef een concrete reden van minstens %(limit_value)d tekens.",
            "required": "Geef eerst een reden.",
        },
    )
    kenmerk = forms.CharField(
        label="Referentie van het huishouden of BSN van een lid",
        max_length=40,
        help_text="Precies, zoals EP-2024-000123 of 9 cijfers. Er wordt niet gezocht op "
        "naam of adres.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": "Vul de referentie of het BSN in."},
    )

    def clean_kenmerk(self) -> str:
        kenmerk = "".join((self.cleaned_data.get("kenmerk") or "").split())
        if not re.fullmatch(r"[A-Za-z0-9-]{3,30}", kenmerk):
            raise forms.ValidationError(
                "Vul een referentie (letters, cijfers en streepjes) of een BSN van 9 cijfers in."
            )
        if kenmerk.isdigit() and len(kenmerk) != 9:
            raise forms.ValidationError("Een BSN heeft 9 cijfers.")
        return kenmerk


def _datumveld(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum in (dd-mm-jjjj)."},
    )


ACTIES = [("", "Alle handelingen"), *Toegangslog.Actie.choices]


class LogFilterForm(Form):
    """Filters of the access log (GET). Every field is optional."""

    actie = forms.ChoiceField(label="Handeling", choices=ACTIES, required=False)
    uitzonderlijk = forms.BooleanField(label="Alleen uitzonderlijke toegang", required=False)

    def clean(self):
        cleaned = super().clean()
        van, tot = cleaned.get("van"), cleaned.get("tot")
        for name in ("van", "tot"):
            value = cleaned.get(name)
            if value and not (VROEGST <= value <= LAATST):
                self.add_error(name, "Kies een datum tussen 2000 en 2099.")
        if van and tot and van > tot and not self.errors:
            self.add_error("tot", "De einddatum ligt voor de begindatum.")
        return cleaned


class GebruikerField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.weergavenaam} ({obj.username})"


class ToegangslogForm(LogFilterForm):
    """The auditor's filters over the whole log: user, household, dates."""

    gebruiker = GebruikerField(
        label="Gebruiker",
        queryset=User.objects.order_by("username"),
        required=False,
        empty_label="Alle gebruikers",
    )
    huishouden = forms.CharField(
        label="Huishouden (referentie)",
        max_length=30,
        required=False,
        help_text="Precies, zoals EP-2024-000123.",
    )
    van = _datumveld("Vanaf")
    tot = _datumveld("Tot en met")

    field_order = ["gebruiker", "huishouden", "van", "tot", "actie", "uitzonderlijk"]

    gevonden_huishouden = None

    def clean_huishouden(self) -> str:
        referentie = "".join((self.cleaned_data.get("huishouden") or "").split())
        if referentie:
            # references are issued in capitals: an exact match on the unique index
            self.gevonden_huishouden = Huishouden.objects.filter(
                referentie=referentie.upper()
            ).first()
            if self.gevonden_huishouden is None:
                raise forms.ValidationError("Er is geen huishouden met deze referentie.")
        return referentie

    def filters(self) -> dict:
        """The keyword arguments of `selectors.log_gefilterd`."""
        data = self.cleaned_data
        return {
            "gebruiker": data["gebruiker"],
            "huishouden": self.gevonden_huishouden,
            "van": data["van"],
            "tot": data["tot"],
            "actie": data["actie"],
            "uitzonderlijk": data["uitzonderlijk"],
        }
