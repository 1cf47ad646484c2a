"""The admin, as the demo editor sees it: every changelist and change page loads."""

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The demo sets and checks the editor's password on every load; the real
    # hasher is deliberately slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module inside a transaction rolled back at
    its end (each test still runs in its own savepoint)."""
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=fast),
        transaction.atomic(),
    ):
        call_command("load_demo", "--quiet")
        yield
        transaction.set_rollback(True)


@pytest.fixture
def editor_client(demo_loaded, db, client):
    assert client.login(username="editor", password="dais-editor")
    return client


def _registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def test_it_keeps_anonymous_users_out(client):
    response = client.get(reverse("admin:events_event_changelist"))
    assert response.status_code == 302


def test_it_serves_every_changelist_to_the_editor(editor_client):
    for model, _ in _registered():
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        response = editor_client.get(url)
        assert response.status_code == 200, url


def test_it_serves_a_change_page_for_one_object_of_each_model(editor_client):
    from django.contrib.auth import get_user_model
    from knox.models import AuthToken

    from events.demo.source import ensure_demo_source
    from events.services.reports import report_submit

    AuthToken.objects.create(get_user_model().objects.get(username="editor"))
    ensure_demo_source()  # the pipeline's models: one feed and one report
    report_submit(url="https://wire.example/admin-check", title="Admin check")
    seen = set()
    for model, _ in _registered():
        opts = model._meta
        obj = model.objects.order_by("pk").first()
        assert obj is not None, opts.label
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        response = editor_client.get(url)
        assert response.status_code == 200, url
        seen.add(opts.label)
    assert seen >= {"events.Country", "events.Person", "events.Event", "events.Invitation"}
    assert seen >= {"events.Claim", "auth.User", "auth.Group", "knox.AuthToken"}


def test_it_serves_the_change_page_of_a_pending_claim(editor_client):
    from events.models import Claim

    claim = Claim.objects.pending().first()
    response = editor_client.get(reverse("admin:events_claim_change", args=[claim.pk]))
    assert response.status_code == 200
    assert b"review_state" in response.content
