"""Forms of the plan. They parse and check input (types, dates, amounts, lengths, NUL
bytes); the rules live on the models and in `casussen.services`, whose ValidationErrors
are put back on the fields with `apply_errors`."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model, QuerySet
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
from casussen.services import EIGEN_WOORDEN, euro
from huishoudens.models import Huishouden, Leefdomein, Lid
from sociaaldomein.forms import Form, ModelForm

MAX_VERSIE = 2**31 - 1


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class EuroField(forms.DecimalField):
    """An amount in euros as people type it: '12,50', '1.250', '€ 1.250,00' or '12.50'."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 9)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal("0"))
        kwargs.setdefault("max_value", MAX_KOSTEN)
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": "Vul een bedrag in euro's in, bijvoorbeeld 125,50.",
                "min_value": "Kosten kunnen niet negatief zijn.",
                "max_value": "Dat bedrag is te hoog; controleer de kosten.",
                "max_digits": "Dat bedrag is te hoog; controleer de kosten.",
                "max_whole_digits": "Dat bedrag is te hoog; controleer de kosten.",
                "max_decimal_places": "Gebruik hoogstens twee cijfers achter de komma.",
            },
        )
        super().__init__(**kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
            elif value.count(".") > 1 or (
                "." in value and len(value.rsplit(".", 1)[1]) == 3
            ):  # 1.250 is Dutch for twelve hundred and fifty
                value = value.replace(".", "")
            if len(value) > 30:
                raise ValidationError(self.error_messages["max_digits"], code="max_digits")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:.2f}".replace(".", ",")
        return value


def _datum_veld(model_field: forms.Field) -> None:
    model_field.widget = DatumInput()
    model_field.error_messages["invalid"] = "Vul een geldige datum in (dd-mm-jjjj)."


def apply_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a domain ValidationError on the form: on its field, or above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            target = name if name in form.fields and name != NON_FIELD_ERRORS else None
            form.add_error(target, errors)
    else:
        form.add_error(None, error)


def _toon(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Decimal):
        return euro(value)
    if isinstance(value, datetime.date):
        return f"{value:%d-%m-%Y}"
    if isinstance(value, QuerySet | list | tuple | set):
        return ", ".join(sorted(str(item) for item in value)) or "—"
    return str(value)


def conflict_rows(form: forms.BaseForm, current: Model) -> list[tuple[str, str, str]]:
    """(label, what you entered, what is stored now) for every field that differs, so the
    user sees the other person's change and loses nothing of their own."""
    rows = []
    for name, field in form.fields.items():
        if isinstance(field.widget, forms.HiddenInput) or name not in form.cleaned_data:
            continue
        mine = form.cleaned_data[name]
        if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            mine = dict(field.choices).get(mine, mine)
        theirs = getattr(current, name, None)
        if hasattr(theirs, "all"):
            theirs = list(theirs.all())
        elif hasattr(current, f"get_{name}_display"):
            theirs = getattr(current, f"get_{name}_display")()
        if _toon(mine) != _toon(theirs):
            rows.append((str(field.label), _toon(mine), _toon(theirs)))
    return rows


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
    kosten = EuroField(label="Verwachte kosten (euro)", required=False)

    class Meta:
        model = Actie
        fields = [
            "wat",
            "lid",
            "uitvoerder",
            "uitvoerder_naam",
            "wet",
            "startdatum",
            "einddatum",
            "evaluatiedatum",
            "kosten",
            "status",
            "leeftijd_motivering",
        ]

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
        if not nieuw:
            self.add_versie(self.instance.versie)

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
