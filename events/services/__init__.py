"""The only writers of the domain. Views, viewsets, the admin, tasks and
commands call these; forms validate and convert, linking plans, the rest reads.

One module per domain: events, invitations, claims (and the invitation status
derived from them), people, merge (two records of one real event or person),
sources, reports (with the claims extracted from them), tokens; base holds what they share. Every function takes keyword-only
arguments, runs in one transaction and raises
django.core.exceptions.ValidationError (with per-field messages) for bad input,
which the doors turn into a 400 or a form error. The names are re-exported here.
"""

from events.services.claims import claim_record, claim_review, invitation_refresh_status
from events.services.events import event_create, event_touch, event_update
from events.services.invitations import (
    InvitationAlreadyExists,
    invitation_create,
    invitation_get_or_create,
    invitations_between,
)
from events.services.merge import event_merge, merge_check, person_merge
from events.services.people import delegation_for_country, person_create
from events.services.reports import (
    ApplyResult,
    report_apply_extraction,
    report_fail,
    report_store_text,
    report_submit,
    reports_known,
)
from events.services.sources import (
    source_claim,
    source_create,
    source_poll_soon,
    source_record_failure,
    source_record_success,
    source_update,
)
from events.services.tokens import token_create, token_revoke, token_revoke_current

__all__ = [
    "ApplyResult",
    "InvitationAlreadyExists",
    "claim_record",
    "claim_review",
    "delegation_for_country",
    "event_create",
    "event_merge",
    "event_touch",
    "event_update",
    "invitation_create",
    "invitation_get_or_create",
    "invitation_refresh_status",
    "invitations_between",
    "merge_check",
    "person_create",
    "person_merge",
    "report_apply_extraction",
    "report_fail",
    "report_store_text",
    "report_submit",
    "reports_known",
    "source_claim",
    "source_create",
    "source_poll_soon",
    "source_record_failure",
    "source_record_success",
    "source_update",
    "token_create",
    "token_revoke",
    "token_revoke_current",
]
