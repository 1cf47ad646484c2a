"""Fill the Country table from pycountry (ISO 3166-1) plus our own data file of
short names, demonyms and aliases (events/data/countries.json)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "countries.json"


@cache
def _extra() -> dict[str, dict]:
    if not DATA_FILE.exists():
        return {}
    with DATA_FILE.open(encoding="utf-8") as f:
        return json.load(f)


def country_rows() -> list[dict]:
    """Every ISO 3166-1 country as a dict of Country fields."""
    import pycountry

    rows = []
    for c in pycountry.countries:
        extra = _extra().get(c.alpha_2, {})
        name = extra.get("name") or getattr(c, "common_name", None) or c.name
        rows.append(
            {
                "code": c.alpha_2,
                "alpha3": c.alpha_3,
                "name": name,
                "official_name": getattr(c, "official_name", "") or c.name,
                "demonyms": extra.get("demonyms", []),
                "aliases": extra.get("aliases", []),
            }
        )
    return rows


def sync_countries(country_model) -> tuple[int, int]:
    """Create missing countries and update changed ones. Returns (created, updated).
    Takes the model class so a data migration can pass its historical model."""
    existing = {c.code: c for c in country_model.objects.all()}
    created = updated = 0
    for row in country_rows():
        current = existing.get(row["code"])
        if current is None:
            country_model.objects.create(**row)
            created += 1
            continue
        if any(getattr(current, k) != v for k, v in row.items()):
            for k, v in row.items():
                setattr(current, k, v)
            current.save()
            updated += 1
    return created, updated
