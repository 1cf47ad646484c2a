"""The API's viewsets, one module per domain: events.py (events, invitations,
claims), people.py (people, countries), reports.py (reports, feed sources),
tokens.py; mixins.py holds what they share. events.api.urls routes them."""
