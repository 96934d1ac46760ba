"""Forms for households, members, assessments and shares (Dutch messages next to the
field). Each form can validate one field at a time for htmx (`enable_inline_validation`):
the field posts the whole form on change and gets its own field group back."""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import Exists, OuterRef, StringAgg, Value
from django.utils import timezone

from huishoudens.models import Beoordeling, Huishouden, Lid, Score
from huishoudens.selectors import bsn_melding
from huishoudens.services import HUISHOUDEN_VELDEN, LID_VELDEN
from huishoudens.validators import normalise_postcode, validate_bsn, validate_postcode
from sociaaldomein.forms import TEXTBOX, WIDGET_CLASSES, DatumInput, Form, ModelForm
from sociaaldomein.models import Team, User
from sociaaldomein.roles import Rol

MAX_VERSIE = 2_147_483_647


def date_widget() -> forms.DateInput:
    return DatumInput()


def textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def versie_field() -> forms.IntegerField:
    return forms.IntegerField(
        widget=forms.HiddenInput, min_value=1, max_value=MAX_VERSIE, required=True
    )


class InlineValidationMixin:
    """Each visible field validates itself when it changes (htmx), on the form's own URL.

    The field posts the whole form (cross-field rules need the other values) with
    `?valideer=1`; the view answers with the re-rendered field group only.
    """

    def enable_inline_validation(self, url: str) -> None:
        for bound in self:  # type: ignore[attr-defined]
            if bound.is_hidden:
                continue
            bound.field.widget.attrs.update(
                {
                    "hx-post": f"{url}?valideer=1",
                    "hx-trigger": "change",
                    "hx-target": "closest .utrecht-form-field",
                    "hx-swap": "outerHTML",
                    "hx-include": "closest form",
                    "hx-sync": "this:replace",
                }
            )

    def field_for_html_name(self, html_name: str | None):
        for bound in self:  # type: ignore[attr-defined]
            if bound.html_name == html_name and not bound.is_hidden:
                return bound
        return None


def casusregisseurs(team_ids: list[int]):
    """Professionals and team leads of the given teams (one query for the choices)."""
    roles = User.groups.through.objects.filter(
        user_id=OuterRef("pk"), group__name__in=[Rol.PROFESSIONAL.value, Rol.TEAMLEIDER.value]
    )
    return (
        User.objects.filter(is_active=True, teams__id__in=team_ids)
        .filter(Exists(roles))
        .distinct()
        .order_by("first_name", "last_name", "id")
    )


class CasusregisseurField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.weergavenaam


# --- household -----------------------------------------------------------------------------


