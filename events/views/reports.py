"""Editors' pages of the pipeline's input: the Reports list and one report
with the evidence of a chosen claim marked in its text."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from events.models import Report, ReportState
from events.permissions import editor_required


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
