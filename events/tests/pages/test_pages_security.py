"""Everything from outside is rendered inert; login attempts are rate-limited."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from events import services
from events.models import Claim
from events.tests.factories import EventFactory, InvitationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("xss")</script><img src=x onerror=alert(1)>'


def test_it_renders_an_xss_payload_in_a_quote_inert(client, db):
    event = EventFactory(title=f"Summit {PAYLOAD}")
    invitation = InvitationFactory(event=event, invitee=PersonFactory(name=f"Evil {PAYLOAD}"))
    services.claim_record(
        invitation=invitation,
        status="accepted",
        as_of=timezone.localdate(),
        source_outlet=f"Outlet {PAYLOAD}",
        source_url="https://example.org/a",
        evidence=f"He said {PAYLOAD}",
    )
    for url in (
        event.get_absolute_url(),
        "/",
        f"/people/{invitation.invitee.slug}/",
        "/countries/FR/",
    ):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html, url
        assert "<img src=x" not in html, url
    html = client.get(event.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        '" onmouseover="alert(1)',
    ],
)
def test_it_never_links_a_source_url_that_is_not_http(client, db, url):
    invitation = InvitationFactory()
    # The service refuses such URLs; a row written around it (an old import,
    # a raw SQL fix) must still render inert.
    claim = services.claim_record(
        invitation=invitation,
        status="accepted",
        as_of=timezone.localdate(),
        source_outlet="Wire",
        source_url="https://example.org/ok",
    )
    Claim.objects.filter(pk=claim.pk).update(source_url=url)
    html = client.get(invitation.event.get_absolute_url()).content.decode()
    assert 'href="javascript' not in html.lower()
    assert 'href="data:' not in html
    assert 'href="vbscript' not in html
    assert 'onmouseover="alert' not in html
    assert "Wire" in html


def test_the_service_refuses_a_javascript_source_url(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        services.claim_record(
            invitation=InvitationFactory(),
            status="accepted",
            as_of=timezone.localdate(),
            source_url="javascript:alert(1)",
        )
    assert "source_url" in exc.value.message_dict


@pytest.fixture
def user(db, settings):
    cache.clear()
    settings.DAIS_LOGIN_MAX_FAILURES = 3
    yield UserFactory(username="alice")
    cache.clear()


def test_it_logs_an_editor_in_and_out(client, user):
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert client.get("/").context["user"].is_authenticated
    client.post("/accounts/logout/")
    assert not client.get("/").context["user"].is_authenticated


def test_it_locks_a_username_out_after_repeated_failures(client, user):
    for _ in range(3):
        response = client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
        assert response.status_code == 200
        assert "enter a correct username and password" in response.content.decode()
    # Even the right password is refused while locked.
    response = client.post(
        "/accounts/login/", {"username": "Alice", "password": "correct horse battery"}
    )
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_keeps_other_usernames_free_during_a_lockout(client, user):
    UserFactory(username="bob")
    for _ in range(3):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    response = client.post(
        "/accounts/login/", {"username": "bob", "password": "correct horse battery"}
    )
    assert response.status_code == 302


def test_it_clears_the_failure_count_on_success(client, user):
    for _ in range(2):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    client.post("/accounts/login/", {"username": "alice", "password": "correct horse battery"})
    client.post("/accounts/logout/")
    for _ in range(2):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": "correct horse battery"}
    )
    assert response.status_code == 302
