"""The domain: countries, people, events, invitations and the claims about them.

An invitation's current status is derived from its approved claims by
`events.status.derive_status` and stored on the row (with the claim behind it)
so lists never have to walk the claim history. Only `events.services` writes.
"""

import datetime
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from events import names
from events.status import ClaimStatus, InvitationStatus, ReviewState


class EventKind(models.TextChoices):
    PARADE = "parade", "Military parade"
    SUMMIT = "summit", "Summit"
    INAUGURATION = "inauguration", "Inauguration"
    FUNERAL = "funeral", "State funeral"
    CORONATION = "coronation", "Coronation"
    STATE_VISIT = "state_visit", "State visit"
    CEREMONY = "ceremony", "Ceremony"
    CONFERENCE = "conference", "Conference"
    OTHER = "other", "Other"


class Lifecycle(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    POSTPONED = "postponed", "Postponed"
    CANCELLED = "cancelled", "Cancelled"
    HELD = "held", "Held"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class Origin(models.TextChoices):
    MANUAL = "manual", "Recorded by an editor"
    EXTRACTED = "extracted", "Extracted from a report"


class PersonKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "International organisation"
    DELEGATION = "delegation", "Country delegation"
    TROOPS = "troops", "Troops"


def _choices_check(
    field: str, choices: type[models.TextChoices], name: str
) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{field}__in": choices.values}), name=name)


class Country(models.Model):
    """An ISO 3166-1 country, keyed by its alpha-2 code."""

    code = models.CharField(max_length=2, primary_key=True, help_text="ISO 3166-1 alpha-2")
    alpha3 = models.CharField(max_length=3, unique=True)
    name = models.CharField(max_length=100, unique=True)
    official_name = models.CharField(max_length=200, blank=True)
    demonyms = models.JSONField(default=list, blank=True, help_text='e.g. ["French"]')
    aliases = models.JSONField(default=list, blank=True, help_text='e.g. ["the Elysee", "Paris"]')

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_alpha2"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def flag(self) -> str:
        """The emoji flag, built from regional indicator symbols."""
        return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in self.code)


class PersonQuerySet(models.QuerySet):
    def search(self, text: str):
        return self.filter(Q(name__icontains=text) | Q(role__icontains=text))

    # --- "The person named X (in country Y)": events.names holds the rule ----------
    def named_any(self, people_names: Iterable[str | None]):
        """Everyone whose name or one of whose aliases has the key of one of
        `people_names` (case, accents and punctuation ignored): the candidates
        events.names.best_matches() chooses from, in one query."""
        keys = {key for name in people_names if (key := names.name_key(name))}
        if not keys:
            return self.none()
        match = Q(name_key__in=keys)
        for key in keys:
            match |= Q(alias_keys__contains=names.alias_needle(key))
        return self.filter(match)

    def named(self, name: str | None, country=None) -> list["Person"]:
        """The people named `name` (in `country`, or of no country), best first:
        see events.names.best_matches."""
        return names.best_matches(self.named_any([name]), name, country)

    def person_named(self, name: str | None, country=None) -> "Person | None":
        """The person named `name` (in `country`): the oldest of the best matches."""
        found = self.named(name, country)
        return found[0] if found else None


