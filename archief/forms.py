"""Forms of the archive: the Jeugdwet request for early destruction and its decision
(Dutch messages at the field; the rules themselves live on the model and in
archief.verzoeken)."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from archief.models import VernietigingsVerzoek
from huishoudens.forms import date_widget, textarea
from huishoudens.models import Lid
from sociaaldomein.forms import Form


class VerzoekForm(Form):
    jeugdige = forms.ModelChoiceField(
        label="Om wiens jeugdhulp gaat het?",
        queryset=Lid.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Kies het lid om wiens jeugdhulp het gaat."},
    )
    verzoeker = forms.ChoiceField(
        label="Wie vraagt om vernietiging?",
        choices=VernietigingsVerzoek.Verzoeker.choices,
        widget=forms.RadioSelect,
        help_text="Een jeugdige van 12 jaar of ouder vraagt het zelf; voor een jongere "
        "jeugdige vraagt een ouder of de voogd het (Jeugdwet art. 7.3.9).",
        error_messages={"required": "Kies wie om vernietiging vraagt."},
    )
    ontvangen_op = forms.DateField(
        label="Verzoek ontvangen op",
        widget=date_widget(),
        help_text="Het dossier wordt uiterlijk drie maanden later vernietigd.",
        error_messages={
            "required": "Vul de datum van ontvangst in.",
            "invalid": "Vul een geldige datum in, bijvoorbeeld 01-12-2026.",
        },
    )
    toelichting = forms.CharField(
        label="Toelichting", max_length=500, required=False, widget=textarea(3)
    )

    def __init__(self, *args, huishouden, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jeugdige"].queryset = huishouden.leden.order_by("geboortedatum", "id")
        self.fields["jeugdige"].label_from_instance = lambda lid: lid.volledige_naam
        self.initial.setdefault("ontvangen_op", timezone.localdate())


class BesluitForm(Form):
    besluit = forms.ChoiceField(
        label="Besluit",
        choices=[
            ("toewijzen", "Toewijzen: het dossier gaat op een vernietigingslijst"),
            ("afwijzen", "Afwijzen"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies het besluit."},
    )
    grond = forms.ChoiceField(
        label="Grond voor afwijzing",
        choices=[("", "—"), *VernietigingsVerzoek.Grond.choices],
        required=False,
        help_text="Alleen bij afwijzen: de wettelijke grond.",
    )
    motivering = forms.CharField(
        label="Motivering",
        max_length=500,
        required=False,
        widget=textarea(3),
        help_text="Verplicht bij afwijzen; de verzoeker krijgt deze reden.",
    )

    def clean(self):
        data = super().clean()
        if data.get("besluit") == "afwijzen":
            if not data.get("grond"):
                self.add_error("grond", "Kies de wettelijke grond voor de afwijzing.")
            if not (data.get("motivering") or "").strip():
                self.add_error("motivering", "Motiveer de afwijzing (Awb art. 3:46).")
        return data
