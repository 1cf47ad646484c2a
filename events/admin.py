from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models

from events.models import Claim, Country, Event, Invitation, Person, Report, Source
from events.services import merge as merging
from events.services.claims import claim_record, claim_review
from events.services.sources import source_create, source_update
from events.status import ReviewState
from events.tasks import enqueue_poll, enqueue_report


def _merge_into_oldest(modeladmin, request, queryset, merge) -> None:
    """Merge every selected record into the oldest of them (the lowest id: as a
    rule the one an editor made, the others being the pipeline's duplicates)."""
    rows = list(queryset.order_by("pk"))
    if len(rows) < 2:
        modeladmin.message_user(request, "Select at least two to merge.", messages.ERROR)
        return
    kept, merged = rows[0], 0
    for row in rows[1:]:
        try:
            kept = merge(row, kept, request.user)
            merged += 1
        except ValidationError as exc:
            modeladmin.message_user(request, f"{row}: {'; '.join(exc.messages)}", messages.ERROR)
    if merged:
        modeladmin.message_user(request, f"{merged} merged into {kept}.", messages.SUCCESS)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "alpha3"]
    search_fields = ["code", "alpha3", "name", "official_name"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "role", "needs_review"]
    list_filter = ["kind", "needs_review", "country"]
    search_fields = ["name", "role", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]
    actions = ["merge_into_oldest"]

    @admin.action(description="Merge the selected people into the oldest of them")
    def merge_into_oldest(self, request, queryset):
        _merge_into_oldest(
            self,
            request,
            queryset,
            lambda row, kept, user: merging.person_merge(person=row, into=kept, merged_by=user),
        )


class InvitationInline(admin.TabularInline):
    model = Invitation
    fk_name = "event"
    extra = 0
    fields = ["invitee", "inviter", "status", "status_since"]
    readonly_fields = ["status", "status_since"]
    autocomplete_fields = ["invitee", "inviter"]
    show_change_link = True


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "start_date", "city", "country", "lifecycle", "needs_review"]
    list_filter = ["kind", "lifecycle", "needs_review", "start_date", "country"]
    search_fields = ["title", "city", "slug"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["country", "host"]
    readonly_fields = ["sequence", "created_at", "updated_at"]
    inlines = [InvitationInline]
    list_select_related = ["country"]
    actions = ["merge_into_oldest"]

    @admin.action(description="Merge the selected events into the oldest of them")
    def merge_into_oldest(self, request, queryset):
        _merge_into_oldest(
            self,
            request,
            queryset,
            lambda row, kept, user: merging.event_merge(event=row, into=kept, merged_by=user),
        )


class ClaimInline(admin.TabularInline):
    model = Claim
    extra = 0
    fields = [
        "status",
        "as_of",
        "source_outlet",
        "source_url",
        "evidence",
        "confidence",
        "origin",
        "review_state",
        "review_note",
    ]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        # Claims are recorded through services so the status is re-derived.
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["invitee", "event", "status", "status_since"]
    list_filter = ["status", "event__kind"]
    search_fields = ["invitee__name", "event__title"]
    autocomplete_fields = ["event", "invitee", "inviter"]
    readonly_fields = ["status", "status_since", "current_claim", "created_at", "updated_at"]
    list_select_related = ["invitee", "event"]
    inlines = [ClaimInline]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["invitation", "status", "as_of", "source_outlet", "origin", "review_state"]
    list_filter = ["status", "origin", "review_state"]
    search_fields = ["invitation__invitee__name", "invitation__event__title", "source_outlet"]
    autocomplete_fields = ["invitation"]
    readonly_fields = [
        "review_note",
        "recorded_by",
        "reviewed_by",
        "reviewed_at",
        "created_at",
        "updated_at",
    ]
    list_select_related = ["invitation__invitee", "invitation__event"]
    actions = ["approve", "reject"]

    def save_model(self, request, obj, form, change):
        if change:
            # The history is never rewritten: only the review state may change here.
            state = form.cleaned_data.get("review_state")
            if state in (ReviewState.APPROVED, ReviewState.REJECTED):
                claim_review(
                    claim=obj, approve=state == ReviewState.APPROVED, reviewer=request.user
                )
            return
        claim_record(
            invitation=obj.invitation,
            status=obj.status,
            as_of=obj.as_of,
            source_url=obj.source_url,
            source_outlet=obj.source_outlet,
            source_title=obj.source_title,
            evidence=obj.evidence,
            confidence=obj.confidence,
            origin=obj.origin,
            review_state=obj.review_state,
            recorded_by=request.user,
        )

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return self.readonly_fields
        editable = {"review_state"}
        return [f.name for f in Claim._meta.fields if f.name not in editable]

    def _review(self, request, queryset, approve: bool) -> None:
        done = 0
        for claim in queryset:
            try:
                claim_review(claim=claim, approve=approve, reviewer=request.user)
                done += 1
            except ValidationError as exc:
                self.message_user(request, f"{claim}: {'; '.join(exc.messages)}", messages.ERROR)
        verb = "approved" if approve else "rejected"
        self.message_user(request, f"{done} claim(s) {verb}.", messages.SUCCESS)

    @admin.action(description="Approve selected claims")
    def approve(self, request, queryset):
        self._review(request, queryset, approve=True)

    @admin.action(description="Reject selected claims")
    def reject(self, request, queryset):
        self._review(request, queryset, approve=False)


# --- Ingestion: feeds and the reports they bring ------------------------------------------


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = [
        "name",
        "kind",
        "url",
        "active",
        "last_polled_at",
        "next_poll_at",
        "consecutive_failures",
        "last_error",
    ]
    list_filter = ["active", "kind"]
    search_fields = ["name", "url"]
    readonly_fields = [
        "etag",
        "last_modified",
        "last_polled_at",
        "next_poll_at",
        "polling_until",
        "last_error",
        "consecutive_failures",
        "created_at",
        "updated_at",
    ]
    actions = ["poll_now"]

    def save_model(self, request, obj, form, change):
        fields = {
            name: form.cleaned_data[name]
            for name in ("name", "kind", "url", "active", "poll_interval")
        }
        if change:
            source_update(source=obj, **fields)
        else:
            obj.pk = source_create(**fields).pk

    @admin.action(description="Poll selected sources now")
    def poll_now(self, request, queryset):
        for source in queryset:
            enqueue_poll(source.pk)
        self.message_user(request, f"{queryset.count()} poll(s) queued.", messages.SUCCESS)


class ReportClaimInline(admin.TabularInline):
    model = Claim
    fk_name = "report"
    extra = 0
    fields = ["invitation", "status", "evidence", "confidence", "review_state"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["__str__", "outlet", "published", "state", "source", "created_at"]
    list_filter = ["state", "source"]
    search_fields = ["title", "url", "outlet"]
    list_select_related = ["source"]
    inlines = [ReportClaimInline]
    actions = ["reextract"]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Report._meta.fields]

    def has_add_permission(self, request):
        return False  # reports come in through the pipeline (POST /api/reports/ or `ingest`)

    @admin.action(description="Extract selected reports again")
    def reextract(self, request, queryset):
        for report in queryset:
            enqueue_report(report.pk, force=True)
        self.message_user(request, f"{queryset.count()} report(s) queued.", messages.SUCCESS)
