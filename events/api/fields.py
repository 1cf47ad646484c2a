"""Serializer fields shared by the API modules: strict, so that what the schema
calls invalid is a 400 and nothing is silently coerced."""

import re

from rest_framework import serializers

from events.countries import country_rows
from events.models import Country

COUNTRY_CODES = sorted(row["code"] for row in country_rows())


class CountryCodeField(serializers.ChoiceField):
    """A country given by its ISO 3166-1 alpha-2 code ("FR"); any other value is a 400."""

    default_error_messages = {"invalid_choice": "{input!r} is not an ISO 3166-1 alpha-2 code."}

    def __init__(self, **kwargs):
        super().__init__(choices=COUNTRY_CODES, **kwargs)

    def to_internal_value(self, data):
        code = super().to_internal_value(data)
        try:
            return Country.objects.get(code=code)
        except Country.DoesNotExist:
            self.fail("invalid_choice", input=data)

    def to_representation(self, value):
        return value.code if isinstance(value, Country) else value


class StrictCharField(serializers.CharField):
    """Text must be a JSON string: 5 or true is an error, not "5" or "True"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("trim_whitespace", False)  # the services strip; lengths stay exact
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictURLField(serializers.URLField):
    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictIntegerField(serializers.IntegerField):
    """A JSON number without a fraction: "5" and true are errors."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | float):
            self.fail("invalid")
        if isinstance(data, float) and not data.is_integer():
            self.fail("invalid")
        return super().to_internal_value(int(data))


class StrictBooleanField(serializers.BooleanField):
    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)


def is_iso_date(value) -> bool:
    return isinstance(value, str) and _DATE.fullmatch(value) is not None


def is_iso_datetime(value) -> bool:
    return isinstance(value, str) and _DATETIME.fullmatch(value) is not None


class StrictDateField(serializers.DateField):
    """Only YYYY-MM-DD (RFC 3339 full-date)."""

    def to_internal_value(self, value):
        if not is_iso_date(value):
            self.fail("invalid", format="YYYY-MM-DD")
        return super().to_internal_value(value)


class StrictDateTimeField(serializers.DateTimeField):
    """Only an ISO 8601 instant with its offset (RFC 3339 date-time)."""

    def to_internal_value(self, value):
        if not is_iso_datetime(value):
            self.fail("invalid", format="YYYY-MM-DDThh:mm:ss±hh:mm")
        try:
            return super().to_internal_value(value)
        except OverflowError:  # 0001-01-01T00:00:00+01:00 is before year 1 in UTC
            self.fail("invalid", format="YYYY-MM-DDThh:mm:ss±hh:mm")
