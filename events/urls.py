"""Web pages. Filled in by the pages work; see events/views.py."""

urlpatterns: list = []
