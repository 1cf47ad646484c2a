"""Editors' review queue: pending claims with their evidence in context, and
the approve/reject door (events.services.claims.claim_review)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from events.models import Claim
from events.permissions import editor_required
from events.services.claims import claim_review
from events.views.reports import highlight

CONTEXT_CHARS = 280


@editor_required
def review_queue(request):
    claims = (
        Claim.objects.pending()
        .select_related("invitation__event", "invitation__invitee", "report")
        .order_by("created_at", "id")
    )
    page = Paginator(claims, 25).get_page(request.GET.get("page"))
    items = [
        (
            claim,
            highlight(
                claim.report.text if claim.report else "", claim.evidence, context=CONTEXT_CHARS
            ),
        )
        for claim in page
    ]
    return render(request, "ingest/review_queue.html", {"page": page, "items": items})


@require_POST
@editor_required
def review_decide(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    decision = request.POST.get("decision")
    if decision not in ("approve", "reject"):
        messages.error(request, "Choose approve or reject.")
        return redirect("ingest:review")
    try:
        claim_review(claim=claim, approve=decision == "approve", reviewer=request.user)
    except ValidationError as exc:
        messages.error(request, f"Claim {claim.pk} cannot be approved: {'; '.join(exc.messages)}")
    else:
        verb = "approved" if decision == "approve" else "rejected"
        messages.success(request, f"Claim {claim.pk} {verb}.")
    return redirect("ingest:review")
