"""The widgets and the field written out in Python (sociaaldomein.formhtml) give the same
HTML, byte for byte, as Django's widget templates and components/field.html: every widget
type, with values that need escaping, safe strings, boolean and numeric attributes, empty
values, option groups; fields with and without errors, help text, a fieldset, a required
label; every field of both toets steps (tests/toetsing/test_formulier_html.py)."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.forms.renderers import TemplatesSetting
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from sociaaldomein import formhtml
from sociaaldomein.forms import FormRenderer

KEUZES = [("", "— kies —"), ("a", "A & <b>"), (1, "Eén"), ("c", mark_safe("<i>veilig</i>"))]
GROEPEN = [("Groep <1>", [("x", "X"), ("y", "Y")]), ("z", "Z")]
ATTRS = [
    {},
    {"id": "id_veld", "class": "utrecht-textbox"},
    {"id": "id_veld", "disabled": True, "readonly": False, "data-x": '"quote" & <tag>'},
    {"id": "", "aria-describedby": mark_safe("a&amp;b"), "maxlength": 300, "step": Decimal("0.01")},
]
WIDGETS = [
    (forms.TextInput, ["", None, "tekst <script>&\"'", mark_safe("<b>"), 12, Decimal("1.50")]),
    (forms.NumberInput, [None, 0, 12, Decimal("3.25"), "12"]),
    (forms.EmailInput, ["a@b.nl", None]),
    (forms.URLInput, ["https://x.nl/?a=1&b=2"]),
    (forms.PasswordInput, ["geheim"]),
    (forms.HiddenInput, [None, 7, 'x"y']),
    (forms.DateInput, [None, datetime.date(2026, 12, 1), "01-12-2026"]),
    (forms.TimeInput, [datetime.time(9, 30)]),
    (forms.DateTimeInput, [datetime.datetime(2026, 12, 1, 9, 30)]),
    (forms.SearchInput, ["zoek"]),
    (forms.TelInput, ["06-12345678"]),
    (forms.ColorInput, ["#ffffff"]),
    (forms.Textarea, [None, "", 'regel 1\nregel <2> & "3"', mark_safe("<b>veilig</b>"), 0]),
    (forms.CheckboxInput, [None, True, False, "", "ja", "on"]),
]
KEUZE_WIDGETS = [forms.Select, forms.RadioSelect, forms.CheckboxSelectMultiple]


def _both(widget, name, value, attrs):
    fast = widget.render(name, value, attrs=attrs, renderer=FormRenderer())
    slow = widget.render(name, value, attrs=attrs, renderer=TemplatesSetting())
    return fast, slow


def test_the_renderer_uses_python_for_djangos_own_templates():
    assert FormRenderer().djangos_own_widgets
    assert FormRenderer().field_template_known, (
        "components/field.html changed: bring sociaaldomein.formhtml.field in line with it "
        "and update FIELD_TEMPLATE_SHA256 (until then the engine renders the template)"
    )
    assert formhtml.render("components/field.html", {"widget": {}}) is None


@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize(("cls", "values"), WIDGETS)
def test_inputs_and_textarea_as_the_templates(cls, values, attrs):
    for value in values:
        for widget in (cls(), cls(attrs={"class": "eigen", "rows": 3})):
            fast, slow = _both(widget, "veld<naam>", value, attrs)
            assert fast == slow, (cls, value, attrs)


@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize("cls", KEUZE_WIDGETS)
@pytest.mark.parametrize("choices", [KEUZES, GROEPEN, []])
def test_choice_widgets_as_the_templates(cls, choices, attrs):
    for value in (None, "", "a", 1, "1", ["a", "c"], "x", ["y", "z"]):
        widget = cls(choices=choices)
        fast, slow = _both(widget, "keuze", value, attrs)
        assert fast == slow, (cls, value, attrs)


def test_a_bound_form_renders_as_the_templates():
    class Voorbeeld(forms.Form):
        naam = forms.CharField(max_length=10, help_text="Hulp")
        tekst = forms.CharField(widget=forms.Textarea)
        ja = forms.BooleanField(required=False)
        keuze = forms.ChoiceField(choices=KEUZES, widget=forms.RadioSelect)
        lijst = forms.ChoiceField(choices=KEUZES)
        datum = forms.DateField()
        bedrag = forms.DecimalField(decimal_places=2)

    data = {"naam": "<x>", "tekst": "a&b", "ja": "on", "keuze": "a", "lijst": "1", "bedrag": "x"}
    for form in (Voorbeeld(), Voorbeeld(data)):
        for field in form:
            fast = field.as_widget()
            form.renderer = TemplatesSetting()
            slow = field.as_widget()
            form.renderer = FormRenderer()
            assert fast == slow, field.name


def fields_as_the_template(form) -> None:
    template = get_template(formhtml.FIELD_TEMPLATE)
    for bound in form:
        assert formhtml.field(bound) == template.render({"field": bound}), bound.name
        assert bound.as_field_group() == template.render({"field": bound}).strip(), bound.name


class Velden(forms.Form):
    naam = forms.CharField(max_length=10, help_text="Hulp <b>&</b>", label="Naam & <toenaam>")
    verplicht = forms.CharField(required=True, widget=forms.Textarea(attrs={"rows": 2}))
    optioneel = forms.CharField(required=False, help_text=mark_safe("<em>veilig</em>"))
    ja = forms.BooleanField(required=False, label="Akkoord")
    keuze = forms.ChoiceField(choices=KEUZES, widget=forms.RadioSelect, required=False)
    meer = forms.MultipleChoiceField(choices=KEUZES, widget=forms.CheckboxSelectMultiple)
    lijst = forms.ChoiceField(choices=KEUZES)
    verborgen = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["optioneel"].verplicht_label = "verplicht bij <ja>"
        self.fields["keuze"].verplicht_label = "verplicht"


def test_fields_as_the_template():
    fields_as_the_template(Velden())
    fields_as_the_template(Velden({"naam": "<te lang voor dit veld>", "keuze": "zz"}))
    form = Velden({"naam": "x"}, auto_id=False)
    fields_as_the_template(form)
