"""Query filters (django-filter) and ordering for the list endpoints.

Every filter validates its value: a bad date, an unknown country or a malformed
id is a 400 with a message per parameter, never a 500 and never silently ignored.
"""

import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from drf_spectacular.utils import extend_schema_field
from rest_framework.filters import OrderingFilter

from events.api.fields import COUNTRY_CODES, is_iso_date, is_iso_datetime
from events.models import (
    Claim,
    Event,
    EventKind,
    FeedKind,
    Invitation,
    Lifecycle,
    Origin,
    Person,
    PersonKind,
    Report,
    ReportState,
    Source,
)
from events.status import InvitationStatus, ReviewState

_MAX_ID = 2**63 - 1


class _IdField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", _MAX_ID)
        super().__init__(**kwargs)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": _MAX_ID})
class IdFilter(django_filters.NumberFilter):
    field_class = _IdField


class _CountryField(forms.ChoiceField):
    def __init__(self, **kwargs):
        kwargs["choices"] = [(c, c) for c in COUNTRY_CODES]
        super().__init__(**kwargs)


class _DateField(forms.DateField):
    def to_python(self, value):
        if value not in (None, "") and not is_iso_date(value):
            raise forms.ValidationError("Give a date as YYYY-MM-DD.", code="invalid")
        return super().to_python(value)


class _DateTimeField(django_filters.fields.IsoDateTimeField):
    def to_python(self, value):
        if value not in (None, "") and not is_iso_datetime(value):
            raise forms.ValidationError(
                "Give an ISO 8601 instant with its offset, e.g. 2025-05-09T12:00:00Z.",
                code="invalid",
            )
        value = super().to_python(value)
        try:  # the database compares in UTC; 9999-12-31T23:59-05:00 does not fit
            return value.astimezone(datetime.UTC) if value is not None else None
        except OverflowError:
            raise forms.ValidationError("This instant is out of range.", code="invalid") from None


class DateFilter(django_filters.DateFilter):
    field_class = _DateField


class DateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = _DateTimeField


@extend_schema_field({"type": "string", "enum": COUNTRY_CODES})
class CountryFilter(django_filters.CharFilter):
    field_class = _CountryField


class _BoolField(forms.Field):
    """true/false (or 1/0); anything else is an error, not "no filter"."""

    _VALUES = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in (None, ""):
            return None
        try:
            return self._VALUES[str(value).strip().lower()]
        except KeyError:
            raise forms.ValidationError("Give true or false.", code="invalid") from None


@extend_schema_field({"type": "boolean"})
class StrictBooleanFilter(django_filters.Filter):
    field_class = _BoolField


_TEXT = {"max_length": 200}


class StrictFilterSet(django_filters.FilterSet):
    """A parameter given with an empty value is an error, not "no filter"."""

    def is_valid(self):
        valid = super().is_valid()
        for name in self.filters:
            if name in self.data and self.data.get(name) == "" and name not in self.form.errors:
                self.form.add_error(name, "Give a value, or leave the parameter out.")
                valid = False
        return valid


