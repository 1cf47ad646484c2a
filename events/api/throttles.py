"""Throttles whose rates are read from settings at request time
(DAIS_API_THROTTLE_RATES), so a deployment or a test can change them."""

from django.conf import settings
from rest_framework import throttling


class _SettingsRate:
    def get_rate(self):
        return settings.DAIS_API_THROTTLE_RATES.get(self.scope)


class AnonThrottle(_SettingsRate, throttling.AnonRateThrottle):
    pass


class UserThrottle(_SettingsRate, throttling.UserRateThrottle):
    pass


class TokenCreateThrottle(_SettingsRate, throttling.SimpleRateThrottle):
    """Limits password guessing at the token endpoint, per client address."""

    scope = "token_create"

    def get_cache_key(self, request, view):
        if request.method != "POST":
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
