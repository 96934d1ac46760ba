"""Every field of both toets steps renders the same in Python (sociaaldomein.formhtml) as
through components/field.html: the forms with the most fields in the product."""

import pytest

from tests.sociaaldomein.test_formhtml import fields_as_the_template


@pytest.mark.django_db
def test_the_toets_forms_as_the_template(toets):
    from huishoudens.models import Leefdomein
    from toetsing.forms import Stap1Form, Stap2Form
    from toetsing.selectors.toetsen import grondwaarden_per_wet
    from toetsing.services import onderdelen

    gekozen, effecten, artikelen = onderdelen(toets)
    leden = list(toets.huishouden.leden.all())
    kwargs = {
        "toets": toets,
        "grondwaarden_per_wet": grondwaarden_per_wet(),
        "gekozen": gekozen,
        "effecten": effecten,
        "leden": leden,
        "leefdomeinen": list(Leefdomein.objects.all()),
    }
    assert effecten and leden
    fields_as_the_template(Stap1Form(**kwargs))
    bound = Stap1Form({"versie": "x", "horizon_maanden": "-1", "behoefte": "<b>"}, **kwargs)
    bound.is_valid()
    fields_as_the_template(bound)
    fields_as_the_template(Stap2Form(toets=toets, artikelen=artikelen, gerelateerd=set()))


@pytest.mark.parametrize("gekozen", [None, "", "2", "<b>"])
def test_the_options_of_a_filter_are_the_options_django_writes(gekozen):
    """The inbox's filter selects write their options in Python (`opties`): the same
    options as Django's Select widget, every value and label escaped, the chosen one
    selected."""
    import re

    from django import forms
    from django.utils.safestring import mark_safe

    from toetsing.templatetags.toetsing import opties

    class Filter(forms.Form):
        wie = forms.ChoiceField(
            required=False,
            choices=[
                ("", "Iedereen"),
                ("2", 'Anne "de Vries" & <Bakker>'),
                ("<b>", "Waarde met tekens"),
                ("3", mark_safe("<em>al veilig</em>")),
            ],
        )

    veld = Filter({"wie": gekozen} if gekozen is not None else None)["wie"]
    django_opties = re.findall(r"<option[^>]*>.*?</option>", veld.as_widget())
    assert opties(veld) == "".join(django_opties)
    assert "&lt;Bakker&gt;" in opties(veld) and "<em>al veilig</em>" in opties(veld)
    # one option is chosen: the one sent, or "Iedereen" when nothing (or nothing yet) is
    assert opties(veld).count(" selected") == 1
