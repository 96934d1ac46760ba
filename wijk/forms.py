from __future__ import annotations

from django import forms

from huishoudens.models import Huishouden, Leefdomein
from sociaaldomein.models import Team
from wijk.models import Aanbod, Behoefte, Match, Verhaal
from wijk.selectors import periodes


class WijkbeeldForm(forms.Form):
    """The wijk and period picker; the wijken are those the user may see."""

    wijk = forms.ChoiceField(label="Wijk")
    periode = forms.ChoiceField(label="Periode")

    def __init__(self, data, *, wijken: list[str]):
        super().__init__(data)
        self.fields["wijk"].choices = [(w, w) for w in wijken]
        self.fields["periode"].choices = periodes()
        self.wijken = wijken

    def keuze(self) -> tuple[str, str]:
        """The chosen wijk and period; the first wijk and the last 4 quarters by default."""
        if self.is_valid():
            return self.cleaned_data["wijk"], self.cleaned_data["periode"]
        return self.wijken[0], "4"


class VerhaalForm(forms.ModelForm):
    class Meta:
        model = Verhaal
        fields = ["titel", "tekst", "toestemming_op", "toestemming_van"]
        widgets = {
            "toestemming_op": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "tekst": forms.Textarea(attrs={"rows": 10}),
        }


class AanbodForm(forms.ModelForm):
    prefix = "aanbod"

    class Meta:
        model = Aanbod
        fields = ["soort", "naam", "omschrijving", "leefdomein", "hulpsoort"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"] = forms.ModelChoiceField(
            Team.objects.filter(pk__in=user.team_ids), label="Team (wijk)"
        )
        self.fields["leefdomein"].queryset = Leefdomein.objects.filter(actief=True)


class BehoefteForm(forms.ModelForm):
    prefix = "behoefte"

    class Meta:
        model = Behoefte
        fields = ["huishouden", "omschrijving", "leefdomein", "hulpsoort"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["huishouden"].queryset = (
            Huishouden.objects.editable_by(user)
            .filter(team__in=user.team_ids)
            .exclude(status=Huishouden.Status.AFGESLOTEN)
            .order_by("referentie")
        )
        self.fields["huishouden"].label_from_instance = lambda h: f"{h.referentie} {h.naam}"
        self.fields["leefdomein"].queryset = Leefdomein.objects.filter(actief=True)


class MatchForm(forms.Form):
    aanbod = forms.IntegerField(widget=forms.HiddenInput)
    behoefte = forms.IntegerField(widget=forms.HiddenInput)


class StapForm(forms.Form):
    stap = forms.ChoiceField(choices=list(Match.STAPPEN.items()))
