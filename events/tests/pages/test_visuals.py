"""The event page's map and timeline, the home page's status bars and the flags."""

import datetime
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from events import visuals
from events.models import Claim, Invitation
from events.tests.factories import EventFactory, InvitationFactory, PersonFactory, country, record

pytestmark = pytest.mark.django_db

PATH = re.compile(r'<path class="country([^"]*)" d="[^"]*" data-code="([A-Z]{2})"')
MARK = re.compile(r'<li class="mark mark--(\w+)[^"]*" style="left: ([\d.]+)%"')


def map_classes(html: str) -> dict[str, set[str]]:
    section = html[html.index('id="event-map"') : html.index('id="event-timeline"')]
    return {code: set(classes.split()) for classes, code in PATH.findall(section)}


def timeline_html(html: str) -> str:
    start = html.index('id="event-timeline"')
    return html[start : html.index("</section>", start)]


def test_it_colours_each_invitees_country_by_its_status_and_marks_the_host(client, scenario):
    html = client.get(scenario["parade"].get_absolute_url()).content.decode()
    classes = map_classes(html)
    assert len(classes) > 200  # every country is drawn, invited or not
    expected = {
        "CN": "status-accepted",
        "IN": "status-accepted",
        "KP": "status-accepted",  # the troops delegation
        "VE": "status-invited",
        "US": "status-denied",
        "SK": "status-disputed",
        "BR": "status-declined",
    }
    for code, status in expected.items():
        assert status in classes[code], code
    assert "host" in classes["RU"] and not any(c.startswith("status-") for c in classes["RU"])
    assert classes["FR"] == set()  # not invited: plain land
    # Tooltip: who, status and source; the legend; the text equivalent.
    assert "<title>Slovakia\nRobert Fico: disputed (Reuters, " in html
    assert 'role="img" aria-labelledby="map-svg-title map-summary"' in html
    assert "7 countries: 3 accepted, 1 disputed, 1 invited, 1 declined, 1 denied." in html
    assert 'class="swatch swatch--disputed"' in html
    assert "The map as a list (7 countries)" in html
    assert 'fill="url(#pat-disputed)"' in html and '<pattern id="pat-disputed"' in html
    assert "Host country: Russia" in html


def test_it_shows_a_country_with_several_invitees_in_its_strongest_status_and_lists_all(client, db):
    event = EventFactory(country=country("GB"))
    today = timezone.localdate()
    first = InvitationFactory(event=event, invitee=PersonFactory(name="Premier A"))
    second = InvitationFactory(event=event, invitee=PersonFactory(name="Minister B"))
    record(first, "declined", today, outlet="Le Monde", url="https://www.lemonde.fr/a")
    record(second, "accepted", today, outlet="AFP")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "status-accepted" in map_classes(html)["FR"]
    title = re.search(r'data-code="FR" data-status="accepted"[^>]*><title>([^<]*)</title>', html)
    assert "Premier A: declined (Le Monde" in title.group(1)
    assert "Minister B: accepted (AFP" in title.group(1)
    listing = html[html.index('<tr data-code="FR">') :]
    assert listing.index("Premier A") < listing.index("</tr>")
    assert listing.index("Minister B") < listing.index("</tr>")


def test_it_lists_invitees_from_countries_too_small_to_draw_and_with_no_country(client, scenario):
    g20 = scenario["g20"]
    tuvalu = InvitationFactory(
        event=g20, invitee=PersonFactory(name="Feleti Teo", country=country("TV"))
    )
    malta = InvitationFactory(
        event=g20, invitee=PersonFactory(name="Robert Abela", country=country("MT"))
    )
    record(malta, "accepted", timezone.localdate())
    html = client.get(g20.get_absolute_url()).content.decode()
    assert "TV" not in map_classes(html)  # no shape in Natural Earth 1:50m
    row = html[html.index('<tr data-code="TV">') :]
    assert "Tuvalu" in row[: row.index("</tr>")] and "too small for the map" in row
    assert f'href="#inv-{tuvalu.pk}">Feleti Teo</a>' in html
    # Malta has a shape too small to see: it also gets a dot.
    assert re.search(r'<circle class="dot status-accepted"[^>]*data-code="MT"', html)
    # António Guterres (UN) has no country: listed, not mapped.
    assert "No country" in html and "António Guterres" in html


def test_it_puts_every_approved_claim_of_the_event_on_the_timeline(client, scenario):
    parade = scenario["parade"]
    trump = Invitation.objects.get(event=parade, invitee=scenario["trump"])
    record(
        trump,
        "accepted",
        timezone.localdate(),
        outlet="Rumour Mill",
        review_state="pending",
        url="https://rumours.example/x",
    )
    html = client.get(parade.get_absolute_url()).content.decode()
    timeline = timeline_html(html)
    approved = Claim.objects.filter(invitation__event=parade, review_state="approved")
    marks = MARK.findall(timeline)
    assert len(marks) == approved.count() == 9
    for claim in approved:
        assert f'href="{claim.source_url}"' in timeline
    assert "Rumour Mill" not in timeline  # pending: left out
    assert "9 sourced claims between" in timeline
    # One row per invitee, the marks in date order along the axis: Trump's
    # acceptance came before the denial.
    assert timeline.count('<li class="timeline__row"') == parade.invitations.count()
    row = timeline[timeline.index(f'data-invitation="{trump.pk}"') :]
    row = row[: row.index('<li class="timeline__row"')]
    trump_marks = MARK.findall(row)
    assert [s for s, _ in trump_marks] == ["accepted", "denied"]
    assert float(trump_marks[0][1]) < float(trump_marks[1][1])
    assert 'class="tick tick--event"' in timeline and "timeline__eventline" in timeline


