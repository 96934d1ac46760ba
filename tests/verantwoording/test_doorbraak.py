"""Break the glass: a professional opens a household of another team with a reason, for
a few hours, read-only, flagged in the log, and the owning team's lead is told."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from huishoudens.models import Huishouden, HuishoudenUserObjectPermission
from sociaaldomein.accesslog import Actie
from sociaaldomein.models import Notificatie, Toegangslog
from tests.huishoudens.factories import HuishoudenFactory, LidFactory

pytestmark = pytest.mark.django_db

URL = reverse("verantwoording:doorbraak")
REDEN = "Crisisdienst: de politie belt vannacht over geweld in dit gezin."


@pytest.fixture
def gezin(team_noord):
    huishouden = HuishoudenFactory(team=team_noord, referentie="EP-2026-000077")
    LidFactory(huishouden=huishouden, voornamen="Noor", bsn="111222333")
    return huishouden


def _detail(huishouden):
    return reverse("huishoudens:detail", args=[huishouden.pk])


def _doorbreek(client, kenmerk, reden=REDEN):
    return client.post(URL, {"reden": reden, "kenmerk": kenmerk})


def test_a_professional_of_another_team_opens_a_household_with_a_reason_for_four_hours(
    client_for, professional_zuid, gezin, teamleider, teamleider_zuid, settings
):
    client = client_for(professional_zuid)
    assert client.get(_detail(gezin)).status_code == 404
    response = _doorbreek(client, gezin.referentie.lower())
    assert response.status_code == 302 and response["Location"] == _detail(gezin)

    grant = HuishoudenUserObjectPermission.objects.get(user=professional_zuid)
    assert grant.soort == "doorbraak" and grant.reden == REDEN
    assert grant.permission.codename == "view_huishouden"  # read-only
    verwacht = timezone.now() + datetime.timedelta(hours=settings.DOORBRAAK_UREN)
    assert abs((grant.geldig_tot - verwacht).total_seconds()) < 60

    # the owning team's lead is told, nobody else
    melding = Notificatie.objects.get(soort="doorbraak")
    assert melding.ontvanger == teamleider
    assert gezin.referentie in melding.tekst and REDEN in melding.tekst
    assert melding.url.startswith(reverse("verantwoording:huishouden_toegangslog", args=[gezin.pk]))
    assert not Notificatie.objects.filter(ontvanger=teamleider_zuid).exists()

    # the banner on the household's pages, and every look flagged with the reason
    page = client.get(_detail(gezin))
    assert page.status_code == 200
    assert "Uitzonderlijke toegang" in page.text and "Toegang nu beëindigen" in page.text
    plan = client.get(reverse("casussen:plan", args=[gezin.pk]))
    assert "doorbraak-banner" in plan.text
    looks = Toegangslog.objects.filter(
        gebruiker=professional_zuid, huishoudens__contains=[gezin.pk], actie=Actie.BEKEKEN
    )
    assert looks.count() == 2
    assert all(e.uitzonderlijk and e.doel == "uitzondering" and e.reden == REDEN for e in looks)
    opened = Toegangslog.objects.get(actie=Actie.DOORBRAAK)
    assert opened.uitzonderlijk and opened.reden == REDEN and opened.huishoudens == [gezin.pk]


def test_the_access_expires_by_the_clock(client_for, professional_zuid, gezin, settings):
    client = client_for(professional_zuid)
    _doorbreek(client, gezin.referentie)
    assert Huishouden.objects.visible_to(professional_zuid).filter(pk=gezin.pk).exists()
    net_ervoor = timezone.now() + datetime.timedelta(hours=settings.DOORBRAAK_UREN, minutes=-1)
    erna = timezone.now() + datetime.timedelta(hours=settings.DOORBRAAK_UREN, minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=net_ervoor):
        assert Huishouden.objects.visible_to(professional_zuid).filter(pk=gezin.pk).exists()
    with mock.patch("django.utils.timezone.now", return_value=erna):
        assert not Huishouden.objects.visible_to(professional_zuid).filter(pk=gezin.pk).exists()
        assert client.get(_detail(gezin)).status_code == 404
    assert Toegangslog.objects.filter(
        gebruiker=professional_zuid, actie=Actie.GEWEIGERD, huishoudens__contains=[gezin.pk]
    ).exists()


def test_the_length_of_the_access_is_a_setting(client_for, professional_zuid, gezin, settings):
    settings.DOORBRAAK_UREN = 1
    _doorbreek(client_for(professional_zuid), gezin.referentie)
    grant = HuishoudenUserObjectPermission.objects.get(user=professional_zuid)
    assert grant.geldig_tot - grant.verleend_op == datetime.timedelta(hours=1)


def test_a_full_bsn_of_a_member_also_opens_the_household(client_for, professional_zuid, gezin):
    response = _doorbreek(client_for(professional_zuid), "111 222 333")
    assert response.status_code == 302
    assert HuishoudenUserObjectPermission.objects.filter(
        user=professional_zuid, content_object=gezin
    ).exists()


def test_without_a_reason_nothing_is_looked_up_and_nothing_is_revealed(
    client_for, professional_zuid, gezin
):
    client = client_for(professional_zuid)
    bestaat = _doorbreek(client, gezin.referentie, reden="even kijken")
    bestaat_niet = _doorbreek(client, "EP-2026-999999", reden="even kijken")
    assert bestaat.status_code == bestaat_niet.status_code == 200
    assert "minstens 20 tekens" in bestaat.text

    def zonder_token(text):
        return "\n".join(
            line for line in text.splitlines() if "csrf" not in line.lower() and "nonce" not in line
        )

    assert zonder_token(bestaat.text) == zonder_token(bestaat_niet.text).replace(
        "EP-2026-999999", gezin.referentie
    )
    assert not HuishoudenUserObjectPermission.objects.exists()
    assert not Toegangslog.objects.filter(onderwerp="doorbraak").exists()


def test_a_miss_is_logged_flagged_and_a_bsn_only_by_its_last_digits(
    client_for, professional_zuid, gezin
):
    client = client_for(professional_zuid)
    response = _doorbreek(client, "999999990")
    assert response.status_code == 200
    assert "Er is geen huishouden met deze referentie of dit BSN" in response.text
    entry = Toegangslog.objects.get(onderwerp="doorbraak")
    assert entry.actie == Actie.GEWEIGERD and entry.uitzonderlijk and entry.reden == REDEN
    assert entry.object_id == "BSN …9990"
    assert "999999990" not in str(entry.__dict__)
    assert not Notificatie.objects.exists()


@pytest.mark.parametrize("kenmerk", ["", "Jansen, Dorpsstraat", "12345", "<script>", "a" * 100])
def test_only_an_exact_identifier_is_accepted(client_for, professional_zuid, kenmerk):
    response = _doorbreek(client_for(professional_zuid), kenmerk)
    assert response.status_code == 200
    assert "utrecht-form-field-error-message" in response.text
    assert not Toegangslog.objects.filter(onderwerp="doorbraak").exists()


def test_attempts_are_limited_per_day(client_for, professional_zuid, gezin, settings):
    settings.DOORBRAAK_MAX_PER_DAG = 3
    client = client_for(professional_zuid)
    for _ in range(3):
        _doorbreek(client, "EP-2000-000001")
    response = _doorbreek(client, gezin.referentie)
    assert "al 3 keer uitzonderlijke toegang gevraagd" in response.text
    assert not HuishoudenUserObjectPermission.objects.exists()


def test_the_own_team_needs_no_reason_and_gets_no_grant(client_for, professional, gezin):
    response = _doorbreek(client_for(professional), gezin.referentie)
    assert response.status_code == 302 and response["Location"] == _detail(gezin)
    assert not HuishoudenUserObjectPermission.objects.exists()
    assert not Notificatie.objects.exists()


@pytest.mark.parametrize("rol", ["auditor", "beheerder"])
def test_auditors_and_the_beheerder_cannot_break_the_glass(request, client_for, rol, gezin):
    client = client_for(request.getfixturevalue(rol))
    assert client.get(URL).status_code == 403
    assert _doorbreek(client, gezin.referentie).status_code == 403
    assert not HuishoudenUserObjectPermission.objects.exists()


def test_break_the_glass_access_is_read_only(client_for, professional_zuid, gezin):
    client = client_for(professional_zuid)
    _doorbreek(client, gezin.referentie)
    wijzigen = reverse("huishoudens:wijzigen", args=[gezin.pk])
    assert client.get(wijzigen).status_code == 403
    assert client.post(wijzigen, {"naam": "Anders"}).status_code == 403
    dossier = reverse("verantwoording:dossier", args=[gezin.pk])
    assert client.get(dossier).status_code == 403  # no dossier export through a grant


def test_ending_the_access_early_closes_the_household_at_once(client_for, professional_zuid, gezin):
    client = client_for(professional_zuid)
    _doorbreek(client, gezin.referentie)
    end = reverse("verantwoording:doorbraak_beeindigen", args=[gezin.pk])
    assert client.post(end).status_code == 302
    assert not HuishoudenUserObjectPermission.objects.exists()
    assert client.get(_detail(gezin)).status_code == 404
    assert Toegangslog.objects.filter(
        onderwerp="doorbraak", actie=Actie.GEWIJZIGD, gebruiker=professional_zuid
    ).exists()


def test_after_expiry_the_glass_can_be_broken_again(
    client_for, professional_zuid, teamleider, gezin, settings
):
    client = client_for(professional_zuid)
    _doorbreek(client, gezin.referentie)
    later = timezone.now() + datetime.timedelta(hours=settings.DOORBRAAK_UREN + 1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert _doorbreek(client, gezin.referentie).status_code == 302
        grant = HuishoudenUserObjectPermission.objects.get(user=professional_zuid)
        assert grant.geldig_tot > later
    assert Notificatie.objects.filter(soort="doorbraak").count() == 2


def test_the_team_lead_sees_recent_break_the_glass_access_on_mijn_werk(
    client_for, professional_zuid, teamleider, gezin
):
    _doorbreek(client_for(professional_zuid), gezin.referentie)
    page = client_for(teamleider).get(reverse("start"))
    assert "Uitzonderlijke toegang tot huishoudens van uw team" in page.text
    assert escape(professional_zuid.weergavenaam) in page.text and REDEN in page.text


def test_a_household_shared_by_the_lead_shows_no_break_the_glass_banner(
    client_for, professional_zuid, gezin
):
    from tests.huishoudens.factories import HuishoudenUserObjectPermissionFactory

    HuishoudenUserObjectPermissionFactory(content_object=gezin, user=professional_zuid)
    page = client_for(professional_zuid).get(_detail(gezin))
    assert page.status_code == 200
    assert "doorbraak-banner" not in page.text