class EventFilter(StrictFilterSet):
    upcoming = StrictBooleanFilter(
        method="filter_upcoming",
        help_text="true: events not over yet (and not cancelled); false: events already over.",
    )
    date_from = DateFilter(
        method="filter_date_from", help_text="Events that end on or after this day."
    )
    date_to = DateFilter(
        method="filter_date_to", help_text="Events that start on or before this day."
    )
    country = CountryFilter(field_name="country_id", help_text="Host country, ISO alpha-2.")
    kind = django_filters.ChoiceFilter(choices=EventKind.choices)
    lifecycle = django_filters.ChoiceFilter(choices=Lifecycle.choices)
    q = django_filters.CharFilter(
        method="filter_q",
        help_text="Text in the title, the city, the host country's name or the host's name "
        "(as in the search box of the pages).",
        **_TEXT,
    )
    person = IdFilter(method="filter_invitee", help_text="Events this person is invited to.")
    invitee_status = django_filters.ChoiceFilter(
        choices=InvitationStatus.choices,
        method="filter_invitee",
        help_text="Events with an invitee in this status (with `person`: that person's status).",
    )

    class Meta:
        model = Event
        fields: list[str] = []

    # The ordering filter orders: the date methods' own order is dropped.
    def filter_upcoming(self, queryset, name, value):
        return (queryset.upcoming() if value else queryset.not_upcoming()).order_by()

    def filter_date_from(self, queryset, name, value):
        return queryset.between(start=value)

    def filter_date_to(self, queryset, name, value):
        return queryset.between(end=value)

    def filter_q(self, queryset, name, value):
        return queryset.search(value.strip()) if value.strip() else queryset

    def filter_invitee(self, queryset, name, value):
        # person and invitee_status describe the same invitation; apply them once.
        if getattr(self, "_invitee_done", False):
            return queryset
        self._invitee_done = True
        data = self.form.cleaned_data
        match = Q(event=OuterRef("pk"))
        if data.get("person") is not None:
            match &= Q(invitee_id=data["person"])
        if data.get("invitee_status"):
            match &= Q(status=data["invitee_status"])
        return queryset.filter(Exists(Invitation.objects.filter(match)))


class InvitationFilter(StrictFilterSet):
    event = IdFilter(field_name="event_id")
    person = IdFilter(field_name="invitee_id", help_text="The invitee.")
    country = CountryFilter(field_name="invitee__country_id", help_text="The invitee's country.")
    status = django_filters.ChoiceFilter(choices=InvitationStatus.choices)

    class Meta:
        model = Invitation
        fields: list[str] = []


class ClaimFilter(StrictFilterSet):
    event = IdFilter(field_name="invitation__event_id")
    invitation = IdFilter(field_name="invitation_id")
    origin = django_filters.ChoiceFilter(choices=Origin.choices)
    review_state = django_filters.ChoiceFilter(choices=ReviewState.choices)
    changed_since = DateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text=(
            "Claims created or changed at or after this instant (ISO 8601). To sync, pass "
            "the largest `updated_at` you have seen; ids you already have may come again."
        ),
    )

    class Meta:
        model = Claim
        fields: list[str] = []


class PersonFilter(StrictFilterSet):
    q = django_filters.CharFilter(
        method="filter_q", max_length=200, help_text="Text in the name or the role."
    )
    name = django_filters.CharFilter(
        method="filter_name",
        max_length=200,
        help_text="The person of this name, or else of this alias, case and accents aside "
        "(the rule the forms and the pipeline use to find a person); with `country`, of that "
        "country or of none.",
    )
    country = CountryFilter(method="filter_country")
    kind = django_filters.ChoiceFilter(choices=PersonKind.choices)

    class Meta:
        model = Person
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        return queryset.search(value.strip()) if value.strip() else queryset

    def filter_name(self, queryset, name, value):
        found = queryset.named(value, self.form.cleaned_data.get("country"))
        return queryset.filter(pk__in=[person.pk for person in found])

    def filter_country(self, queryset, name, value):
        if self.form.cleaned_data.get("name"):
            return queryset  # part of the name rule: that country's people or none's
        return queryset.filter(country_id=value)


class ReportFilter(StrictFilterSet):
    state = django_filters.ChoiceFilter(choices=ReportState.choices)
    source = IdFilter(field_name="source_id", help_text="Reports found in this feed.")

    class Meta:
        model = Report
        fields: list[str] = []


class SourceFilter(StrictFilterSet):
    active = StrictBooleanFilter()
    kind = django_filters.ChoiceFilter(choices=FeedKind.choices)

    class Meta:
        model = Source
        fields: list[str] = []


class StableOrderingFilter(OrderingFilter):
    """?ordering=field,-field; the id always breaks ties so pages are stable."""

    def get_ordering(self, request, queryset, view):
        ordering = list(super().get_ordering(request, queryset, view) or [])
        unique = {"pk", queryset.model._meta.pk.name}
        if not any(term.lstrip("-") in unique for term in ordering):
            last_desc = bool(ordering) and ordering[-1].startswith("-")
            ordering.append("-pk" if last_desc else "pk")
        return ordering
