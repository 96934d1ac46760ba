"""Forms of referrals: the professional's referral with consent (or override) and
allocation; the provider's answer, start, stop and progress report."""

from __future__ import annotations

from django import forms
from django.urls import reverse
from django.utils import timezone

from sociaaldomein.forms import apply_errors
from socialekaart.models import Dienst
from verwijzingen.models import Grondslag, Productcode, Resultaat, Verwijzing
from verwijzingen.models.verwijzing import Gegeven

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TOEWIJZING_VELDEN = [
    "toewijzingnummer",
    "productcategorie",
    "productcode",
    "volume",
    "eenheid",
    "frequentie",
    "toewijzingsdatum",
    "ingangsdatum",
    "einddatum",
    "reden_wijziging",
]


SELECT = "utrecht-select utrecht-select--html-select"


class Codelijst:
    """The iWmo/iJw code list as the choices of two selects, read in one query: the
    categories grouped per law, and the codes grouped per category (an <optgroup> each),
    all of them or those of one category."""

    def __init__(self):
        self.codes = list(Productcode.objects.order_by("wet", "categorie", "code"))

    def categorieen(self) -> list:
        per_wet: dict[str, dict[str, str]] = {}
        for code in self.codes:
            wet = per_wet.setdefault(code.get_wet_display(), {})
            wet[code.categorie] = f"{code.categorie} {code.categorie_naam}"
        return [("", "— kies een categorie —")] + [
            (wet, list(categorieen.items())) for wet, categorieen in per_wet.items()
        ]

    def heeft_categorie(self, categorie: str) -> bool:
        return any(code.categorie == categorie for code in self.codes)

    def codes_per_categorie(self, categorie: str = "") -> list:
        groepen: dict[str, list] = {}
        for code in self.codes:
            if categorie and code.categorie != categorie:
                continue
            groep = groepen.setdefault(f"{code.categorie} {code.categorie_naam}", [])
            groep.append((code.code, f"{code.code} {code.omschrijving}"))
        return [("", "— kies een productcode —"), *groepen.items()]

    def productcode_veld(self, categorie: str = "") -> forms.ChoiceField:
        return forms.ChoiceField(
            label="Productcode",
            choices=self.codes_per_categorie(categorie),
            required=False,
            help_text="De codes staan per productcategorie; alleen een code van de gekozen "
            "categorie past.",
            widget=forms.Select(attrs={"class": SELECT}),
        )


class ProductcodeForm(forms.Form):
    """The productcode select of the referral form for one chosen category (the htmx
    partial that follows the category select); an unknown category shows every code."""

    def __init__(self, *, categorie: str, productcode: str):
        super().__init__()
        codelijst = Codelijst()
        if not codelijst.heeft_categorie(categorie):
            categorie = ""
        self.fields["productcode"] = codelijst.productcode_veld(categorie)
        past = any(productcode == c.code for c in codelijst.codes if categorie in ("", c.categorie))
        self.fields["productcode"].initial = productcode if past else ""


