from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Every form renders with NL Design System (Utrecht) markup: see components/."""

    form_template_name = "components/form.html"
    field_template_name = "components/field.html"


WIDGET_CLASSES = {
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radioselect": "",
    "checkboxselectmultiple": "",
    "select": "utrecht-select utrecht-select--html-select",
    "selectmultiple": "utrecht-select utrecht-select--html-select",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


class StyledFormMixin:
    """Adds the Utrecht classes to widgets and marks invalid fields for assistive tech."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for bound in self:  # type: ignore[attr-defined]
            widget = bound.field.widget
            css = WIDGET_CLASSES.get(bound.widget_type, TEXTBOX)
            if css:
                existing = widget.attrs.get("class", "")
                widget.attrs["class"] = f"{existing} {css}".strip()


class Form(StyledFormMixin, forms.Form):
    pass


class ModelForm(StyledFormMixin, forms.ModelForm):
    pass


class LoginForm(StyledFormMixin, AuthenticationForm):
    """Django's login form with Dutch messages and the right autocomplete hints."""

    error_messages = {
        "invalid_login": "Gebruikersnaam of wachtwoord klopt niet. Let op hoofdletters.",
        "inactive": "Dit account is niet actief. Neem contact op met de functioneel beheerder.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Gebruikersnaam"
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        )
        self.fields["password"].label = "Wachtwoord"
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password"}
        )