class HuishoudenForm(InlineValidationMixin, ModelForm):
    """The data of a household. Creating one also asks for its first member (LidForm)."""

    versie = versie_field()

    class Meta:
        model = Huishouden
        fields = HUISHOUDEN_VELDEN
        field_classes = {"casusregisseur": CasusregisseurField}
        widgets = {"aangemeld_op": date_widget()}
        labels = {"naam": "Naam van het huishouden"}
        help_texts = {
            "naam": "Bijvoorbeeld 'Huishouden Jansen'. Leeg laten: de achternaam van het "
            "eerste lid wordt gebruikt.",
            "postcode": "Vier cijfers en twee letters, bijvoorbeeld 1234 AB.",
            "casusregisseur": "De professional die de ondersteuning coördineert.",
        }

    def __init__(self, *args, user: User, nieuw: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.nieuw = nieuw
        self.user = user
        team_ids = [self.instance.team_id] if self.instance.team_id else user.team_ids
        self.fields["casusregisseur"].queryset = casusregisseurs(team_ids)
        self.fields["casusregisseur"].empty_label = "(nog niemand)"
        self.fields["postcode"].widget.attrs.update({"autocomplete": "postal-code", "size": 8})
        self.fields["huisnummer"].widget.attrs["size"] = 8
        if nieuw:
            del self.fields["versie"]
            self.fields["naam"].required = False
            self.fields["wijk"].required = False
            self.fields["wijk"].help_text = "Leeg laten: de wijk van het team."
            if len(user.team_ids) > 1:
                self.fields["team"] = forms.ModelChoiceField(
                    label="Team",
                    queryset=Team.objects.filter(pk__in=user.team_ids),
                    empty_label=None,
                )
                self.order_fields(["team"])
        else:
            self.fields["versie"].initial = self.instance.versie
            self.fields["aangemeld_op"].disabled = self.instance.status != "aangemeld"
            if self.fields["aangemeld_op"].disabled:
                self.fields["aangemeld_op"].help_text = (
                    "Ligt vast zodra het huishouden actief is: wettelijke termijnen lopen "
                    "vanaf deze dag."
                )

    def clean_postcode(self) -> str:
        postcode = normalise_postcode(self.cleaned_data.get("postcode", ""))
        validate_postcode(postcode)
        return postcode

    def clean(self):
        cleaned = super().clean()
        regisseur = cleaned.get("casusregisseur")
        team = cleaned.get("team")
        if regisseur and team and team.pk not in regisseur.teams.values_list("id", flat=True):
            self.add_error("casusregisseur", "Kies een casusregisseur uit het gekozen team.")
        return cleaned

    def gekozen_team(self) -> Team | None:
        if "team" in self.fields:
            return self.cleaned_data.get("team")
        return Team.objects.filter(pk__in=self.user.team_ids).first()


# --- members -------------------------------------------------------------------------------


class LidForm(InlineValidationMixin, ModelForm):
    # Longer than 9 on purpose: '1234 56 782' is typed like that and cleaned to digits.
    bsn = forms.CharField(
        label="BSN",
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text="9 cijfers. Niet verplicht; alleen als het nodig is voor de ondersteuning.",
    )
    versie = versie_field()
    # Shown (as a checkbox) only when the service finds a member with the same name and
    # date of birth (`huishoudens.services.add_lid`).
    dubbel_bevestigd = forms.BooleanField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Lid
        fields = LID_VELDEN
        widgets = {
            "geboortedatum": date_widget(),
            "lid_sinds": date_widget(),
            "eigen_kracht": textarea(),
        }
        help_texts = {"tussenvoegsel": "Bijvoorbeeld 'van der'."}

    def __init__(self, *args, user: User, huishouden: Huishouden | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.huishouden = huishouden
        if huishouden is not None and not self.instance.huishouden_id:
            self.instance.huishouden = huishouden
        self.fields["telefoon"].widget.attrs["autocomplete"] = "off"
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        if self.instance.pk:
            self.fields["versie"].initial = self.instance.versie
            del self.fields["dubbel_bevestigd"]
        else:
            del self.fields["versie"]
            self.fields["lid_sinds"].required = False
            self.fields["lid_sinds"].help_text = "Leeg laten: vandaag."
            if self.data.get("dubbel_bevestigd") in ("on", "true", "True"):
                self.ask_confirmation()

    def ask_confirmation(self, melding: str = "") -> None:
        """A member with the same name and date of birth is already in the household: show
        the box that confirms this is another person (with the message next to it)."""
        field = self.fields["dubbel_bevestigd"]
        field.widget = forms.CheckboxInput(attrs={"class": WIDGET_CLASSES["checkbox"]})
        field.label = "Ja, dit is een ander persoon met dezelfde naam en geboortedatum"
        self._bound_fields_cache.pop("dubbel_bevestigd", None)
        if melding:
            self.add_error("dubbel_bevestigd", melding)

    def clean_bsn(self) -> str | None:
        raw = self.cleaned_data.get("bsn") or ""
        bsn = "".join(c for c in raw if c not in " .-")
        if not bsn:
            return None
        validate_bsn(bsn)
        melding = bsn_melding(
            bsn,
            user=self.user,
            huishouden=self.huishouden,
            exclude=self.instance.pk,
        )
        if melding:
            raise forms.ValidationError(melding, code="bsn_dubbel")
        return bsn

    def clean_lid_sinds(self) -> datetime.date:
        return self.cleaned_data.get("lid_sinds") or timezone.localdate()


class VertrekForm(Form):
    einddatum = forms.DateField(label="Vertrokken op", widget=date_widget())
    reden_vertrek = forms.CharField(
        label="Reden van vertrek",
        max_length=200,
        help_text="Bijvoorbeeld: verhuisd, uit elkaar, overleden, naar een zorginstelling.",
    )
    versie = versie_field()

    def __init__(self, *args, lid: Lid, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["versie"].initial = lid.versie
        self.fields["einddatum"].initial = timezone.localdate()


class StatusForm(Form):
    """aangemeld → actief → afgesloten (and heropenen), with the date it happened."""

    naar = forms.ChoiceField(
        choices=[
            (Huishouden.Status.ACTIEF, "Actief"),
            (Huishouden.Status.AFGESLOTEN, "Afgesloten"),
        ],
        widget=forms.HiddenInput,
    )
    datum = forms.DateField(label="Datum", widget=date_widget())
    reden = forms.CharField(
        label="Reden van afsluiten", max_length=300, required=False, widget=textarea(2)
    )
    versie = versie_field()

    def __init__(self, *args, huishouden: Huishouden, naar: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["versie"].initial = huishouden.versie
        self.fields["datum"].initial = timezone.localdate()
        if naar:
            self.fields["naar"].initial = naar
        if (naar or self.data.get("naar")) == Huishouden.Status.AFGESLOTEN:
            self.fields["reden"].required = True
        elif huishouden.is_afgesloten:  # heropenen: why the closed case opens again
            self.fields["reden"].required = True
            self.fields["reden"].label = "Reden van heropenen"
            self._bound_fields_cache.pop("reden", None)  # bound before the new label
        else:
            del self.fields["reden"]


# --- assessment ----------------------------------------------------------------------------

NVT = "nvt"
UITKOMSTEN = [(str(score.value), f"{score.value} — {score.label}") for score in Score] + [
    (NVT, "Niet van toepassing")
]


def gevraagd_veld(field: forms.Field, wanneer: str) -> forms.Field:
    """A field asked for only in some cases: labelled "verplicht …" (never "niet
    verplicht"), while the form's clean decides when it must be filled."""
    field.required = True
    field.verplicht_label = f"verplicht {wanneer}"
    validate = field.validate

    def validate_when_filled(value):
        if value not in field.empty_values:
            validate(value)

    field.validate = validate_when_filled
    return field


def vorige_klasse(huidig) -> str:
    """CSS class telling the form which outcome needs no new explanation: with
    `:has()` the explanation field shows only for a 1–2 or a change (no script)."""
    if huidig is None:
        return "geen"
    return NVT if huidig.niet_van_toepassing else str(huidig.score)


class BeoordelingForm(Form):
    use_required_attribute = False  # the explanation's need depends on the chosen score

    uitkomst = forms.ChoiceField(
        label="Score",
        widget=forms.RadioSelect,
        choices=UITKOMSTEN,
        error_messages={"required": "Kies een score van 1 tot en met 5, of 'niet van toepassing'."},
    )
    reden_nvt = gevraagd_veld(
        forms.CharField(label="Waarom niet van toepassing?", max_length=1000, widget=textarea(2)),
        "bij niet van toepassing",
    )
    toelichting = gevraagd_veld(
        forms.CharField(
            label="Toelichting van de professional",
            max_length=2000,
            widget=textarea(),
            help_text="Waarop baseert u de score? Feiten, geen oordelen.",
        ),
        "bij score 1 of 2, of een andere score dan de vorige",
    )
    eigen_visie = forms.CharField(
        label="Hoe ziet het huishouden dit zelf?",
        max_length=2000,
        required=False,
        widget=textarea(),
        help_text="In hun eigen woorden.",
    )
    beoordeeld_op = forms.DateField(label="Beoordeeld op", widget=date_widget())
    vorige = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=2**62
    )

    def __init__(
        self, *args, nvt_reden_voorstel: str = "", vorige: int | None = None, huidig=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.huidig = huidig
        self.nvt_voorstel = nvt_reden_voorstel
        self.fields["beoordeeld_op"].initial = timezone.localdate()
        self.fields["vorige"].initial = vorige
        if nvt_reden_voorstel:
            self.fields["uitkomst"].initial = NVT
            self.fields["reden_nvt"].initial = nvt_reden_voorstel

    @property
    def vorige_klasse(self) -> str:
        return vorige_klasse(self.huidig)

    def clean(self):
        cleaned = super().clean()
        uitkomst = cleaned.get("uitkomst")
        if uitkomst == NVT and not (cleaned.get("reden_nvt") or "").strip():
            self.add_error("reden_nvt", "Geef aan waarom dit leefdomein niet van toepassing is.")
        score = int(uitkomst) if uitkomst and uitkomst != NVT else None
        if (
            Beoordeling.vraagt_toelichting(score=score, vorige=self.huidig)
            and not (cleaned.get("toelichting") or "").strip()
        ):
            self.add_error("toelichting", Beoordeling.toelichting_gevraagd(score))
        return cleaned

    def rebased_on(self, current: Beoordeling) -> BeoordelingForm:
        """The same input, now stating the assessment that was stored meanwhile as the
        one seen: saving again replaces it consciously."""
        data = self.data.copy()
        data["vorige"] = str(current.pk)
        return BeoordelingForm(data, vorige=current.pk, huidig=current)

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        nvt = data["uitkomst"] == NVT
        return {
            "score": None if nvt else int(data["uitkomst"]),
            "niet_van_toepassing": nvt,
            "reden_nvt": data.get("reden_nvt", ""),
            "toelichting": data.get("toelichting", ""),
            "eigen_visie": data.get("eigen_visie", ""),
            "beoordeeld_op": data["beoordeeld_op"],
            "vorige": data.get("vorige"),
        }


class RijBeoordelingForm(Form):
    """A member's whole row at once: a score per domain, a few words where they matter
    (a 1–2, a change, or n.v.t. without an age reason), and one score for every open
    domain left without a choice. Empty keeps a cell as it is."""

    overige = forms.ChoiceField(
        label="Score voor alle open leefdomeinen zonder keuze",
        required=False,
        choices=[("", "Open laten"), *UITKOMSTEN],
    )
    beoordeeld_op = forms.DateField(label="Beoordeeld op", widget=date_widget())

    def __init__(self, *args, cellen: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.cellen = cellen
        self.fields["beoordeeld_op"].initial = timezone.localdate()
        for cel in cellen:
            code = cel.leefdomein.code
            keuze = forms.ChoiceField(
                label=cel.leefdomein.naam,
                required=False,
                choices=[("", "Ongewijzigd" if cel.compleet else "Open"), *UITKOMSTEN],
                widget=forms.Select(attrs={"class": WIDGET_CLASSES["select"]}),
            )
            if cel.nvt_voorgesteld and cel.beoordeling is None:
                keuze.initial = NVT
            self.fields[f"uitkomst_{code}"] = keuze
            self.fields[f"toelichting_{code}"] = forms.CharField(
                label=f"Toelichting bij {cel.leefdomein.naam}",
                required=False,
                max_length=2000,
                widget=forms.TextInput(attrs={"class": TEXTBOX}),
            )

    def rijen(self):
        """(cell, score field, explanation field) per domain, for the table."""
        return [
            (
                cel,
                self[f"uitkomst_{cel.leefdomein.code}"],
                self[f"toelichting_{cel.leefdomein.code}"],
            )
            for cel in self.cellen
        ]

    def clean(self):
        cleaned = super().clean()
        self.uitkomsten = []
        for cel in self.cellen:
            code = cel.leefdomein.code
            keuze = cleaned.get(f"uitkomst_{code}") or (
                "" if cel.compleet else cleaned.get("overige", "")
            )
            if keuze:
                self._uitkomst(cel, keuze, (cleaned.get(f"toelichting_{code}") or "").strip())
        if not self.uitkomsten and not self.errors:
            raise forms.ValidationError("Kies ten minste één score.")
        return cleaned

    def _uitkomst(self, cel, keuze: str, tekst: str) -> None:
        nvt = keuze == NVT
        score = None if nvt else int(keuze)
        veld = f"toelichting_{cel.leefdomein.code}"
        reden = tekst or (
            f"Past niet bij de leeftijd ({cel.lid.leeftijd()} jaar)." if cel.nvt_voorgesteld else ""
        )
        if nvt and not reden:
            self.add_error(veld, "Geef aan waarom dit leefdomein niet van toepassing is.")
        elif Beoordeling.vraagt_toelichting(score=score, vorige=cel.beoordeling) and not tekst:
            self.add_error(veld, Beoordeling.toelichting_gevraagd(score))
        self.uitkomsten.append(
            {
                "leefdomein": cel.leefdomein,
                "score": score,
                "niet_van_toepassing": nvt,
                "reden_nvt": reden if nvt else "",
                "toelichting": "" if nvt else tekst,
            }
        )


# --- sharing -------------------------------------------------------------------------------


class CollegaField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.weergavenaam} ({obj.team_lijst or 'geen team'})"


def collega_buiten_team(huishouden: Huishouden):
    """Active professionals and team leads who are not in the household's team."""
    roles = User.groups.through.objects.filter(
        user_id=OuterRef("pk"), group__name__in=[Rol.PROFESSIONAL.value, Rol.TEAMLEIDER.value]
    )
    in_team = Team.leden.through.objects.filter(user_id=OuterRef("pk"), team_id=huishouden.team_id)
    return (
        User.objects.filter(is_active=True)
        .filter(Exists(roles), ~Exists(in_team))
        .annotate(
            team_lijst=StringAgg("teams__naam", delimiter=Value(", "), distinct=True, default="")
        )
        .order_by("first_name", "last_name", "id")
    )


class DelenForm(Form):
    gebruiker = CollegaField(
        label="Collega van een ander team", queryset=User.objects.none(), empty_label="(kies)"
    )
    recht = forms.ChoiceField(
        label="Mag",
        widget=forms.RadioSelect,
        choices=[("view", "Inzien"), ("change", "Inzien en wijzigen")],
        initial="view",
    )
    geldig_tot = forms.DateField(
        label="Tot en met",
        required=False,
        widget=date_widget(),
        help_text="Leeg laten: tot u het intrekt.",
    )
    reden = forms.CharField(
        label="Reden",
        max_length=500,
        widget=textarea(2),
        help_text="Waarom heeft deze collega toegang nodig? Staat bij elke inzage in het "
        "toegangslog.",
    )

    def __init__(self, *args, huishouden: Huishouden, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebruiker"].queryset = collega_buiten_team(huishouden)

    def clean_geldig_tot(self) -> datetime.datetime | None:
        day = self.cleaned_data.get("geldig_tot")
        if day is None:
            return None
        if day < timezone.localdate():
            raise forms.ValidationError("Deze datum ligt in het verleden.")
        if day > timezone.localdate() + datetime.timedelta(days=5 * 366):
            raise forms.ValidationError("Kies een datum binnen vijf jaar.")
        # until the end of that day, local time
        end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
        return timezone.make_aware(end)
