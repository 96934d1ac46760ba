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
