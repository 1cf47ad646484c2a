"""Web pages: thin doors over QuerySets (public.py), services (editor.py)
and the rate-limited login (auth.py)."""
