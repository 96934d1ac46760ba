"""Forms of the maatwerk decisions and the precedent register (issue 6)."""

from __future__ import annotations

import functools

from django import forms

from casussen.models import Financiering
from sociaaldomein.forms import StyledFormMixin
from toetsing.models import MaatwerkEscalatie, MaatwerkVerzoek

MAX_REDEN = 2000


class BesluitForm(StyledFormMixin, forms.Form):
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


class AntwoordForm(StyledFormMixin, forms.Form):
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


class MarkeerForm(StyledFormMixin, forms.Form):
    register = forms.ChoiceField(label="Markeren als", choices=MaatwerkVerzoek.Register.choices)


class RegisterZoekForm(StyledFormMixin, forms.Form):
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


# --- the lead's inbox: filters and sorting (issue 14) -------------------------------------

BEDRAGEN = {"tot-500": (None, 500), "500-2500": (500, 2500), "vanaf-2500": (2500, None)}
LEEFTIJDEN = {"week": 7, "maand": 30, "kwartaal": 91}
SORTERINGEN = {
    "nieuwste": ("-aangemaakt_op", "-id"),
    "termijn": ("aangemaakt_op", "id"),  # the decision term runs from the request
    "bedrag": ("-bedrag", "-id"),
}


OPEN_STATUSSEN = [(s, MaatwerkVerzoek.Status(s).label) for s in MaatwerkVerzoek.OPEN]


class InboxFilterForm(StyledFormMixin, forms.Form):
    """Filters of the inbox (GET): what is wrong is ignored, never an error."""

    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Alle open"), *OPEN_STATUSSEN]
    )
    professional = forms.TypedChoiceField(
        label="Professional", required=False, coerce=int, empty_value=None
    )
    financiering = forms.ChoiceField(
        label="Wet", required=False, choices=[("", "Alle"), *Financiering.choices]
    )
    bedrag = forms.ChoiceField(
        label="Bedrag",
        required=False,
        choices=[
            ("", "Alle"),
            ("tot-500", "Tot € 500"),
            ("500-2500", "€ 500 tot € 2.500"),
            ("vanaf-2500", "€ 2.500 of meer"),
        ],
    )
    leeftijd = forms.ChoiceField(
        label="Open sinds",
        required=False,
        choices=[
            ("", "Alle"),
            ("week", "Langer dan een week"),
            ("maand", "Langer dan een maand"),
            ("kwartaal", "Langer dan drie maanden"),
        ],
    )
    sorteer = forms.ChoiceField(
        label="Volgorde",
        required=False,
        choices=[
            ("nieuwste", "Nieuwste eerst"),
            ("termijn", "Termijn eerst (oudste)"),
            ("bedrag", "Hoogste bedrag eerst"),
        ],
    )

    def __init__(self, *args, professionals=(), **kwargs):
        super().__init__(*args, **kwargs)
        # evaluated only when rendered or when a professional is chosen (htmx partial: no query)
        # once at most (the pairs come from a generator over one query)
        self.fields["professional"].choices = functools.cache(
            lambda: [("", "Iedereen"), *professionals]
        )

    def filters(self) -> dict:
        """The valid filters as keyword arguments of `maatwerk_inbox` (invalid: left out)."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "status": data.get("status") or "",
            "professional": data.get("professional"),
            "financiering": data.get("financiering") or "",
            "bedrag": BEDRAGEN.get(data.get("bedrag") or ""),
            "dagen": LEEFTIJDEN.get(data.get("leeftijd") or ""),
            "volgorde": SORTERINGEN[data.get("sorteer") or "nieuwste"],
        }
