"""Editors' pages of the pipeline: the Reports page and the Review queue."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import NoReverseMatch
from django.views.decorators.http import require_POST

from events import services
from events.models import Claim, Report, ReportState
from events.permissions import is_editor

CONTEXT_CHARS = 280


def editor_required(view):
    """Editors only: anonymous users go to the login page (when the site has
    one), signed-in non-editors get a 403."""

    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            try:
                resolve_url(settings.LOGIN_URL)
            except NoReverseMatch:
                raise PermissionDenied("Sign in as an editor.") from None
            return redirect_to_login(request.get_full_path())
        if not is_editor(request.user):
            raise PermissionDenied("Editors only.")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def highlight(text: str, evidence: str, *, context: int | None = None) -> tuple[str, str, str]:
    """(before, evidence, after) pieces of the text; the template escapes each
    and wraps the middle in <mark>. With `context`, only that many characters
    either side are kept."""
    evidence = (evidence or "").strip()
    at = text.find(evidence) if evidence else -1
    if at < 0:
        return (text[: context * 2] if context else text), "", ""
    before, after = text[:at], text[at + len(evidence) :]
    if context:
        before = ("…" + before[-context:]) if len(before) > context else before
        after = (after[:context] + "…") if len(after) > context else after
    return before, text[at : at + len(evidence)], after


@editor_required
def report_list(request):
    reports = Report.objects.annotate(claim_count=Count("claims")).select_related("source")
    state = request.GET.get("state", "")
    if state in ReportState.values:
        reports = reports.filter(state=state)
    page = Paginator(reports.order_by("-created_at", "-id"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "ingest/report_list.html",
        {"page": page, "state": state, "states": ReportState.choices},
    )


@editor_required
def report_detail(request, pk: int):
    report = get_object_or_404(Report.objects.select_related("source"), pk=pk)
    claims = report.claims.select_related("invitation__event", "invitation__invitee").order_by("id")
    marked = None
    selected = request.GET.get("claim", "")
    if selected.isdigit():
        chosen = claims.filter(pk=int(selected)).first()
        if chosen:
            marked = highlight(report.text, chosen.evidence)
    return render(
        request,
        "ingest/report_detail.html",
        {"report": report, "claims": claims, "marked": marked},
    )


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
        services.claim_review(claim=claim, approve=decision == "approve", reviewer=request.user)
    except ValidationError as exc:
        messages.error(request, f"Claim {claim.pk} cannot be approved: {'; '.join(exc.messages)}")
    else:
        verb = "approved" if decision == "approve" else "rejected"
        messages.success(request, f"Claim {claim.pk} {verb}.")
    return redirect("ingest:review")