class Person(models.Model):
    """An invitee or host: a person, an international organisation, or a
    country's delegation or troops."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    kind = models.CharField(max_length=20, choices=PersonKind.choices, default=PersonKind.PERSON)
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
        help_text="Empty for international organisations and their officials.",
    )
    role = models.CharField(max_length=200, blank=True, help_text="e.g. President of France")
    aliases = models.JSONField(default=list, blank=True)
    # The comparison keys of the name and the aliases (events.names), kept by save().
    name_key = models.CharField(max_length=200, blank=True, editable=False)
    alias_keys = models.TextField(blank=True, editable=False)
    needs_review = models.BooleanField(
        default=False, help_text="Created by the pipeline; an editor should check it."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [_choices_check("kind", PersonKind, "person_kind_valid")]
        indexes = [
            models.Index(fields=["name"], name="person_name_idx"),
            models.Index(fields=["name_key"], name="person_name_key_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = names.name_key(self.name)
        self.alias_keys = names.alias_keys(self.aliases)
        fields = kwargs.get("update_fields")
        if fields is not None and {"name", "aliases"} & set(fields):
            kwargs["update_fields"] = {*fields, "name_key", "alias_keys"}
        super().save(*args, **kwargs)


class SubqueryCount(models.Subquery):
    """The number of rows of a correlated subquery (0 when none), e.g.
    SubqueryCount(Invitation.objects.filter(event=OuterRef("pk")))."""

    template = "(SELECT count(*) FROM (%(subquery)s) _n)"
    output_field = models.IntegerField()

    def __init__(self, queryset, **extra):
        super().__init__(queryset.order_by().values("pk"), **extra)


class EventQuerySet(models.QuerySet):
    # --- Dates: the one meaning of upcoming, ongoing and past -----------------------
    # An event is over once its last day (end_date, else start_date) has passed.
    # "Upcoming" lists (home, calendars, ?upcoming=true) hold every event not over
    # yet, ongoing ones included; Event.phase() names the finer phase of one event.
    # Each filter is written on coalesce(end_date, start_date) so that
    # event_last_day_idx serves it.

    def _last_day(self):
        return self.alias(last_day=Coalesce("end_date", "start_date"))

    def not_over(self, today: datetime.date | None = None):
        """Events whose last day is today or later, cancelled ones included
        (calendars must learn of a cancellation rather than see the event vanish)."""
        today = today or timezone.localdate()
        return self._last_day().filter(last_day__gte=today).order_by("start_date", "id")

    def upcoming(self, today: datetime.date | None = None):
        """Events not over yet and not cancelled: phase upcoming or ongoing."""
        return self.not_over(today).exclude(lifecycle=Lifecycle.CANCELLED)

    def ongoing(self, today: datetime.date | None = None):
        """Events under way today (started, not over, not cancelled)."""
        today = today or timezone.localdate()
        return self.upcoming(today).filter(start_date__lte=today)

    def past(self, today: datetime.date | None = None):
        """Events over (their last day has passed), the latest first."""
        today = today or timezone.localdate()
        return self._last_day().filter(last_day__lt=today).order_by("-start_date", "-id")

    def not_upcoming(self, today: datetime.date | None = None):
        """Everything upcoming() leaves out: events over, and cancelled ones."""
        today = today or timezone.localdate()
        return self._last_day().filter(Q(last_day__lt=today) | Q(lifecycle=Lifecycle.CANCELLED))

    def between(self, start: datetime.date | None = None, end: datetime.date | None = None):
        """Events overlapping the [start, end] range (either bound optional):
        ending on or after start, starting on or before end."""
        qs = self
        if start:
            qs = qs._last_day().filter(last_day__gte=start)
        if end:
            qs = qs.filter(start_date__lte=end)
        return qs

    # --- Text -------------------------------------------------------------------------
    def search(self, text: str):
        """?q= on the pages, the calendar, the feed and the API: the text in the
        title, the city, the host country's name or the host's name."""
        return self.filter(
            Q(title__icontains=text)
            | Q(city__icontains=text)
            | Q(country__name__icontains=text)
            | Q(host__name__icontains=text)
        )

    # --- Reads for the pages and feeds ----------------------------------------------
    def with_status_counts(self):
        """Host country and host joined, and one count per invitation status,
        in a single query whatever the number of events. Correlated subqueries
        (not a join and GROUP BY): computed for the rows of the page only, and
        a count() of the queryset stays a plain count of events."""
        invitations = Invitation.objects.filter(event=OuterRef("pk"))
        counts = {
            f"n_{status}": SubqueryCount(invitations.filter(status=status))
            for status in InvitationStatus.values
        }
        return self.select_related("country", "host", "host__country").annotate(
            n_invitations=SubqueryCount(invitations), **counts
        )

    def with_host(self):
        return self.select_related("country", "host", "host__country")

    def involving(self, people):
        """Events a person (or any of the given people) hosts or is invited to.
        A subquery, not a join, so status counts stay right and rows unique."""
        invited = Invitation.objects.filter(event=OuterRef("pk"), invitee__in=people)
        return self.filter(Q(Exists(invited)) | Q(host__in=people))

    def for_calendar(self):
        """Events with their invitations and invitees, for .ics attendee lines."""
        return self.select_related("country", "host").prefetch_related(
            Prefetch(
                "invitations",
                queryset=Invitation.objects.select_related("invitee", "invitee__country"),
            )
        )


# An event's own fields, as an editor sets them, in the order every list of
# them uses: the form, the API (input, output and CSV) and the services.
EVENT_FIELDS = (
    "title",
    "kind",
    "start_date",
    "end_date",
    "date_precision",
    "city",
    "country",
    "host",
    "lifecycle",
    "description",
)


class Event(models.Model):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=320, unique=True)
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    city = models.CharField(max_length=120, blank=True)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="hosted_events", help_text="Host country"
    )
    host = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="hosted_events"
    )
    lifecycle = models.CharField(
        max_length=10, choices=Lifecycle.choices, default=Lifecycle.SCHEDULED
    )
    description = models.TextField(blank=True)
    # Grows on every change so calendar clients replace, not duplicate, the event.
    sequence = models.PositiveIntegerField(default=0)
    needs_review = models.BooleanField(
        default=False, help_text="Created by the pipeline; an editor should check it."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "id"]
        constraints = [
            _choices_check("kind", EventKind, "event_kind_valid"),
            _choices_check("lifecycle", Lifecycle, "event_lifecycle_valid"),
            _choices_check("date_precision", DatePrecision, "event_date_precision_valid"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="event_end_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["start_date", "id"], name="event_start_idx"),
            models.Index(fields=["country", "start_date"], name="event_country_start_idx"),
            models.Index(fields=["kind", "start_date"], name="event_kind_start_idx"),
            models.Index(fields=["updated_at"], name="event_updated_idx"),
            # Upcoming events (bench R3): an index scan instead of a scan of every event.
            models.Index(Coalesce("end_date", "start_date"), "id", name="event_last_day_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.start_date:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return f"/events/{self.slug}/"

    @property
    def last_day(self) -> datetime.date:
        return self.end_date or self.start_date

    def has_started(self, today: datetime.date | None = None) -> bool:
        return self.start_date <= (today or timezone.localdate())

    def is_over(self, today: datetime.date | None = None) -> bool:
        """Its last day has passed: the rule of EventQuerySet.past()."""
        return self.last_day < (today or timezone.localdate())

    def phase(self, today: datetime.date | None = None) -> str:
        """Where the event stands today: cancelled, upcoming (not started),
        ongoing (started, not over) or past; the rows of EventQuerySet's
        upcoming() are the upcoming and ongoing ones."""
        today = today or timezone.localdate()
        if self.lifecycle == Lifecycle.CANCELLED:
            return "cancelled"
        if not self.has_started(today):
            return "upcoming"
        if not self.is_over(today):
            return "ongoing"
        return "past"


def attach_status_counts(events: list) -> None:
    """Set n_invitations and n_<status> on each event, as with_status_counts()
    does, with one grouped query for a page of events (no subquery per row)."""
    counts = {event.pk: dict.fromkeys(InvitationStatus.values, 0) for event in events}
    rows = (
        Invitation.objects.filter(event_id__in=list(counts))
        .order_by()
        .values_list("event_id", "status")
        .annotate(n=models.Count("id"))
    )
    for event_id, status, n in rows:
        counts[event_id][status] = n
    for event in events:
        for status, n in counts[event.pk].items():
            setattr(event, f"n_{status}", n)
        event.n_invitations = sum(counts[event.pk].values())


class InvitationQuerySet(models.QuerySet):
    def with_current_claim(self):
        return self.select_related("invitee", "invitee__country", "inviter", "current_claim")

    # --- reads for the web pages --------------------------------------------
    def with_history(self):
        """Current claim and the full claim history, prefetched: a constant
        number of queries whatever the number of invitees and claims."""
        return self.with_current_claim().prefetch_related(
            Prefetch("claims", queryset=Claim.objects.order_by("as_of", "created_at", "id"))
        )

    def for_person_page(self):
        return self.select_related(
            "event", "event__country", "current_claim", "invitee", "invitee__country"
        ).order_by("-event__start_date", "-event_id")


class Invitation(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    invitee = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="invitations")
    inviter = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitations_sent"
    )
    # Derived from the approved claims (events.status.derive_status); stored so
    # lists and counts need no claim scan. Only services.invitation_refresh_status writes it.
    status = models.CharField(
        max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.INVITED
    )
    status_since = models.DateField(null=True, blank=True)
    current_claim = models.ForeignKey(
        "Claim",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The approved claim the current status rests on.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["event", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "invitee"], name="invitation_unique_invitee"),
            _choices_check("status", InvitationStatus, "invitation_status_valid"),
        ]
        indexes = [
            models.Index(fields=["invitee", "event"], name="invitation_invitee_idx"),
            models.Index(fields=["event", "status"], name="invitation_event_status_idx"),
            models.Index(fields=["updated_at"], name="invitation_updated_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.invitee} → {self.event.title}"


class ClaimQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(review_state=ReviewState.APPROVED)

    def pending(self):
        return self.filter(review_state=ReviewState.PENDING)

    def history(self):
        return self.order_by("as_of", "created_at", "id")

    # --- reads for the Atom feed ------------------------------------------
    def status_changes(self):
        """Approved claims, newest first, with what a feed entry needs joined."""
        return (
            self.approved()
            .select_related(
                "invitation__event__country",
                "invitation__invitee__country",
            )
            .annotate(changed_at=Coalesce("reviewed_at", "created_at"))
            .order_by("-changed_at", "-id")
        )


class Claim(models.Model):
    """One sourced statement about an invitation. Never overwritten: the claims
    of an invitation are its audit trail."""

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="claims")
    status = models.CharField(max_length=10, choices=ClaimStatus.choices)
    as_of = models.DateField(help_text="The day the source says this was true.")
    source_url = models.URLField(
        max_length=2000, blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    source_outlet = models.CharField(max_length=200, blank=True)
    source_title = models.CharField(max_length=500, blank=True)
    evidence = models.TextField(blank=True, help_text="The sentence of the source that says so.")
    confidence = models.FloatField(default=1.0)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.MANUAL)
    review_state = models.CharField(
        max_length=10, choices=ReviewState.choices, default=ReviewState.APPROVED
    )
    review_note = models.CharField(
        max_length=300,
        blank=True,
        default="",
        db_default="",  # rows written by raw COPY (bench.generate) need no value
        help_text="Why the pipeline left this claim for an editor instead of applying it.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims_recorded",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims_reviewed",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The report the claim was extracted from (none for a claim an editor recorded).
    report = models.ForeignKey(
        "Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["as_of", "created_at", "id"]
        constraints = [
            _choices_check("status", ClaimStatus, "claim_status_valid"),
            _choices_check("origin", Origin, "claim_origin_valid"),
            _choices_check("review_state", ReviewState, "claim_review_state_valid"),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="claim_confidence_range"
            ),
        ]
        indexes = [
            models.Index(
                fields=["invitation", "review_state", "as_of"], name="claim_invitation_idx"
            ),
            models.Index(fields=["review_state", "created_at"], name="claim_review_idx"),
            models.Index(fields=["updated_at"], name="claim_updated_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} as of {self.as_of:%Y-%m-%d} ({self.source_label})"

    @property
    def source_label(self) -> str:
        return self.source_outlet or self.source_url or "no source"

    @property
    def source_key(self) -> str:
        """What makes two claims come from the same source: the outlet if named,
        else the URL's host."""
        if self.source_outlet:
            return self.source_outlet.strip().lower()
        return urlsplit(self.source_url).hostname or self.source_url


