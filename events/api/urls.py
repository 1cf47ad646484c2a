"""REST API under /api/. Filled in by the API work."""

urlpatterns: list = []
