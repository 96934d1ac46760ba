from django import forms
from django.core.exceptions import ValidationError
from django_otp import match_token

from sociaaldomein.forms import StyledFormMixin
from sociaaldomein.tweedefactor import services

FOUT = "Deze code klopt niet of is verlopen. Neem de code die uw app nu toont."


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            max_length=16,
            error_messages={"required": "Vul de code in."},
            widget=forms.TextInput(
                attrs={
                    "autocomplete": "one-time-code",
                    "autocapitalize": "none",
                    "spellcheck": "false",
                    "inputmode": "text",
                }
            ),
            **kwargs,
        )

    def clean(self, value):
        return "".join(super().clean(value).split()).lower()


class CodeForm(StyledFormMixin, forms.Form):
    """The six-digit code of the app, or one of the recovery codes."""

    code = CodeField(
        label="Code", help_text="De zes cijfers uit uw authenticator-app, of een herstelcode."
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.device = match_token(self.user, code)
        if self.device is None:
            raise ValidationError(FOUT)
        return code


class InstelForm(StyledFormMixin, forms.Form):
    """The first code of the app being set up confirms it."""

    code = CodeField(label="Code uit de app", help_text="De zes cijfers die de app nu toont.")

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device
        self.herstelcodes: list[str] = []

    def clean_code(self):
        code = self.cleaned_data["code"]
        codes = services.confirm_app(device=self.device, token=code)
        if codes is None:
            raise ValidationError(FOUT)
        self.herstelcodes = codes
        return code
