"""Web pages: thin doors over QuerySets (public.py), services (editor.py,
review.py), the pipeline's reports (reports.py), the outgoing calendar and
Atom feed (calendars.py) and the rate-limited login (auth.py)."""
