"""The interactive API docs render in a real browser with no network access
beyond the app itself (assets come from drf-spectacular-sidecar, not a CDN)."""

import os
import shutil

import pytest

from events.tests.support import require_service

CHROMIUM = (
    os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
)


@pytest.mark.browser
# serialized_rollback: the flush after a transactional test must not leave the
# database without its migrated rows (countries, the editors group) for the
# tests that follow, nor recreate them under new ids.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_renders_the_docs_offline_with_every_operation(live_server):
    require_service(bool(CHROMIUM), "headless Chromium (set CHROMIUM_PATH)")
    from playwright.sync_api import sync_playwright

    from events.tests.api.test_api_schema import schema as api_schema

    operations = sum(1 for _ in api_schema.get_all_operations())
    outside = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.on(
            "request",
            lambda r: None if r.url.startswith(live_server.url) else outside.append(r.url),
        )
        page.goto(f"{live_server.url}/api/docs/")
        page.wait_for_selector(".opblock", timeout=30_000)
        rendered = page.locator(".opblock").count()
        browser.close()
    assert outside == []
    assert rendered == operations
