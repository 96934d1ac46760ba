"""Forms of the omgekeerde toets. They parse and check input (types, lengths, amounts,
NUL bytes); completeness and the step rules live on the model and in `toetsing.services`,
whose errors are put back next to the right field with `apply_errors`.

Both steps are one form each, posted whole (by the autosave on every change, by the
buttons, and without JavaScript by a plain submit), so a draft is always saved as it
stands on screen. Rows (core values, effects, articles) are fields named after their id.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from huishoudens.models import Leefdomein, Lid
from sociaaldomein.forms import TEXTBOX, WIDGET_CLASSES, EuroField, Form
from toetsing.models import Effect, Toets
from toetsing.models.toets import MAX_HORIZON, MAX_TEKST, MAX_TOELICHTING
from toetsing.services import STAP1_VELDEN, STAP2_VELDEN, NieuwEffect

MAX_VERSIE = 2**31 - 1
JA_NEE = [("ja", "Ja"), ("nee", "Nee")]
HUISHOUDEN = "huishouden"


def _ja_nee(value):
    return {"ja": True, "nee": False}.get(value)


class JaNeeField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=JA_NEE,
            coerce=_ja_nee,
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
            **kwargs,
        )

    def prepare_value(self, value):
        if value is True:
            return "ja"
        if value is False:
            return "nee"
        return value


def _tekst(label: str, max_length: int = MAX_TOELICHTING, rows: int = 3, **kwargs):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


def _model_label(name: str) -> str:
    return str(Toets._meta.get_field(name).verbose_name).capitalize()


def _help(name: str) -> str:
    return str(Toets._meta.get_field(name).help_text)


def _nodig_voor_de_stap(field: forms.Field) -> None:
    """Mark a field as needed to complete the step (no "niet verplicht" next to it) while a
    draft may still leave it empty: completeness is checked when the step is concluded."""
    field.required = True
    validate = field.validate

    def validate_when_filled(value):
        if value not in field.empty_values:
            validate(value)

    field.validate = validate_when_filled


class ToetsForm(Form):
    """Shared: the hidden version the user started from (optimistic locking), and the
    NL Design System classes for the row fields added after the form was built."""

    use_required_attribute = False  # drafts may be incomplete; the step checks completeness

    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_VERSIE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["versie"].widget.attrs["id"] = "toets-versie"
        self.sectie_fouten: dict[str, list[str]] = {}

    def style_rows(self) -> None:
        for bound in self:
            css = WIDGET_CLASSES.get(bound.widget_type, TEXTBOX)
            attrs = bound.field.widget.attrs
            if css and css not in attrs.get("class", ""):
                attrs["class"] = f"{attrs.get('class', '')} {css}".strip()


class StartForm(Form):
    vraag = forms.CharField(
        label="Beslisvraag",
        max_length=300,
        help_text=_help("vraag"),
        error_messages={"required": "Beschrijf de beslisvraag."},
    )


# --- step 1 ----------------------------------------------------------------------------------


class Stap1Form(ToetsForm):
    behoefte = _tekst(_model_label("behoefte"), MAX_TEKST, 4, help_text=_help("behoefte"))
    analyse = _tekst(_model_label("analyse"), MAX_TEKST, 4, help_text=_help("analyse"))
    effect_kort = _tekst("Op korte termijn", help_text=_help("effect_kort"))
    effect_lang = _tekst("Op lange termijn", help_text=_help("effect_lang"))
    effect_omgeving = _tekst(_model_label("effect_omgeving"), help_text=_help("effect_omgeving"))
    kosten_oplossing = EuroField(label="Kosten van deze oplossing (euro)", required=False)
    alternatief = forms.CharField(
        label=_model_label("alternatief"),
        max_length=300,
        required=False,
        help_text=_help("alternatief"),
    )
    kosten_alternatief = EuroField(
        label="Geschatte kosten van het alternatief (euro)", required=False
    )
    horizon_maanden = forms.IntegerField(
        label="Over hoeveel maanden",
        required=False,
        min_value=1,
        max_value=MAX_HORIZON,
        help_text=_help("horizon_maanden"),
        error_messages={
            "invalid": "Vul een aantal maanden in, bijvoorbeeld 12.",
            "min_value": "Kies minstens 1 maand.",
            "max_value": f"Kies hoogstens {MAX_HORIZON} maanden (tien jaar).",
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    ethisch_verantwoord = JaNeeField(label="Is de oplossing ethisch verantwoord?")
    ethiek_gelijkheid = _tekst("Gelijke behandeling", help_text=_help("ethiek_gelijkheid"), rows=2)
    ethiek_autonomie = _tekst("Autonomie", help_text=_help("ethiek_autonomie"), rows=2)
    ethiek_evenredigheid = _tekst("Evenredigheid", help_text=_help("ethiek_evenredigheid"), rows=2)
    ethiek_precedent = _tekst("Precedent", help_text=_help("ethiek_precedent"), rows=2)
    is_nodig = JaNeeField(label="Is dit wat nodig is?")
    past_bij_grondwaarden = JaNeeField(label="Past het bij de grondwaarden van de wet?")
    conclusie_toelichting = _tekst("Toelichting op de conclusie")
    reden_beeindiging = _tekst(
        "Bij nee: reden om de toets te beëindigen", help_text=_help("reden_beeindiging")
    )
    # a new effect row
    nieuw_lid = forms.ChoiceField(label="Voor wie", required=False)
    nieuw_leefdomein = forms.ChoiceField(label="Leefdomein", required=False)
    nieuw_verwachting = forms.ChoiceField(
        label="Verwacht effect",
        required=False,
        choices=Effect.Verwachting.choices,
        widget=forms.RadioSelect,
    )
    nieuw_toelichting = _tekst("Toelichting", rows=2)

    def __init__(
        self,
        *args,
        toets: Toets,
        grondwaarden_per_wet: list,
        gekozen: list,
        effecten: list[Effect],
        leden: list[Lid],
        leefdomeinen: list[Leefdomein],
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.toets = toets
        self.effecten = effecten
        self.leefdomein_map = {str(d.pk): d for d in leefdomeinen}
        self.lid_map = {str(lid.pk): lid for lid in leden}
        self.wetten = []
        gekozen_map = {keuze.grondwaarde_id: keuze for keuze in gekozen}
        for wet, waarden in grondwaarden_per_wet:
            rijen = []
            for grondwaarde in waarden:
                naam = f"gw_{grondwaarde.pk}"
                self.fields[naam] = forms.BooleanField(label=grondwaarde.naam, required=False)
                self.fields[f"{naam}_toelichting"] = _tekst(
                    f"Hoe dient de oplossing ‘{grondwaarde.naam}’?", rows=2
                )
                _nodig_voor_de_stap(self.fields[f"{naam}_toelichting"])  # once ticked
                keuze = gekozen_map.get(grondwaarde.pk)
                self.initial[naam] = keuze is not None
                self.initial[f"{naam}_toelichting"] = keuze.toelichting if keuze else ""
                rijen.append((grondwaarde, naam))
            self.wetten.append((wet, rijen))
        for effect in effecten:
            naam = f"effect_{effect.pk}"
            self.fields[f"{naam}_verwachting"] = forms.ChoiceField(
                label=f"Verwacht effect voor {effect.wie} op {effect.leefdomein.naam}",
                required=False,
                choices=Effect.Verwachting.choices,
                widget=forms.RadioSelect,
            )
            self.fields[f"{naam}_toelichting"] = _tekst(
                f"Toelichting ({effect.wie}, {effect.leefdomein.naam})", rows=2
            )
            self.initial[f"{naam}_verwachting"] = effect.verwachting
            self.initial[f"{naam}_toelichting"] = effect.toelichting
        self.fields["nieuw_lid"].choices = [
            ("", "— kies —"),
            (HUISHOUDEN, "Het hele huishouden"),
            *[(str(lid.pk), lid.volledige_naam) for lid in leden],
        ]
        self.fields["nieuw_leefdomein"].choices = [
            ("", "— kies —"),
            *[(str(d.pk), d.naam) for d in leefdomeinen],
        ]
        for name in STAP1_VELDEN:
            self.initial.setdefault(name, getattr(toets, name))
            if name != "reden_beeindiging":
                _nodig_voor_de_stap(self.fields[name])
        for effect in effecten:
            _nodig_voor_de_stap(self.fields[f"effect_{effect.pk}_verwachting"])
            self.fields[f"effect_{effect.pk}_verwachting"].verplicht_label = "verplicht"
            _nodig_voor_de_stap(self.fields[f"effect_{effect.pk}_toelichting"])
            self.fields[
                f"effect_{effect.pk}_toelichting"
            ].verplicht_label = "verplicht bij beter of slechter"
        self.style_rows()
        self.initial.setdefault("versie", toets.versie)

    @property
    def grondwaarde_rijen(self):
        return [
            (wet, [(gw, self[naam], self[f"{naam}_toelichting"]) for gw, naam in rijen])
            for wet, rijen in self.wetten
        ]

    @property
    def effect_rijen(self):
        return [
            (
                effect,
                self[f"effect_{effect.pk}_verwachting"],
                self[f"effect_{effect.pk}_toelichting"],
            )
            for effect in self.effecten
        ]

    # --- parsed values for the service ---

    def velden(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in STAP1_VELDEN}
        for name, value in data.items():
            if value is None and isinstance(self.fields[name], forms.CharField):
                data[name] = ""
        return data

    def grondwaarden(self) -> dict[int, str]:
        return {
            grondwaarde.pk: self.cleaned_data.get(f"{naam}_toelichting", "")
            for _, rijen in self.wetten
            for grondwaarde, naam in rijen
            if self.cleaned_data.get(naam)
        }

    def effect_waarden(self) -> dict[int, tuple[str, str]]:
        return {
            effect.pk: (
                self.cleaned_data.get(f"effect_{effect.pk}_verwachting", ""),
                self.cleaned_data.get(f"effect_{effect.pk}_toelichting", ""),
            )
            for effect in self.effecten
        }

    def nieuw_effect(self) -> NieuwEffect | None:
        """The new effect row, or None with an error on the form."""
        domein = self.leefdomein_map.get(self.cleaned_data.get("nieuw_leefdomein", ""))
        wie = self.cleaned_data.get("nieuw_lid", "")
        if not wie:
            self.add_error("nieuw_lid", "Kies voor wie dit effect geldt.")
        if domein is None:
            self.add_error("nieuw_leefdomein", "Kies een leefdomein.")
        if not wie or domein is None:
            return None
        return NieuwEffect(
            lid=None if wie == HUISHOUDEN else self.lid_map[wie],
            leefdomein=domein,
            verwachting=self.cleaned_data.get("nieuw_verwachting", ""),
            toelichting=self.cleaned_data.get("nieuw_toelichting", ""),
        )

    def concept(self) -> dict:
        """What the draft of step 1 saves (`services.save_stap1`)."""
        return {
            "versie": self.cleaned_data["versie"],
            "velden": self.velden(),
            "grondwaarden": self.grondwaarden(),
            "effecten": self.effect_waarden(),
        }

    def mapping(self) -> dict[str, str]:
        """Domain row keys → form fields, for errors."""
        result = {"nieuw_lid": "nieuw_lid", "nieuw_leefdomein": "nieuw_leefdomein"}
        for _, rijen in self.wetten:
            for grondwaarde, naam in rijen:
                result[f"grondwaarde-{grondwaarde.pk}"] = f"{naam}_toelichting"
        for effect in self.effecten:
            result[f"effect-{effect.pk}"] = f"effect_{effect.pk}_verwachting"
        return result


# --- step 2 ----------------------------------------------------------------------------------


class Stap2Form(ToetsForm):
    uitkomst = forms.ChoiceField(
        label="Past de oplossing binnen de regels, of is het maatwerk?",
        required=False,
        choices=Toets.Uitkomst.choices,
        widget=forms.RadioSelect,
    )
    financiering = forms.ChoiceField(
        label=_model_label("financiering"), required=False, help_text=_help("financiering")
    )
    afwijking_regel = forms.CharField(
        label="Van welke regel of welk beleid wordt afgeweken?",
        max_length=300,
        required=False,
        help_text=_help("afwijking_regel"),
    )
    bijzondere_omstandigheden = _tekst("Welke bijzondere omstandigheden maken de afwijking nodig?")
    evenredigheid_afwijking = _tekst(
        "Waarom is de afwijking evenredig?",
        help_text="Awb art. 4:84: de gevolgen van de regel zouden onevenredig zijn in "
        "verhouding tot de doelen ervan.",
    )
    voorliggend_overwogen = _tekst(
        _model_label("voorliggend_overwogen").capitalize(),
        help_text=_help("voorliggend_overwogen"),
    )
    samenvatting_deelbaar = _tekst(
        "De situatie in algemene termen, deelbaar in het precedentenregister",
        help_text=_help("samenvatting_deelbaar"),
    )
    precedent_id = forms.TypedChoiceField(
        label="Volgt u een eerder besluit?",
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    precedent_afwijking = _tekst(
        "Of: waarom is deze casus anders dan de vergelijkbare besluiten?", rows=3
    )

    def __init__(
        self,
        *args,
        toets: Toets,
        artikelen: list,
        gerelateerd: set[int],
        precedenten: list | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.toets = toets
        self.artikelen = artikelen
        self.precedenten = precedenten or []
        keuzes = {p.pk: p for p in self.precedenten}
        if toets.precedent_id and toets.precedent_id not in keuzes:
            keuzes[toets.precedent_id] = None  # chosen before: stays a valid choice
        self.fields["precedent_id"].choices = [
            ("", "Nee, geen van deze besluiten"),
            *((pk, f"Besluit {pk}") for pk in keuzes),
        ]
        self.fields["financiering"].choices = [
            ("", "— kies —"),
            *Toets._meta.get_field("financiering").choices,
        ]
        for keuze in artikelen:
            naam = f"artikel_{keuze.artikel_id}"
            keuze.gerelateerd = keuze.wet_id in gerelateerd
            self.fields[f"{naam}_motivering"] = _tekst(
                f"Hoe realiseert {keuze.verwijzing_kort} de grondwaarden uit stap 1?",
                max_length=2000,
            )
            self.fields[f"{naam}_reden"] = _tekst(
                f"Waarom een artikel uit de {keuze.wet_afkorting}? (hoort niet bij de gekozen "
                "grondwaarden)",
                rows=2,
            )
            self.initial[f"{naam}_motivering"] = keuze.motivering
            self.initial[f"{naam}_reden"] = keuze.reden_andere_wet
        for name in STAP2_VELDEN:
            self.initial.setdefault(name, getattr(toets, name))
        _nodig_voor_de_stap(self.fields["uitkomst"])
        for keuze in artikelen:
            _nodig_voor_de_stap(self.fields[f"artikel_{keuze.artikel_id}_motivering"])
        self.style_rows()
        self.initial.setdefault("versie", toets.versie)

    @property
    def artikel_rijen(self):
        return [
            (
                keuze,
                self[f"artikel_{keuze.artikel_id}_motivering"],
                self[f"artikel_{keuze.artikel_id}_reden"],
            )
            for keuze in self.artikelen
        ]

    def velden(self) -> dict:
        velden = {name: self.cleaned_data.get(name) or "" for name in STAP2_VELDEN}
        velden["precedent_id"] = self.cleaned_data.get("precedent_id")
        return velden

    def artikel_waarden(self) -> dict[int, tuple[str, str]]:
        return {
            keuze.artikel_id: (
                self.cleaned_data.get(f"artikel_{keuze.artikel_id}_motivering", ""),
                self.cleaned_data.get(f"artikel_{keuze.artikel_id}_reden", ""),
            )
            for keuze in self.artikelen
        }

    def concept(self) -> dict:
        """What the draft of step 2 saves (`services.save_stap2`)."""
        versie = self.cleaned_data["versie"]
        return {"versie": versie, "velden": self.velden(), "artikelen": self.artikel_waarden()}

    def mapping(self) -> dict[str, str]:
        result = {}
        for keuze in self.artikelen:
            result[f"artikel-{keuze.artikel_id}"] = f"artikel_{keuze.artikel_id}_motivering"
            result[f"artikel-{keuze.artikel_id}-reden"] = f"artikel_{keuze.artikel_id}_reden"
        return result


class ToevoegenForm(Form):
    """Add a cited article (the button's value) with, for another law, a reason (the field
    `reden_<id>` next to that article in the search results)."""

    toevoegen = forms.IntegerField(min_value=1, max_value=2**63 - 1)

    def clean(self):
        data = super().clean()
        artikel_id = data.get("toevoegen")
        reden = forms.CharField(max_length=MAX_TOELICHTING, required=False)
        try:
            data["reden"] = reden.clean(self.data.get(f"reden_{artikel_id}", ""))
        except ValidationError as error:
            raise ValidationError({"toevoegen": error.messages}) from None
        return data


class CorrectieForm(Form):
    reden = forms.CharField(
        label="Wat moet er gecorrigeerd worden, en waarom?",
        max_length=MAX_TOELICHTING,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Geef aan wat er gecorrigeerd moet worden, en waarom."},
        help_text="De oude toets blijft bewaard en wordt ‘vervangen’ zodra de correctie is "
        "ingediend of beëindigd.",
    )
