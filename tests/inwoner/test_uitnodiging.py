"""Invitation and activation: a letter with a one-time code for an adult member, valid 14
days, stored only as a hash; the member activates at a public page."""

from __future__ import annotations

import datetime
import re
import subprocess

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from inwoner import services
from inwoner.models import Lidaccount, Uitnodiging, code_hash
from sociaaldomein.models import Toegangslog

pytestmark = pytest.mark.django_db

CODE = re.compile(r"\b[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}\b")


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def _activeer(code: str, username: str = "partner.jansen", password: str = "een lange zin van mij"):
    client = Client()
    response = client.post(
        reverse("inwoner:activeren"),
        {"code": code, "username": username, "password1": password, "password2": password},
    )
    return client, response


def test_the_professional_invites_an_adult_member_and_gets_a_letter_with_the_code(
    gezin, client_for
):
    client = client_for(gezin.professional)
    url = reverse("inwoner:uitnodigen", args=[gezin.huishouden.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Geheimpartner" in page.content.decode()
    assert "Kees" not in page.content.decode()  # a child is not offered
    response = client.post(url, {"lid": gezin.partner.pk})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    code = CODE.search(text).group(0)
    assert "Geheimpartner" in text and reverse("inwoner:activeren") in text
    uitnodiging = Uitnodiging.objects.get(lid=gezin.partner)
    # only the hash is kept, and the code is valid for 14 days
    assert code not in uitnodiging.code_hash and uitnodiging.code_hash == code_hash(code)
    assert uitnodiging.geldig_tot - uitnodiging.aangemaakt_op == datetime.timedelta(days=14)
    assert Toegangslog.objects.filter(onderwerp="uitnodiging", leden=[gezin.partner.pk]).exists()


def test_the_household_page_has_the_invite_button(gezin, client_for):
    page = client_for(gezin.professional).get(
        reverse("huishoudens:detail", args=[gezin.huishouden.pk])
    )
    assert reverse("inwoner:uitnodigen", args=[gezin.huishouden.pk]) in page.content.decode()


def test_a_child_or_a_member_with_an_account_cannot_be_invited(gezin, professional):
    with pytest.raises(Exception, match="volwassen"):
        services.invite(lid=gezin.kind, door=professional)
    with pytest.raises(Exception, match="al een account"):
        services.invite(lid=gezin.ik, door=professional)


def test_the_member_activates_with_the_code_and_lands_on_mijn_plan(gezin, professional):
    _, code = services.invite(lid=gezin.partner, door=professional)
    client, response = _activeer(code.lower().replace("-", " "))
    assert response.status_code == 302 and response["Location"] == reverse("inwoner:mijn_plan")
    account = Lidaccount.objects.get(lid=gezin.partner)
    assert account.user.username == "partner.jansen" and account.user.is_inwoner
    assert client.get(reverse("inwoner:mijn_plan")).status_code == 200
    # once only
    _, again = _activeer(code, username="iemand.anders")
    assert "klopt niet, is al gebruikt of is verlopen" in again.content.decode()


def test_an_expired_or_replaced_code_does_not_work(gezin, professional):
    _, oud = services.invite(lid=gezin.partner, door=professional)
    _, nieuw = services.invite(lid=gezin.partner, door=professional)
    _, response = _activeer(oud)
    assert "klopt niet" in response.content.decode()
    Uitnodiging.objects.filter(lid=gezin.partner, vervallen_op__isnull=True).update(
        aangemaakt_op=timezone.now() - datetime.timedelta(days=15),
        geldig_tot=timezone.now() - datetime.timedelta(days=1),
    )
    _, response = _activeer(nieuw)
    assert "klopt niet" in response.content.decode()
    assert not Lidaccount.objects.filter(lid=gezin.partner).exists()


@pytest.mark.parametrize(
    ("username", "password", "melding"),
    [
        ("iris", "een lange zin van mij", "al in gebruik"),
        ("p", "een lange zin van mij", "minstens 3 tekens"),
        ("partner.j", "kort", "wachtwoord"),
    ],
)
def test_bad_input_gets_a_dutch_message_next_to_the_field(
    gezin, professional, username, password, melding
):
    _, code = services.invite(lid=gezin.partner, door=professional)
    _, response = _activeer(code, username=username, password=password)
    assert response.status_code == 200
    assert melding in response.content.decode().lower() or melding in response.content.decode()
    assert not Lidaccount.objects.filter(lid=gezin.partner).exists()


def test_too_many_wrong_codes_from_one_source_are_refused_for_an_hour(gezin, professional):
    from django.core.cache import cache

    cache.clear()
    _, code = services.invite(lid=gezin.partner, door=professional)
    for _ in range(services.MAX_POGINGEN):
        _activeer("AAAA-BBBB-CCCC")
    _, response = _activeer(code)
    assert "Te vaak een verkeerde code" in response.content.decode()
    assert not Lidaccount.objects.filter(lid=gezin.partner).exists()
    cache.clear()
    assert _activeer(code)[1].status_code == 302
