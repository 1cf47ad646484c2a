"""In headless Chromium against a live server: browse, filter, open an event,
log in as an editor, record an acceptance and see it on the page; with
screenshots at desktop and phone widths in var/screenshots/."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

from events.models import Invitation
from events.tests.factories import UserFactory
from events.tests.pages import scenario_pages
from events.tests.support import require_service

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WIDEST = "document.documentElement.scrollWidth"
WIDEST_WHO = """[...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
  .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""
SHOTS = Path(settings.VAR_DIR) / "screenshots"


@pytest.fixture(autouse=True)
def allow_orm_beside_playwright(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM calls
    # the test itself makes (building data, checking rows) are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def browser(allow_orm_beside_playwright):
    require_service(os.path.exists(CHROMIUM), f"headless Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()
        # ORM calls made while Playwright's loop ran opened their own
        # connection; close it or the test database cannot be dropped.
        connections.close_all()


@pytest.fixture
def scenario(transactional_db):
    data = scenario_pages.build()
    data["editor"] = UserFactory(username="editor", editor=True)
    return data


def shoot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def test_an_editor_records_an_acceptance_in_the_browser(browser, live_server, scenario):
    from playwright.sync_api import expect

    page = browser.new_page(viewport=DESKTOP)
    page.set_default_timeout(15_000)

    # Browse the upcoming list.
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Upcoming state events")).to_be_visible()
    expect(page.get_by_role("link", name="Victory Day Parade")).to_be_visible()
    expect(page.get_by_role("link", name="G20 Leaders' Summit")).to_be_visible()
    shoot(page, "home-desktop")

    # Filter by country: the filter lands in the URL.
    page.get_by_label("Host country").select_option("RU")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"country=RU"))
    expect(page.get_by_role("link", name="G20 Leaders' Summit")).to_have_count(0)

    # Open the event.
    page.get_by_role("link", name="Victory Day Parade").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Victory Day Parade")
    maduro = Invitation.objects.get(event=scenario["parade"], invitee=scenario["maduro"])
    card = page.locator(f"#inv-{maduro.pk}")
    expect(card).to_contain_text("Invited")
    expect(page.locator("#status-disputed")).to_contain_text("Disputed")
    shoot(page, "event-desktop")

    # Log in as an editor from the nav; we come back to the event.
    page.get_by_role("link", name="Log in").click()
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Victory Day Parade")
    expect(page.get_by_role("link", name="Review queue")).to_be_visible()

    # Record an acceptance for Maduro, right on the event page.
    card = page.locator(f"#inv-{maduro.pk}")
    card.get_by_text("Record a status").click()
    card.get_by_label("Accepted").check()
    card.get_by_label("Source link").fill("https://www.reuters.com/world/maduro-confirms-moscow")
    card.get_by_label("Outlet").fill("Reuters")
    card.get_by_label("Quote").fill("Maduro confirmed he will attend the parade in Moscow.")
    shoot(page, "event-editor-desktop")
    card.get_by_role("button", name=re.compile("Save status")).click()

    # htmx swaps the invitee section: Maduro now sits among the accepted.
    expect(page.get_by_role("status")).to_contain_text("Recorded: Nicolás Maduro accepted.")
    accepted = page.locator("section.status-group--accepted")
    expect(accepted).to_contain_text("Nicolás Maduro")
    expect(accepted).to_contain_text("Maduro confirmed he will attend the parade in Moscow.")
    # The map and the timeline follow (out-of-band swaps).
    expect(page.locator('#event-map path[data-code="VE"]')).to_have_attribute(
        "data-status", "accepted"
    )
    expect(page.locator(f'#event-timeline [data-invitation="{maduro.pk}"] .mark')).to_have_count(2)
    maduro.refresh_from_db()
    assert maduro.status == "accepted"
    assert maduro.current_claim.recorded_by == scenario["editor"]

    # A validation error shows next to the field, in place.
    xi = Invitation.objects.get(event=scenario["parade"], invitee=scenario["xi"])
    card = page.locator(f"#inv-{xi.pk}")
    card.get_by_text("Record a status").click()
    card.get_by_label("Source link").fill("javascript:alert(1)")
    card.get_by_label("Outlet").fill("Wire")
    card.get_by_role("button", name=re.compile("Save status")).click()
    expect(page.locator(f"#id_{xi.pk}_source_url-error")).to_contain_text("http")
    page.close()


def test_the_record_form_works_without_javascript(browser, live_server, scenario):
    from playwright.sync_api import expect

    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/accounts/login/?next=" + scenario["parade"].get_absolute_url())
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    trump = Invitation.objects.get(event=scenario["parade"], invitee=scenario["trump"])
    card = page.locator(f"#inv-{trump.pk}")
    card.get_by_text("Record a status").click()
    card.get_by_label("Declined").check()
    card.get_by_label("Source link").fill("https://apnews.com/article/trump-moscow")
    card.get_by_label("Outlet").fill("Associated Press")
    card.get_by_role("button", name=re.compile("Save status")).click()
    expect(page.locator(".messages")).to_contain_text("Recorded: Donald Trump declined.")
    expect(page.locator("section.status-group--declined")).to_contain_text("Donald Trump")
    context.close()


def test_the_pages_read_well_on_a_phone(browser, live_server, scenario):
    from playwright.sync_api import expect

    page = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page.goto(live_server.url + "/")
    expect(page.get_by_role("link", name="Victory Day Parade")).to_be_visible()
    shoot(page, "home-phone")
    # Nothing wider than the screen: no sideways scrolling.
    assert page.evaluate(WIDEST) <= PHONE["width"], page.evaluate(WIDEST_WHO)
    page.goto(live_server.url + scenario["parade"].get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shoot(page, "event-phone")
    assert page.evaluate(WIDEST) <= PHONE["width"], page.evaluate(WIDEST_WHO)
    # Keyboard users reach the content first through the skip link.
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.close()


def test_the_person_and_country_pages_show_records(browser, live_server, scenario):
    from playwright.sync_api import expect

    page = browser.new_page(viewport=DESKTOP)
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Vladimir Putin").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vladimir Putin")
    expect(page.get_by_role("heading", name="Events hosted")).to_be_visible()
    page.goto(live_server.url + "/people/donald-trump-us/")
    expect(page.locator("table")).to_contain_text("Victory Day Parade")
    shoot(page, "person-desktop")
    page.get_by_role("link", name="United States").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("United States")
    page.goto(live_server.url + "/countries/FR/")
    expect(page.get_by_role("heading", name="Its leaders' invitations")).to_be_visible()
    shoot(page, "country-desktop")
    page.close()


def shoot_element(locator, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    locator.screenshot(path=str(path))
    assert path.stat().st_size > 5_000
    return path


@pytest.mark.parametrize(("width", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_the_map_and_timeline_are_visible_at_desktop_and_phone_widths(
    browser, live_server, scenario, width, viewport
):
    from playwright.sync_api import expect

    page = browser.new_page(viewport=viewport, device_scale_factor=2 if width == "phone" else 1)
    page.set_default_timeout(15_000)
    page.goto(live_server.url + scenario["parade"].get_absolute_url())

    world = page.locator("#event-map svg.world-map")
    expect(world).to_be_visible()
    box = world.bounding_box()
    assert box["width"] >= viewport["width"] * 0.7 and box["height"] > 150, box
    # Invitees' countries are painted with their status pattern, not the land colour.
    china = page.locator('#event-map path[data-code="CN"]')
    expect(china).to_have_attribute("data-status", "accepted")
    assert page.evaluate(
        "getComputedStyle(document.querySelector('#event-map path[data-code=\"CN\"]')).fill"
    ).startswith('url("#pat-accepted")')
    expect(page.locator("#event-map .host-mark")).to_be_visible()
    expect(page.locator("#event-map .legend")).to_contain_text("Disputed")
    shoot_element(page.locator("#event-map"), f"map-{width}")

    timeline = page.locator("#event-timeline")
    expect(timeline).to_be_visible()
    marks = timeline.locator(".mark")
    expect(marks).to_have_count(9)
    for i in range(9):
        expect(marks.nth(i)).to_be_visible()
        mark = marks.nth(i).bounding_box()
        assert mark["x"] >= 0 and mark["x"] + mark["width"] <= viewport["width"], mark
    shoot_element(timeline, f"timeline-{width}")
    if width == "desktop":
        # The README's event screenshot: the head of the page, map and timeline.
        page.screenshot(
            path=str(SHOTS / "event-top-desktop.png"),
            full_page=True,
            clip={"x": 0, "y": 0, "width": 1280, "height": 1500},
        )

    # The text equivalent opens and lists every country.
    page.get_by_text("The map as a list").click()
    expect(page.locator(".map-list tbody tr")).to_have_count(7)
    assert page.evaluate(WIDEST) <= viewport["width"], page.evaluate(WIDEST_WHO)
    shoot(page, f"event-visuals-{width}")
    page.close()
