"""The productcode of an allocation is chosen from the code list: a select grouped per
category (works without JavaScript), swapped for the codes of the chosen category by
htmx; a code of another category is refused next to the field."""

import re

import pytest
from django.urls import reverse

from tests import gedeelde_wereld as _gedeeld
from verwijzingen.models import Productcode, Verwijzing

# One test world per module, each test in a savepoint of it (tests/gedeelde_wereld.py).
gedeelde_wereld, wereld = _gedeeld.gedeelde_wereld, _gedeeld.wereld

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def _select(html: str, naam: str) -> str:
    match = re.search(rf'<select name="{naam}".*?</select>', html, re.S)
    assert match, f"no select {naam}"
    return match.group(0)


def _nieuw(w) -> str:
    return reverse("verwijzingen:nieuw", args=[w.huishouden.pk, w.actie.pk])


def test_the_form_offers_every_code_grouped_per_category(wereld, client):
    w = wereld
    client.force_login(w.users["professional"])
    html = client.get(_nieuw(w)).content.decode()
    codes = _select(html, "productcode")
    assert '<optgroup label="45 Jeugdhulp ambulant">' in codes
    assert '<optgroup label="02 Begeleiding">' in codes
    assert codes.count("<option") == Productcode.objects.count() + 1  # and the empty choice
    assert '<option value="45A01">45A01 Ambulante gezinsbegeleiding</option>' in codes
    categorieen = _select(html, "productcategorie")
    assert '<optgroup label="Jeugdwet">' in categorieen
    assert '<option value="45">45 Jeugdhulp ambulant</option>' in categorieen
    # the htmx swap of the code select when the category changes
    assert f'hx-get="{reverse("verwijzingen:productcodes")}"' in categorieen
    assert 'hx-target="#id_productcode-veld"' in categorieen
    assert 'id="id_productcode-veld"' in html


def test_the_partial_shows_only_the_codes_of_the_chosen_category(wereld, client):
    w = wereld
    client.force_login(w.users["professional"])
    url = reverse("verwijzingen:productcodes")
    response = client.get(url, {"productcategorie": "45", "productcode": ""}, headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="utrecht-form-field')
    assert 'id="id_productcode-veld"' in html and 'name="productcode"' in html
    assert '<optgroup label="45 Jeugdhulp ambulant">' in html
    assert html.count("<optgroup") == 1
    assert set(re.findall(r'value="(\w+)"', html)) == {"45A01", "45A02", "45A03"}


def test_the_partial_keeps_a_chosen_code_only_when_it_fits(wereld, client):
    w = wereld
    client.force_login(w.users["professional"])
    url = reverse("verwijzingen:productcodes")
    past = client.get(url, {"productcategorie": "45", "productcode": "45A02"}).content.decode()
    assert '<option value="45A02" selected>' in past
    anders = client.get(url, {"productcategorie": "02", "productcode": "45A02"}).content.decode()
    assert "selected" not in anders.replace('<option value="" selected>', "")
    assert "45A02" not in anders


def test_an_unknown_category_shows_every_code(wereld, client):
    w = wereld
    client.force_login(w.users["professional"])
    url = reverse("verwijzingen:productcodes")
    for categorie in ["", "99", "<script>", "4", "\x00"]:
        response = client.get(url, {"productcategorie": categorie})
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count("<option") == Productcode.objects.count() + 1
        assert "<script>" not in html


def test_a_fitting_pair_is_stored_and_a_wrong_pair_refused_next_to_the_field(wereld, client):
    w = wereld
    client.force_login(w.users["professional"])
    toewijzing = {"productcategorie": "45", "productcode": "45A03", "volume": "2"}
    before = Verwijzing.objects.count()
    response = client.post(_nieuw(w), {**w.post_verwijzing, **toewijzing})
    assert response.status_code == 302
    v = Verwijzing.objects.latest("id")
    assert (v.productcategorie, v.productcode, v.volume) == ("45", "45A03", 2)
    response = client.post(_nieuw(w), {**w.post_verwijzing, **toewijzing, "productcode": "02A01"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_productcode_error"' in html
    assert "Productcode 02A01 hoort niet bij productcategorie 45" in html
    # a code that is not on the list at all, and a category that is not
    response = client.post(_nieuw(w), {**w.post_verwijzing, **toewijzing, "productcode": "45Z99"})
    assert 'id="id_productcode_error"' in response.content.decode()
    response = client.post(_nieuw(w), {**w.post_verwijzing, **toewijzing, "productcategorie": "98"})
    assert 'id="id_productcategorie_error"' in response.content.decode()
    assert Verwijzing.objects.count() == before + 1


def test_the_partial_is_for_staff_only(wereld, client):
    w = wereld
    client.force_login(w.users["aanbieder"])
    assert client.get(reverse("verwijzingen:productcodes")).status_code == 403
