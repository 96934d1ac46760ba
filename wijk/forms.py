from __future__ import annotations

from django import forms

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