# --- Ingestion: feeds, the reports they bring, and the claims' link to them ---


class FeedKind(models.TextChoices):
    RSS = "rss", "RSS"
    ATOM = "atom", "Atom"
    JSON = "json", "JSON Feed"


class ReportState(models.TextChoices):
    NEW = "new", "New"
    FETCHED = "fetched", "Fetched"
    EXTRACTED = "extracted", "Extracted"
    FAILED = "failed", "Failed"


class SourceQuerySet(models.QuerySet):
    def due(self, now: datetime.datetime | None = None):
        now = now or timezone.now()
        return self.filter(active=True).filter(
            Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now)
        )


class Source(models.Model):
    """A feed the pipeline polls."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=4, choices=FeedKind.choices, default=FeedKind.RSS)
    url = models.URLField(
        max_length=2000, unique=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    active = models.BooleanField(default=True)
    poll_interval = models.PositiveIntegerField(default=900, help_text="Seconds between polls.")
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True)
    # Set while a worker polls the source: the conditional update that claims it.
    polling_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        constraints = [_choices_check("kind", FeedKind, "source_kind_valid")]
        indexes = [models.Index(fields=["active", "next_poll_at"], name="source_due_idx")]

    def __str__(self) -> str:
        return self.name


class ReportQuerySet(models.QuerySet):
    def with_pending_claims(self):
        return self.filter(claims__review_state=ReviewState.PENDING).distinct()


class Report(models.Model):
    """One article, however many URLs it was seen under."""

    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    url = models.URLField(
        max_length=2000,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="Canonical URL (tracking parameters removed).",
    )
    urls = models.JSONField(default=list, blank=True, help_text="Every URL it was seen under.")
    title = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    published = models.DateTimeField(null=True, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField(blank=True, help_text="Plain text.")
    content_hash = models.CharField(max_length=64, blank=True)
    language = models.CharField(max_length=16, blank=True)
    state = models.CharField(max_length=10, choices=ReportState.choices, default=ReportState.NEW)
    error = models.TextField(blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports_submitted",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            _choices_check("state", ReportState, "report_state_valid"),
            # One report per canonical URL and per text; blanks are not yet known.
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="report_unique_url"),
            models.UniqueConstraint(
                fields=["content_hash"], condition=~Q(content_hash=""), name="report_unique_hash"
            ),
        ]
        indexes = [
            models.Index(fields=["state", "created_at"], name="report_state_idx"),
            models.Index(fields=["source", "created_at"], name="report_source_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.url or f"Report {self.pk}"


# --- Merged records: the address of what was merged away answers with the one kept ---


class RedirectQuerySet(models.QuerySet):
    def target(self, *, slug: str | None = None, pk: int | None = None):
        """What a merged record's old slug (or id) leads to now, or None."""
        field = self.model.target_field
        match = {"old_slug": slug} if slug is not None else {"old_id": pk}
        found = self.filter(**match).select_related(field).first()
        return getattr(found, field) if found else None


class EventRedirect(models.Model):
    """An event merged into another: its page (/events/<old_slug>/) and its API
    detail (/api/events/<old_id>/) answer 301 with the event it was merged into."""

    old_slug = models.SlugField(max_length=320, unique=True)
    old_id = models.BigIntegerField(unique=True)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RedirectQuerySet.as_manager()
    target_field = "event"

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.event_id}"


class PersonRedirect(models.Model):
    """A person merged into another: /people/<old_slug>/ and /api/people/<old_id>/
    answer 301 with the person kept."""

    old_slug = models.SlugField(max_length=220, unique=True)
    old_id = models.BigIntegerField(unique=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RedirectQuerySet.as_manager()
    target_field = "person"

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.person_id}"
