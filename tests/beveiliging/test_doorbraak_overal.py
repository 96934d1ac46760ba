"""Finding 7: a look at a break-the-glass household through the list, the search and the
maatwerk request page is logged as break the glass, as the household page already was."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from huishoudens.models import HuishoudenUserObjectPermission
from sociaaldomein.models import Toegangslog
from tests.huishoudens.factories import HuishoudenUserObjectPermissionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def doorbreker(wereld):
    user = wereld.users["ander_team"]
    HuishoudenUserObjectPermissionFactory(
        content_object=wereld.huishouden,
        user=user,
        verleend_door=user,
        soort=HuishoudenUserObjectPermission.Soort.DOORBRAAK,
        geldig_tot=timezone.now() + datetime.timedelta(hours=4),
        reden="Crisisdienst: de politie belt vannacht over dit gezin.",
    )
    return user


def _uitzonderlijk(user, huishouden):
    return Toegangslog.objects.filter(
        gebruiker=user, huishoudens__contains=[huishouden.pk], uitzonderlijk=True
    )


def test_the_list_and_the_search_log_it_as_exceptional(wereld, client_for, doorbreker):
    client = client_for(doorbreker)
    client.get(reverse("huishoudens:lijst"), {"status": "alle"})
    assert _uitzonderlijk(doorbreker, wereld.huishouden).count() == 1
    client.get(reverse("huishoudens:lijst"), {"status": "alle", "q": wereld.huishouden.naam})
    entry = _uitzonderlijk(doorbreker, wereld.huishouden).latest("volgnummer")
    assert entry.reden.startswith("Crisisdienst")
    assert entry.doel == Toegangslog.Doel.UITZONDERING


def test_the_maatwerk_request_page_logs_it_as_exceptional(wereld, client_for, doorbreker):
    response = client_for(doorbreker).get(reverse("maatwerk:verzoek", args=[wereld.verzoek.pk]))
    assert response.status_code == 200
    assert _uitzonderlijk(doorbreker, wereld.huishouden).exists()


def test_the_own_team_is_logged_as_ordinary_access(wereld, client_for):
    professional = wereld.users["professional"]
    client_for(professional).get(reverse("huishoudens:lijst"))
    assert not _uitzonderlijk(professional, wereld.huishouden).exists()
