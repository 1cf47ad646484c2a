"""Writers of people: invitees, hosts, delegations."""

from __future__ import annotations

from django.db import transaction

from events.models import Country, Person, PersonKind
from events.services.base import save_with_unique_slug


@transaction.atomic
def person_create(
    *,
    name: str,
    country: Country | None = None,
    role: str = "",
    kind: str = PersonKind.PERSON,
    aliases: list[str] | None = None,
    needs_review: bool = False,
) -> Person:
    person = Person(
        name=name.strip(),
        country=country,
        role=role.strip(),
        kind=kind,
        aliases=list(aliases or []),
        needs_review=needs_review,
    )
    base = f"{name} {country.code if country else ''}"
    save_with_unique_slug(person, base, max_length=220)
    return person


def delegation_for_country(*, country: Country, kind: str = PersonKind.DELEGATION) -> Person:
    """The invitee that stands for a country's delegation (or troops)."""
    label = "troops" if kind == PersonKind.TROOPS else "delegation"
    existing = Person.objects.filter(kind=kind, country=country).order_by("id").first()
    if existing:
        return existing
    return person_create(name=f"{country.name} {label}", country=country, kind=kind)
