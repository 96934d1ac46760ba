"""The retention periods as the Selectielijst gemeenten 2020 gives them (issue 19b): each
period with its category; Wgs corrected from 7 to 5 years (cat. 8.1.9 / 8.3.5)."""

import pytest

from archief.models import Bewaartermijn

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "jaren", "categorie"),
    [
        ("jeugdwet", 20, "7.3.8"),
        ("wmo-2015", 15, "8.1.1"),
        ("participatiewet", 10, "8.3"),
        ("wgs", 5, "8.1.9"),
    ],
)
def test_each_period_names_its_source(code, jaren, categorie):
    termijn = Bewaartermijn.objects.get(wet__code=code)
    assert termijn.jaren == jaren
    assert categorie in termijn.bron


def test_a_file_without_a_law_says_the_list_has_no_category():
    termijn = Bewaartermijn.objects.get(wet__isnull=True)
    assert termijn.jaren == 10
    assert "geen categorie" in termijn.bron
