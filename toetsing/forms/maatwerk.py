"""Forms of the maatwerk decisions and the precedent register (issue 6)."""

from __future__ import annotations

from django import forms

from casussen.models import Financiering
from toetsing.models import MaatwerkEscalatie, MaatwerkVerzoek

MAX_REDEN = 2000


class BesluitForm(forms.Form):
    actie = forms.ChoiceField(
        label="Besluit",
        choices=[
            ("goedkeuren", "Goedkeuren"),
            ("afwijzen", "Afwijzen"),
            ("vragen", "Meer informatie vragen"),
        ],
        widget=forms.RadioSelect,
    )
    reden = forms.CharField(
        label="Reden (bij een vraag: uw vraag aan de professional)",
        max_length=MAX_REDEN,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="De reden van goedkeuren of afwijzen komt in het precedentenregister, dat "
        "alle professionals lezen: noem geen namen, BSN of adres. Een besluit is definitief.",
    )

    def clean_reden(self) -> str:
        reden = self.cleaned_data["reden"].replace("\x00", "").strip()
        if not reden:
            raise forms.ValidationError("Geef een reden: elk besluit wordt gemotiveerd.")
        return reden


class AntwoordForm(forms.Form):
    antwoord = forms.CharField(
        label="Uw antwoord aan de teamleider",
        max_length=MAX_REDEN,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_antwoord(self) -> str:
        antwoord = self.cleaned_data["antwoord"].replace("\x00", "").strip()
        if not antwoord:
            raise forms.ValidationError("Schrijf uw antwoord.")
        return antwoord


class EscalatieForm(forms.Form):
    grond = forms.ChoiceField(
        label="Waarom kan het team dit niet zelf beslissen?",
        choices=MaatwerkEscalatie.Grond.choices,
        widget=forms.RadioSelect,
    )
    toelichting = forms.CharField(
        label="Toelichting voor het volgende niveau",
        max_length=MAX_REDEN,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EscalatieAntwoordForm(forms.Form):
    uitkomst = forms.TypedChoiceField(
        label="Uitkomst",
        choices=[("ja", "Opgelost: het team kan nu beslissen"), ("nee", "Niet opgelost")],
        coerce=lambda waarde: waarde == "ja",
        widget=forms.RadioSelect,
    )
    antwoord = forms.CharField(
        label="Het antwoord van dit niveau",
        max_length=MAX_REDEN,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MarkeerForm(forms.Form):
    register = forms.ChoiceField(label="Markeren als", choices=MaatwerkVerzoek.Register.choices)


class RegisterZoekForm(forms.Form):
    q = forms.CharField(label="Zoeken in situatie, regel en reden", max_length=200, required=False)
    wet = forms.CharField(label="Wet (afkorting)", max_length=40, required=False)
    domein = forms.CharField(label="Leefdomein", max_length=80, required=False)
    besluit = forms.ChoiceField(
        label="Besluit",
        required=False,
        choices=[("", "Alle"), *MaatwerkVerzoek.Status.choices[2:4]],
    )
    financiering = forms.ChoiceField(
        label="Financiering", required=False, choices=[("", "Alle"), *Financiering.choices]
    )

    def clean(self):
        data = super().clean()
        for key, value in list(data.items()):
            if isinstance(value, str):
                data[key] = value.replace("\x00", "").strip()
        return data
