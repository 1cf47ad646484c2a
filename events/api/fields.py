"""Serializer fields shared by the API modules."""

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
        if isinstance(data, str) and len(data) <= 3:
            data = data.strip().upper()
        code = super().to_internal_value(data)
        try:
            return Country.objects.get(code=code)
        except Country.DoesNotExist:
            self.fail("invalid_choice", input=data)

    def to_representation(self, value):
        return value.code if isinstance(value, Country) else value
