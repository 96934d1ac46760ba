from __future__ import annotations

from django import forms

from huishoudens.models import Leefdomein
from socialekaart.models import Wet


class ZoekForm(forms.Form):
    q = forms.CharField(label="Zoeken", max_length=200, required=False)
    domein = forms.ChoiceField(label="Leefdomein", required=False)
    wijk = forms.ChoiceField(label="Wijk", required=False)
    leeftijd = forms.IntegerField(
        label="Leeftijd",
        required=False,
        min_value=0,
        max_value=120,
        error_messages={
            "invalid": "Vul een leeftijd in jaren in.",
            "min_value": "Een leeftijd kan niet negatief zijn.",
            "max_value": "Vul een leeftijd tot 120 jaar in.",
        },
    )
    wet = forms.ChoiceField(label="Wet of financiering", required=False)
    voorliggend = forms.BooleanField(label="Alleen voorliggende voorzieningen", required=False)

    def __init__(self, *args, wijken: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domein"].choices = [("", "Alle")] + [
            (d.code, d.naam) for d in Leefdomein.objects.filter(actief=True)
        ]
        self.fields["wijk"].choices = [("", "Alle")] + [(w, w) for w in wijken]
        self.fields["wet"].choices = [("", "Alle"), *Wet.choices]

    def clean_q(self) -> str:
        return self.cleaned_data["q"].replace("\x00", "").strip()