def test_it_escapes_what_sources_say_in_the_map_and_the_timeline(client, db):
    inv = InvitationFactory()
    record(inv, "accepted", timezone.localdate(), outlet='<script>alert("x")</script>')
    html = client.get(inv.event.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in timeline_html(html)


def test_it_shows_an_empty_map_and_timeline_when_nobody_is_invited(client, db):
    event = EventFactory(country=country("JP"))
    html = client.get(event.get_absolute_url()).content.decode()
    assert "host" in map_classes(html)["JP"]
    assert "No invitees yet; the host country, Japan, is marked." in html
    assert "No sourced claims yet" in html


def test_it_keeps_the_map_and_timeline_within_the_event_pages_query_budget(
    client, db, django_assert_max_num_queries
):
    today = timezone.localdate()
    event = EventFactory(start_date=today - datetime.timedelta(days=3))
    codes = ["FR", "DE", "BR", "IN", "JP", "NG", "MX", "AU"]
    for n in range(32):
        inv = InvitationFactory(event=event, invitee=PersonFactory(country=country(codes[n % 8])))
        record(inv, "accepted", today - datetime.timedelta(days=10 + n))
        record(inv, "attended", today, outlet="Other")
    with django_assert_max_num_queries(4):
        response = client.get(event.get_absolute_url())
    html = response.content.decode()
    assert len(MARK.findall(timeline_html(html))) == 64
    assert sum("status-attended" in c for c in map_classes(html).values()) == 8
    # Page weight: the inline map is the bulk of it.
    assert len(response.content) < 300_000


def test_it_updates_the_map_and_timeline_when_an_editor_records_a_claim(client, editor, scenario):
    parade = scenario["parade"]
    maduro = Invitation.objects.get(event=parade, invitee=scenario["maduro"])
    client.force_login(editor)
    url = f"/events/{parade.slug}/invitations/{maduro.pk}/claims/"
    data = {
        "status": "accepted",
        "as_of": timezone.localdate().isoformat(),
        "source_url": "https://www.reuters.com/world/maduro-confirms",
        "source_outlet": "Reuters",
        "evidence": "Maduro confirmed.",
    }
    # With htmx: the map and the timeline come along as out-of-band swaps.
    html = client.post(url, data, headers={"HX-Request": "true"}).content.decode()
    assert (
        '<section id="event-map" class="event-map" aria-labelledby="map-title" hx-swap-oob="true">'
        in html
    )
    assert (
        'id="event-timeline" class="timeline" aria-labelledby="timeline-title" hx-swap-oob="true"'
        in html
    )
    assert "status-accepted" in map_classes(html)["VE"]
    assert 'href="https://www.reuters.com/world/maduro-confirms"' in timeline_html(html)
    # Without htmx the page it redirects to shows the same.
    data["as_of"] = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    data["status"] = "declined"
    data["source_url"] = "https://apnews.com/maduro"
    data["source_outlet"] = "AP"
    response = client.post(url, data)
    html = client.get(response["Location"]).content.decode()
    assert "status-disputed" in map_classes(html)["VE"]
    assert len(MARK.findall(timeline_html(html))) == 11


def test_it_draws_a_status_bar_for_each_upcoming_event(client, scenario):
    html = client.get("/").content.decode()
    parade = html[html.index("Victory Day Parade") :]
    parade = parade[: parade.index("</ul>")]
    segments = re.findall(r'statusbar__seg swatch--(\w+)" style="flex-grow: (\d+)"', parade)
    assert segments == [
        ("accepted", "3"),
        ("disputed", "1"),
        ("invited", "1"),
        ("declined", "1"),
        ("denied", "1"),
    ]
    assert "<strong>3</strong> accepted" in parade
    assert "6 of 7 answered" in parade


def test_it_shows_a_flag_beside_every_country_name(client, scenario):
    html = client.get(scenario["parade"].get_absolute_url()).content.decode()
    assert 'src="/static/vendor/flags/cn.svg" alt=""' in html
    assert '<abbr class="cc" title="China">' in html
    html = client.get("/").content.decode()
    assert 'src="/static/vendor/flags/ru.svg"' in html and "Russia" in html
    html = client.get("/countries/FR/").content.decode()
    assert 'src="/static/vendor/flags/fr.svg"' in html


def test_it_ships_a_flag_for_every_country_and_a_shape_for_the_large_ones():
    codes = json.loads((Path(settings.BASE_DIR) / "events/data/countries.json").read_text())
    flags = Path(settings.BASE_DIR) / "static/vendor/flags"
    assert [c for c in codes if not (flags / f"{c.lower()}.svg").exists()] == []
    shapes = visuals.world_shapes()
    assert "world-atlas@2.0.2" in shapes["source"]
    assert set(shapes["countries"]) <= set(codes)
    for code in ("RU", "CN", "US", "BR", "IN", "FR", "ZA", "AU", "KP", "SK", "FJ", "NZ"):
        assert shapes["countries"][code]["d"].startswith("M"), code
    assert (Path(visuals.MAP_FILE)).stat().st_size < 120_000