class VerwijzingForm(forms.ModelForm):
    """Refer an action to a service. Toestemming: the member's consent, recorded here,
    or — only when a legal ground applies — the ground and the reason."""

    GRONDSLAG_KEUZE = [
        ("toestemming", "Met toestemming"),
        ("grondslag", "Zonder toestemming, op wettelijke grond"),
    ]

    basis = forms.ChoiceField(
        label="Toestemming",
        choices=GRONDSLAG_KEUZE,
        widget=forms.RadioSelect,
        initial="toestemming",
    )
    gegeven_door = forms.CharField(
        label="Toestemming gegeven door",
        max_length=200,
        required=False,
        help_text="Het lid zelf, of de ouder of wettelijk vertegenwoordiger.",
    )
    vertegenwoordiger = forms.BooleanField(
        label="Door een wettelijk vertegenwoordiger", required=False
    )
    gegeven_op = forms.DateField(label="Toestemming gegeven op", required=False, widget=DATUM)
    gegevens = forms.MultipleChoiceField(
        label="Welke gegevens mag de aanbieder zien",
        choices=Gegeven.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        initial=["naam", "geboortedatum", "actie", "contactpersoon"],
    )

    class Meta:
        model = Verwijzing
        fields = [
            "dienst",
            "lid",
            "toelichting",
            "grondslag",
            "grondslag_reden",
            *TOEWIJZING_VELDEN,
        ]
        widgets = {
            "toewijzingsdatum": DATUM,
            "ingangsdatum": DATUM,
            "einddatum": DATUM,
            "toelichting": forms.Textarea(attrs={"rows": 3}),
            "grondslag_reden": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, actie, **kwargs):
        super().__init__(*args, **kwargs)
        self.actie = actie
        self.fields["dienst"].queryset = Dienst.objects.actief().select_related("organisatie")
        self.fields["dienst"].label = "Voorziening (sociale kaart)"
        leden = actie.doel.plan.huishouden.leden.filter(einddatum__isnull=True)
        self.fields["lid"].queryset = leden
        self.fields["lid"].initial = actie.lid_id
        self.fields["gegeven_op"].initial = timezone.localdate()
        self.fields["grondslag"].choices = [("", "—"), *Grondslag.choices]
        self._codelijst_velden(Codelijst())

    def _codelijst_velden(self, codelijst: Codelijst) -> None:
        """Productcategorie and productcode as selects from the code list; choosing a
        category swaps in the codes of that category (htmx), without JavaScript the codes
        stand grouped per category and the pair is checked on saving."""
        self.fields["productcategorie"] = forms.ChoiceField(
            label="Productcategorie",
            choices=codelijst.categorieen(),
            required=False,
            widget=forms.Select(
                attrs={
                    "class": SELECT,
                    "hx-get": reverse("verwijzingen:productcodes"),
                    "hx-trigger": "change",
                    "hx-include": "#id_productcode",
                    "hx-target": "#id_productcode-veld",
                    "hx-swap": "outerHTML",
                    "aria-controls": "id_productcode",
                }
            ),
        )
        self.fields["productcode"] = codelijst.productcode_veld()

    def clean(self):
        data = super().clean()
        if data.get("basis") == "toestemming":
            if not (data.get("gegeven_door") or "").strip():
                self.add_error("gegeven_door", "Vul in wie de toestemming gaf.")
            if not data.get("gegeven_op"):
                self.add_error("gegeven_op", "Vul in wanneer de toestemming is gegeven.")
            elif data["gegeven_op"] > timezone.localdate():
                self.add_error("gegeven_op", "De datum van de toestemming ligt in de toekomst.")
            if not data.get("gegevens"):
                self.add_error("gegevens", "Kies welke gegevens de aanbieder mag zien.")
        else:
            if not data.get("grondslag"):
                self.add_error("grondslag", "Kies de wettelijke grondslag.")
            if not (data.get("grondslag_reden") or "").strip():
                self.add_error(
                    "grondslag_reden", "Geef de reden om zonder toestemming te verwijzen."
                )
        return data

    def _post_clean(self):
        # The referral's own rules run in the service (with the consent it records);
        # only the allocation's code list check runs here, for a message next to its field.
        pass

    def toestemming_data(self) -> dict | None:
        data = self.cleaned_data
        if data["basis"] != "toestemming":
            return None
        return {
            "gegevens": data["gegevens"],
            "gegeven_door": data["gegeven_door"],
            "gegeven_op": data["gegeven_op"],
            "vertegenwoordiger": data["vertegenwoordiger"],
        }

    def toewijzing_data(self) -> dict:
        return {
            veld: self.cleaned_data.get(veld)
            for veld in TOEWIJZING_VELDEN
            if veld in self.cleaned_data
        }

    def apply(self, error) -> None:
        apply_errors(self, error)


class AntwoordForm(forms.Form):
    antwoord = forms.ChoiceField(
        label="Antwoord",
        choices=[("accepteren", "Accepteren"), ("afwijzen", "Afwijzen")],
        widget=forms.RadioSelect,
    )
    reden = forms.CharField(
        label="Reden van afwijzing", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class StartForm(forms.Form):
    datum = forms.DateField(label="Gestart op", widget=DATUM, initial=timezone.localdate)


class StopForm(forms.Form):
    datum = forms.DateField(label="Gestopt op", widget=DATUM, initial=timezone.localdate)
    resultaat = forms.ChoiceField(label="Resultaat", choices=Resultaat.choices)
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class VoortgangForm(forms.Form):
    tekst = forms.CharField(
        label="Voortgang", max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class VerlengForm(forms.Form):
    einddatum = forms.DateField(
        label="Verlengen tot",
        widget=DATUM,
        error_messages={"required": "Kies de nieuwe einddatum.", "invalid": "Vul een datum in."},
    )
