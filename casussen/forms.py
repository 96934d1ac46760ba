"""Forms of the plan. They parse and check input (types, dates, amounts, lengths, NUL
bytes); the rules live on the models and in `casussen.services`, whose ValidationErrors
are put back on the fields with `sociaaldomein.forms.apply_errors`."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.db.models import Q
from django.utils import timezone

from casussen.models import (
    MAX_KOSTEN,
    MAX_TEKST,
    Actie,
    Doel,
    Plan,
    Planversie,
    Termijn,
    Veiligheidszorg,
)
from casussen.services import ACTIE_VELDEN, EIGEN_WOORDEN
from huishoudens.models import Huishouden, Leefdomein, Lid
from sociaaldomein.forms import DatumInput, EuroField, Form, ModelForm
from socialekaart.models import Dienst

MAX_VERSIE = 2**31 - 1


def _datum_veld(model_field: forms.Field) -> None:
    model_field.widget = DatumInput()
    model_field.error_messages["invalid"] = "Vul een geldige datum in (dd-mm-jjjj)."


class VersieMixin:
    """A hidden field with the version the user started from (optimistic locking)."""

    def add_versie(self, versie: int) -> None:
        self.fields["versie"] = forms.IntegerField(
            widget=forms.HiddenInput, min_value=0, max_value=MAX_VERSIE, initial=versie
        )


def _textareas(form: forms.BaseForm, rows: int = 3) -> None:
    for field in form.fields.values():
        if isinstance(field.widget, forms.Textarea):
            field.widget.attrs["rows"] = rows


# --- own words -------------------------------------------------------------------------------


class EigenWoordenForm(VersieMixin, ModelForm):
    class Meta:
        model = Plan
        fields = EIGEN_WOORDEN

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_versie(self.instance.versie)
        _textareas(self)


# --- goals -----------------------------------------------------------------------------------


class DoelForm(VersieMixin, ModelForm):
    class Meta:
        model = Doel
        fields = ["omschrijving", "leefdomeinen", "leden", "heel_huishouden", "status", "evaluatie"]
        widgets = {
            "leefdomeinen": forms.CheckboxSelectMultiple,
            "leden": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, huishouden: Huishouden, nieuw: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leefdomeinen"].queryset = Leefdomein.objects.filter(actief=True).order_by(
            "volgorde"
        )
        self.fields["leefdomeinen"].error_messages["required"] = (
            "Kies minstens één leefdomein waar dit doel over gaat."
        )
        self.fields["leden"].queryset = huishouden.leden.filter(einddatum__isnull=True).order_by(
            "geboortedatum", "id"
        )
        self.fields["leden"].label_from_instance = lambda lid: lid.volledige_naam
        self.fields["omschrijving"].error_messages["required"] = (
            "Beschrijf het doel als resultaat dat het huishouden wil."
        )
        if nieuw:
            del self.fields["status"]
            del self.fields["evaluatie"]
        else:
            self.add_versie(self.instance.versie)
        _textareas(self)


# --- actions ---------------------------------------------------------------------------------


class ActieForm(VersieMixin, ModelForm):
    kosten = EuroField(label="Verwachte kosten (euro)", required=False, max_value=MAX_KOSTEN)

    class Meta:
        model = Actie
        fields = ACTIE_VELDEN

    def __init__(self, *args, huishouden: Huishouden, nieuw: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lid"].queryset = huishouden.leden.filter(einddatum__isnull=True).order_by(
            "geboortedatum", "id"
        )
        self.fields["lid"].label_from_instance = lambda lid: lid.volledige_naam
        self.fields["lid"].empty_label = "— iedereen voor wie het doel is —"
        for name in ("startdatum", "einddatum", "evaluatiedatum"):
            _datum_veld(self.fields[name])
        self.fields["wat"].error_messages["required"] = "Beschrijf wat er gebeurt."
        self.fields["einddatum"].error_messages["required"] = (
            "Vul een einddatum in: zo kort als mogelijk, zo lang als nodig."
        )
        self.fields["evaluatiedatum"].error_messages["required"] = "Vul een evaluatiedatum in."
        self.fields[
            "kosten"
        ].help_text = "Bijvoorbeeld 125,50. Laat leeg of 0 als er geen kosten zijn."
        self.fields["leeftijd_motivering"].widget.attrs["rows"] = 2
        self._dienst_veld()
        if not nieuw:
            self.add_versie(self.instance.versie)

    def _dienst_veld(self) -> None:
        """Active services of the sociale kaart, voorliggend first; the action's own
        service stays a choice when it has been set inactive since (its history)."""
        field = self.fields["dienst"]
        huidig = self.instance.dienst_id
        field.queryset = Dienst.objects.filter(
            Q(status=Dienst.Status.ACTIEF) | Q(pk=huidig or 0)
        ).select_related("organisatie")
        field.label_from_instance = lambda d: (
            f"{d.naam} ({d.organisatie.naam})"
            + (" — voorliggend" if d.voorliggend else "")
            + ("" if d.status == Dienst.Status.ACTIEF else " — niet meer actief")
        )
        field.empty_label = "— geen dienst van de sociale kaart —"
        field.error_messages["invalid_choice"] = (
            "Deze dienst staat niet (meer) actief op de sociale kaart; kies een andere."
        )

    def clean_kosten(self):
        return self.cleaned_data.get("kosten") or Decimal("0.00")


# --- agreement -------------------------------------------------------------------------------


class AkkoordForm(Form):
    UITKOMST = [("akkoord", "Akkoord met het plan"), ("niet_akkoord", "Niet akkoord")]

    uitkomst = forms.ChoiceField(
        label="Wat vindt het huishouden van deze versie?",
        choices=UITKOMST,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies akkoord of niet akkoord."},
    )
    akkoord_datum = forms.DateField(
        label="Datum van het gesprek",
        widget=DatumInput(),
        error_messages={"invalid": "Vul een geldige datum in (dd-mm-jjjj)."},
    )
    wijze = forms.ChoiceField(
        label="Hoe",
        choices=Planversie.Wijze.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies hoe het huishouden zijn akkoord of bezwaar gaf."},
    )
    akkoord_lid = forms.ModelChoiceField(
        label="Namens het huishouden",
        queryset=Lid.objects.none(),
        required=False,
        empty_label="— kies een lid —",
        help_text="Wie gaf akkoord (of niet)? Bij een vertegenwoordiger: vul hieronder de naam in.",
    )
    vertegenwoordiger = forms.CharField(
        label="Naam en rol van de vertegenwoordiger",
        max_length=200,
        required=False,
        help_text="Bijvoorbeeld: mr. J. de Boer, bewindvoerder.",
    )
    zienswijze = forms.CharField(
        label="Zienswijze van het huishouden",
        max_length=MAX_TEKST,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bij niet akkoord verplicht: waarom niet, in hun eigen woorden.",
    )
    reden_onvolledig = forms.CharField(
        label="Waarom nu vaststellen, terwijl de domeinmatrix niet compleet is?",
        max_length=MAX_TEKST,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    gezien_tot = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**63 - 1)

    def __init__(self, *args, huishouden: Huishouden, matrix_compleet: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["akkoord_lid"].queryset = huishouden.leden.filter(
            einddatum__isnull=True
        ).order_by("geboortedatum", "id")
        self.fields["akkoord_lid"].label_from_instance = lambda lid: lid.volledige_naam
        self.fields["akkoord_datum"].initial = timezone.localdate()
        if matrix_compleet:
            del self.fields["reden_onvolledig"]


# --- safety ----------------------------------------------------------------------------------


class VeiligheidForm(ModelForm):
    class Meta:
        model = Veiligheidszorg
        fields = ["omschrijving", "inschatting", "dwangkader", "dwangkader_toelichting"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["omschrijving"].error_messages["required"] = "Beschrijf wat er aan de hand is."
        self.fields["inschatting"].error_messages["required"] = (
            "Geef uw inschatting van de veiligheid."
        )
        _textareas(self)


class OpheffenForm(Form):
    reden = forms.CharField(
        label="Reden van opheffen",
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Geef een reden om de veiligheidszorg op te heffen."},
    )


# --- statutory deadlines ---------------------------------------------------------------------


class TermijnForm(ModelForm):
    class Meta:
        model = Termijn
        fields = ["soort", "gemeld_op", "spoedgrond"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _datum_veld(self.fields["gemeld_op"])
        self.fields["gemeld_op"].initial = timezone.localdate()


class TermijnVoldaanForm(Form):
    voldaan_op = forms.DateField(
        label="Voldaan op",
        widget=DatumInput(),
        error_messages={
            "required": "Vul de datum in waarop aan de termijn is voldaan.",
            "invalid": "Vul een geldige datum in (dd-mm-jjjj).",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["voldaan_op"].initial = timezone.localdate()
