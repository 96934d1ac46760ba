"""Forms of Mijn plan and of the staff screens of this app (Dutch messages at the field)."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from casussen.models import MAX_TEKST
from huishoudens.models import Lid, months_ago
from inwoner.models import VOLWASSEN, AvgVerzoek, Inbreng, gronden_voor
from sociaaldomein.forms import Form


class UitnodigenForm(Form):
    lid = forms.ModelChoiceField(
        label="Welk lid nodigt u uit?",
        queryset=Lid.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="Alleen volwassen leden zonder account. U krijgt een brief (PDF) met een "
        "eenmalige code die 14 dagen geldig is; geef of stuur die aan het lid.",
        error_messages={"required": "Kies het lid dat u uitnodigt."},
    )

    def __init__(self, *args, huishouden, **kwargs):
        super().__init__(*args, **kwargs)
        volwassen = months_ago(timezone.localdate(), 12 * VOLWASSEN)
        leden = huishouden.leden.filter(
            einddatum__isnull=True, account__isnull=True, geboortedatum__lte=volwassen
        )
        self.fields["lid"].queryset = leden.order_by("geboortedatum", "id")
        self.fields["lid"].label_from_instance = lambda lid: lid.volledige_naam


class ActiverenForm(Form):
    code = forms.CharField(
        label="Uw activeringscode",
        max_length=20,
        help_text="Staat in de brief van uw contactpersoon, bijvoorbeeld ABCD-EFGH-JKMN.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "characters"}
        ),
        error_messages={"required": "Vul de code uit uw brief in."},
    )
    username = forms.RegexField(
        label="Kies een gebruikersnaam",
        regex=r"^[\w.@+-]{3,150}$",
        max_length=150,
        help_text="Minstens 3 tekens: letters, cijfers en . @ + - _",
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
        error_messages={
            "required": "Kies een gebruikersnaam.",
            "invalid": "Gebruik minstens 3 tekens: letters, cijfers en . @ + - _",
        },
    )
    password1 = forms.CharField(
        label="Kies een wachtwoord",
        help_text="Minstens 12 tekens. Een zin van een paar woorden is goed te onthouden.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Kies een wachtwoord."},
    )
    password2 = forms.CharField(
        label="Herhaal het wachtwoord",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Herhaal het wachtwoord."},
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("password1")
            and data.get("password2")
            and data["password1"] != data["password2"]
        ):
            self.add_error("password2", "De wachtwoorden zijn niet gelijk.")
        return data


class AkkoordForm(Form):
    keuze = forms.ChoiceField(
        label="Gaat u akkoord met deze versie van het plan?",
        widget=forms.RadioSelect,
        choices=[("akkoord", "Ja, ik ga akkoord"), ("niet_akkoord", "Nee, ik ga niet akkoord")],
        error_messages={"required": "Kies of u akkoord gaat."},
    )
    zienswijze = forms.CharField(
        label="Waarom niet? (in uw eigen woorden)",
        required=False,
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen nodig als u niet akkoord gaat.",
    )
    gezien_tot = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def clean(self):
        data = super().clean()
        if data.get("keuze") == "niet_akkoord" and not (data.get("zienswijze") or "").strip():
            self.add_error("zienswijze", "Schrijf op waarom u niet akkoord gaat.")
        return data


class InbrengForm(Form):
    soort = forms.ChoiceField(
        label="Wat wilt u doen?",
        widget=forms.RadioSelect,
        choices=Inbreng.Soort.choices,
        error_messages={"required": "Kies: een opmerking of een voorstel."},
    )
    tekst = forms.CharField(
        label="Uw opmerking of voorstel",
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Bij een voorstel: wat wilt u dat er gebeurt, wie doet het, en wanneer?",
        error_messages={"required": "Schrijf op wat u wilt zeggen of voorstellen."},
    )


class BesluitForm(Form):
    besluit = forms.ChoiceField(
        label="Neemt u dit over in het plan?",
        widget=forms.RadioSelect,
        choices=[("aanvaard", "Ja, overnemen"), ("afgewezen", "Nee, niet overnemen")],
        error_messages={"required": "Kies of u het overneemt."},
    )
    reden = forms.CharField(
        label="Reden (het huishouden leest dit)",
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Geef een reden; het huishouden leest die."},
    )


class AvgVerzoekForm(Form):
    soort = forms.ChoiceField(
        label="Wat vraagt u?",
        widget=forms.RadioSelect,
        choices=AvgVerzoek.Soort.choices,
        error_messages={"required": "Kies wat u vraagt."},
    )
    toelichting = forms.CharField(
        label="Welke gegevens, en wat moet er gebeuren?",
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Schrijf op om welke gegevens het gaat."},
    )


class AvgAntwoordForm(Form):
    status = forms.ChoiceField(
        label="Besluit",
        widget=forms.RadioSelect,
        choices=[c for c in AvgVerzoek.Status.choices if c[0] != AvgVerzoek.Status.OPEN],
        error_messages={"required": "Kies het besluit."},
    )
    antwoord = forms.CharField(
        label="Antwoord met reden (het lid leest dit)",
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Geef een antwoord met de reden."},
    )
    grond = forms.ChoiceField(
        label="Wettelijke grond",
        required=False,
        widget=forms.RadioSelect,
        help_text="Bij wissen en beperken: op grond waarvan u toewijst of afwijst. Het lid ziet "
        "dit, en het staat in het dossier.",
    )

    def __init__(self, *args, verzoek: AvgVerzoek, **kwargs):
        super().__init__(*args, **kwargs)
        self.verzoek = verzoek
        if verzoek.soort == AvgVerzoek.Soort.CORRECTIE:
            del self.fields["grond"]
        else:
            self.fields["grond"].choices = gronden_voor(verzoek.soort)

    def clean_grond(self):
        grond = self.cleaned_data.get("grond", "")
        if not grond:
            raise forms.ValidationError("Kies de wettelijke grond van uw besluit.")
        return grond
