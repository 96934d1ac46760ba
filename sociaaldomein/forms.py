from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.forms import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.functional import cached_property

from sociaaldomein import formhtml
from sociaaldomein.formatting import as_text


class FormRenderer(TemplatesSetting):
    """Every form renders with NL Design System (Utrecht) markup: see components/."""

    form_template_name = "components/form.html"
    field_template_name = "components/field.html"

    def render(self, template_name, context, request=None):
        # Django's widget templates and our field template written out in Python (the
        # same HTML, far cheaper) while they are the templates the code was written from
        if template_name == formhtml.FIELD_TEMPLATE == self.field_template_name:
            if self.field_template_known and isinstance(context.get("field"), BoundField):
                return formhtml.field(context["field"]).strip()  # as BaseRenderer.render
        elif self.djangos_own_widgets:
            html = formhtml.render(template_name, context)
            if html is not None:
                return html
        return super().render(template_name, context, request=request)

    @cached_property
    def djangos_own_widgets(self) -> bool:
        return all(
            formhtml.is_djangos_own(self.get_template(name).template.origin.name)
            for name in formhtml.USED
        )

    @cached_property
    def field_template_known(self) -> bool:
        source = self.get_template(formhtml.FIELD_TEMPLATE).template.source
        return formhtml.is_field_template(source)


WIDGET_CLASSES = {
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radioselect": "",
    "checkboxselectmultiple": "",
    "select": "utrecht-select utrecht-select--html-select",
    "selectmultiple": "utrecht-select utrecht-select--html-select",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"

# The empty choice of a select in Dutch: Django's own ("- Select an option -", "---------")
# is English or a row of dashes.
KIES = "— maak een keuze —"
DJANGO_LEEG = {str(BLANK_CHOICE_LABEL), "- Select an option -", "---------"}


def _dutch_empty_choice(field: forms.Field) -> None:
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label in DJANGO_LEEG:
            field.empty_label = KIES
        return
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
        choices = list(field.choices)
        if choices and choices[0][0] == "" and str(choices[0][1]) in DJANGO_LEEG:
            field.choices = [("", KIES), *choices[1:]]


class StyledFormMixin:
    """Adds the Utrecht classes to widgets, marks invalid fields for assistive tech, and
    gives every select a Dutch empty choice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
            _dutch_empty_choice(field)
        for bound in self:  # type: ignore[attr-defined]
            widget = bound.field.widget
            css = WIDGET_CLASSES.get(bound.widget_type, TEXTBOX)
            if css:
                existing = widget.attrs.get("class", "")
                widget.attrs["class"] = f"{existing} {css}".strip()


# --- fields every app uses -------------------------------------------------------------------

MAX_BEDRAG = Decimal("9999999.99")


class DatumInput(forms.DateInput):
    """A native date picker; the value goes out as ISO, which the browser shows as
    dd-mm-jjjj in a Dutch locale."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class EuroField(forms.DecimalField):
    """An amount in euros as people type it: '12,50', '1.250', '€ 1.250,00' or '12.50'."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 9)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal("0"))
        kwargs.setdefault("max_value", MAX_BEDRAG)
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": "Vul een bedrag in euro's in, bijvoorbeeld 125,50.",
                "min_value": "Kosten kunnen niet negatief zijn.",
                "max_value": "Dat bedrag is te hoog; controleer de kosten.",
                "max_digits": "Dat bedrag is te hoog; controleer de kosten.",
                "max_whole_digits": "Dat bedrag is te hoog; controleer de kosten.",
                "max_decimal_places": "Gebruik hoogstens twee cijfers achter de komma.",
            },
        )
        super().__init__(**kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
            elif value.count(".") > 1 or (
                "." in value and len(value.rsplit(".", 1)[1]) == 3
            ):  # 1.250 is Dutch for twelve hundred and fifty
                value = value.replace(".", "")
            if len(value) > 30:
                raise ValidationError(self.error_messages["max_digits"], code="max_digits")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:.2f}".replace(".", ",")
        return value


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


# --- domain errors and edit conflicts on a form --------------------------------------------


def apply_errors(form: forms.BaseForm, error: ValidationError, mapping: dict | None = None) -> None:
    """Put a domain ValidationError on the form: each message next to its field (through
    `mapping` where the domain names the field differently), the rest above the form.
    A form that shows errors per section as well keeps them in `sectie_fouten`."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for key, errors in error.error_dict.items():
        name = (mapping or {}).get(key, key)
        if name in form.fields and name != NON_FIELD_ERRORS:
            form.add_error(name, errors)
            continue
        sectie_fouten = getattr(form, "sectie_fouten", None)
        if sectie_fouten is not None:
            sectie_fouten.setdefault(key, []).extend(m for e in errors for m in e.messages)
        form.add_error(None, errors)


def conflict_rows(
    form: forms.BaseForm, current: Model, fields: Iterable[str] | None = None
) -> list[tuple[str, str, str]]:
    """(label, what you entered, what is stored now) of every field that differs, for the
    conflict table (components/conflict.html): the user sees the other person's change
    and loses nothing of their own."""
    rows = []
    for name in fields or form.fields:
        field = form.fields.get(name)
        if field is None or isinstance(field.widget, forms.HiddenInput):
            continue
        if name not in form.cleaned_data:
            continue
        mine, theirs = form.cleaned_data[name], getattr(current, name, None)
        if hasattr(theirs, "all"):
            theirs = list(theirs.all())
        if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            labels = dict(field.choices)
            mine = labels.get(mine, mine) if not isinstance(mine, list) else mine
            theirs = labels.get(theirs, theirs) if not isinstance(theirs, list) else theirs
        if as_text(mine) != as_text(theirs):
            rows.append((str(field.label), as_text(mine), as_text(theirs)))
    return rows
