"""In-app notifications: only your own, a counter in the header that polls."""

import pytest
from django.urls import reverse

from sociaaldomein.middleware import SessionLifetimeMiddleware
from sociaaldomein.models import Notificatie


@pytest.fixture
def meldingen(teamleider, professional):
    eigen = [
        Notificatie.objects.create(ontvanger=teamleider, tekst=f"Melding {i}", url="/huishoudens/")
        for i in range(3)
    ]
    ander = Notificatie.objects.create(ontvanger=professional, tekst="Niet voor de teamleider")
    return eigen, ander


@pytest.mark.django_db
def test_the_header_shows_the_number_of_unread_notifications(client_for, teamleider, meldingen):
    html = client_for(teamleider).get(reverse("start")).text
    assert 'id="meldingen-teller"' in html
    assert '<span class="nav-teller">3</span>' in html


@pytest.mark.django_db
def test_the_list_shows_only_my_own_notifications(client_for, teamleider, meldingen):
    html = client_for(teamleider).get(reverse("meldingen")).text
    assert "Melding 0" in html and "Melding 2" in html
    assert "Niet voor de teamleider" not in html


@pytest.mark.django_db
def test_opening_a_notification_marks_it_read_and_follows_its_link(
    client_for, teamleider, meldingen
):
    eigen, _ = meldingen
    response = client_for(teamleider).post(reverse("melding_gelezen", args=[eigen[0].pk]))
    assert response.status_code == 302
    assert response["Location"] == "/huishoudens/"
    eigen[0].refresh_from_db()
    assert eigen[0].gelezen_op is not None


@pytest.mark.django_db
def test_someone_elses_notification_is_not_found(client_for, teamleider, meldingen):
    _, ander = meldingen
    assert (
        client_for(teamleider).post(reverse("melding_gelezen", args=[ander.pk])).status_code == 404
    )
    ander.refresh_from_db()
    assert ander.gelezen_op is None


@pytest.mark.django_db
def test_an_external_link_in_a_notification_is_not_followed(client_for, teamleider):
    melding = Notificatie.objects.create(
        ontvanger=teamleider, tekst="x", url="https://evil.example/"
    )
    response = client_for(teamleider).post(reverse("melding_gelezen", args=[melding.pk]))
    assert response["Location"] == reverse("meldingen")


@pytest.mark.django_db
def test_mark_all_read(client_for, teamleider, meldingen):
    client_for(teamleider).post(reverse("meldingen_gelezen"))
    assert not Notificatie.objects.filter(ontvanger=teamleider, gelezen_op__isnull=True).exists()


@pytest.mark.django_db
def test_the_counter_partial_polls_in_two_queries_without_keeping_the_session_alive(
    client_for, teamleider, meldingen, htmx_headers, django_assert_num_queries
):
    client = client_for(teamleider)
    client.get(reverse("start"))
    session = client.session
    session[SessionLifetimeMiddleware.ACTIEF] = (
        1000.0 + session[SessionLifetimeMiddleware.BEGONNEN] - 1000.0 - 120
    )
    session.save()
    before = client.session[SessionLifetimeMiddleware.ACTIEF]
    with django_assert_num_queries(2):
        response = client.get(reverse("meldingen_teller"), headers=htmx_headers)
    assert response.status_code == 200
    assert response.text.strip().startswith('<a id="meldingen-teller"')
    assert "<html" not in response.text
    assert client.session[SessionLifetimeMiddleware.ACTIEF] == before
