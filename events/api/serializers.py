"""What the API reads and writes. Output serializers describe rows; input
serializers only validate and convert, then a view hands the result to
events.services (the only writers)."""

import datetime

from django.conf import settings
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.api.fields import (
    CountryCodeField,
    StrictBooleanField,
    StrictCharField,
    StrictDateField,
    StrictDateTimeField,
    StrictIntegerField,
    StrictURLField,
)
from events.ingest.fetch import UnsafeURLError, check_url_offline
from events.models import (
    EVENT_FIELDS,
    Claim,
    Country,
    DatePrecision,
    Event,
    EventKind,
    FeedKind,
    Invitation,
    Lifecycle,
    Person,
    PersonKind,
    Report,
    Source,
)
from events.status import ClaimStatus, InvitationStatus

# --- Output -------------------------------------------------------------------


class CountrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["code", "alpha3", "name", "official_name", "flag"]


class PersonSerializer(serializers.ModelSerializer):
    country = serializers.CharField(
        source="country_id", allow_null=True, help_text="ISO alpha-2 code, null for organisations"
    )

    class Meta:
        model = Person
        fields = ["id", "slug", "name", "kind", "country", "role", "aliases", "needs_review"]


class PersonBriefSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country_id", allow_null=True)

    class Meta:
        model = Person
        fields = ["id", "name", "kind", "country"]


class SourceSerializer(serializers.ModelSerializer):
    """The approved claim the current status rests on: where it comes from."""

    claim_id = serializers.IntegerField(source="id")

    class Meta:
        model = Claim
        fields = ["claim_id", "status", "as_of", "source_url", "source_outlet", "source_title"]


class EventInvitationSerializer(serializers.ModelSerializer):
    """An invitation as embedded in an event."""

    invitee = PersonBriefSerializer()
    source = SourceSerializer(source="current_claim", allow_null=True)

    class Meta:
        model = Invitation
        fields = ["id", "invitee", "status", "status_since", "source"]


# One count per invitation status, in the order events.status defines them.
StatusCountsSerializer = type(serializers.Serializer)(
    "StatusCountsSerializer",
    (serializers.Serializer,),
    {"__module__": __name__, **{s: serializers.IntegerField() for s in InvitationStatus.values}},
)


def status_counts(invitations) -> dict[str, int]:
    counts = dict.fromkeys(InvitationStatus.values, 0)
    for invitation in invitations:
        counts[invitation.status] += 1
    return counts


# The event as the API shows it: its own fields (models.EVENT_FIELDS), each
# followed by what is derived from it, then the bookkeeping and the invitations.
EVENT_API_FIELDS = [
    "id",
    "slug",
    *(
        name
        for field in EVENT_FIELDS
        for name in (field, *{"country": ["country_name"], "lifecycle": ["phase"]}.get(field, []))
    ),
    "sequence",
    "needs_review",
    "created_at",
    "updated_at",
    "web_url",
    "status_counts",
    "invitations",
]
# The CSV export: the list's columns without the long texts, with a column per status.
EVENT_CSV_FIELDS = [
    "id",
    "slug",
    *(field for field in EVENT_FIELDS if field != "description"),
    "phase",
    *InvitationStatus.values,
    "updated_at",
    "web_url",
]


class EventSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country_id", help_text="Host country, ISO alpha-2")
    phase = serializers.SerializerMethodField(
        help_text="Derived today from the dates and the lifecycle."
    )
    country_name = serializers.CharField(source="country.name")
    host = PersonBriefSerializer(allow_null=True)
    web_url = serializers.SerializerMethodField()
    status_counts = serializers.SerializerMethodField()
    invitations = EventInvitationSerializer(many=True)

    class Meta:
        model = Event
        fields = EVENT_API_FIELDS

    def get_web_url(self, event) -> str:
        return f"{settings.SITE_URL}{event.get_absolute_url()}"

    @extend_schema_field({"type": "string", "enum": ["upcoming", "ongoing", "past", "cancelled"]})
    def get_phase(self, event) -> str:
        return event.phase()

    def get_status_counts(self, event) -> StatusCountsSerializer:
        return status_counts(event.invitations.all())


_DATETIME = serializers.DateTimeField()


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def event_list_data(events: list[Event]) -> list[dict]:
    """EventSerializer(events, many=True).data, the same dicts, built from one
    values() query for the invitations instead of a model instance and a nested
    serializer per invitation, invitee and source (bench R1: 5x faster). The
    events need country and host selected. events/tests/api/ check both agree."""
    by_event: dict[int, list[dict]] = {event.pk: [] for event in events}
    counts = {pk: dict.fromkeys(InvitationStatus.values, 0) for pk in by_event}
    rows = (
        Invitation.objects.filter(event_id__in=list(by_event))
        .order_by("id")
        .values_list(
            "id",
            "event_id",
            "status",
            "status_since",
            "invitee_id",
            "invitee__name",
            "invitee__kind",
            "invitee__country_id",
            "current_claim_id",
            "current_claim__status",
            "current_claim__as_of",
            "current_claim__source_url",
            "current_claim__source_outlet",
            "current_claim__source_title",
        )
    )
    for row in rows:
        (pk, event_id, status, since, person_id, name, kind, country) = row[:8]
        claim_id = row[8]
        by_event[event_id].append(
            {
                "id": pk,
                "invitee": {"id": person_id, "name": name, "kind": kind, "country": country},
                "status": status,
                "status_since": _iso(since),
                "source": None
                if claim_id is None
                else {
                    "claim_id": claim_id,
                    "status": row[9],
                    "as_of": _iso(row[10]),
                    "source_url": row[11],
                    "source_outlet": row[12],
                    "source_title": row[13],
                },
            }
        )
        counts[event_id][status] += 1
    today = timezone.localdate()
    data = []
    for event in events:
        host = event.host
        values = {
            "id": event.pk,
            "slug": event.slug,
            "title": event.title,
            "kind": event.kind,
            "start_date": _iso(event.start_date),
            "end_date": _iso(event.end_date),
            "date_precision": event.date_precision,
            "city": event.city,
            "country": event.country_id,
            "country_name": event.country.name,
            "host": None
            if host is None
            else {
                "id": host.pk,
                "name": host.name,
                "kind": host.kind,
                "country": host.country_id,
            },
            "lifecycle": event.lifecycle,
            "phase": event.phase(today),
            "description": event.description,
            "sequence": event.sequence,
            "needs_review": event.needs_review,
            "created_at": _DATETIME.to_representation(event.created_at),
            "updated_at": _DATETIME.to_representation(event.updated_at),
            "web_url": f"{settings.SITE_URL}{event.get_absolute_url()}",
            "status_counts": counts[event.pk],
            "invitations": by_event[event.pk],
        }
        data.append({name: values[name] for name in EVENT_API_FIELDS})
    return data


class EventBriefSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country_id")

    class Meta:
        model = Event
        fields = ["id", "slug", "title", "kind", "start_date", "country"]


class ClaimSerializer(serializers.ModelSerializer):
    event = serializers.IntegerField(source="invitation.event_id")

    class Meta:
        model = Claim
        fields = [
            "id",
            "invitation",
            "event",
            "status",
            "as_of",
            "source_url",
            "source_outlet",
            "source_title",
            "evidence",
            "confidence",
            "origin",
            "review_state",
            "reviewed_at",
            "created_at",
            "updated_at",
        ]


class InvitationSerializer(serializers.ModelSerializer):
    event = EventBriefSerializer()
    invitee = PersonBriefSerializer()
    inviter = PersonBriefSerializer(allow_null=True)
    source = SourceSerializer(source="current_claim", allow_null=True)

    class Meta:
        model = Invitation
        fields = [
            "id",
            "event",
            "invitee",
            "inviter",
            "status",
            "status_since",
            "source",
            "created_at",
            "updated_at",
        ]


class InvitationDetailSerializer(InvitationSerializer):
    claims = serializers.SerializerMethodField(help_text="Every claim, oldest first.")

    class Meta(InvitationSerializer.Meta):
        fields = [*InvitationSerializer.Meta.fields, "claims"]

    def get_claims(self, invitation) -> ClaimSerializer(many=True):
        return ClaimSerializer(invitation.claims.history(), many=True).data


# --- Input --------------------------------------------------------------------

_ID = {"min_value": 1, "max_value": 2**63 - 1}


def _person(pk: int, field: str) -> Person:
    person = Person.objects.filter(pk=pk).first()
    if person is None:
        raise serializers.ValidationError({field: f"There is no person with id {pk}."})
    return person


class EventWriteSerializer(serializers.Serializer):
    title = StrictCharField(max_length=300)
    kind = serializers.ChoiceField(choices=EventKind.choices)
    start_date = StrictDateField()
    end_date = StrictDateField(required=False, allow_null=True)
    date_precision = serializers.ChoiceField(choices=DatePrecision.choices, required=False)
    city = StrictCharField(max_length=120, required=False, allow_blank=True)
    country = CountryCodeField(help_text="Host country, ISO alpha-2")
    host = StrictIntegerField(required=False, allow_null=True, help_text="Id of a person", **_ID)
    lifecycle = serializers.ChoiceField(choices=Lifecycle.choices, required=False)
    description = StrictCharField(max_length=20000, required=False, allow_blank=True)

    def validate(self, attrs):
        start = attrs.get("start_date", getattr(self.instance, "start_date", None))
        end = attrs.get("end_date", getattr(self.instance, "end_date", None))
        if start and end and end < start:
            raise serializers.ValidationError(
                {"end_date": "The end date is before the start date."}
            )
        if attrs.get("host") is not None:
            attrs["host"] = _person(attrs["host"], "host")
        return attrs


class PersonWriteSerializer(serializers.Serializer):
    name = StrictCharField(max_length=200)
    kind = serializers.ChoiceField(choices=PersonKind.choices, required=False)
    country = CountryCodeField(required=False, allow_null=True)
    role = StrictCharField(max_length=200, required=False, allow_blank=True)
    aliases = serializers.ListField(
        child=StrictCharField(max_length=200), max_length=50, required=False
    )


class _InviteeSerializer(serializers.Serializer):
    """An invitee named either by person id or by country (its delegation or troops)."""

    person = StrictIntegerField(required=False, help_text="Id of a person", **_ID)
    country = CountryCodeField(
        required=False, help_text="A country: the invitee is its delegation (or troops)"
    )
    country_invitee_kind = serializers.ChoiceField(
        choices=[PersonKind.DELEGATION, PersonKind.TROOPS],
        required=False,
        help_text="With `country`: whether its delegation or its troops are invited.",
    )

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if ("person" in attrs) == ("country" in attrs):
            raise serializers.ValidationError(
                {"non_field_errors": ["Give exactly one of person and country."]}
            )
        if "person" in attrs:
            attrs["person"] = _person(attrs["person"], "person")
        return attrs


class InvitationWriteSerializer(_InviteeSerializer):
    event = StrictIntegerField(help_text="Id of the event", **_ID)
    inviter = StrictIntegerField(required=False, allow_null=True, help_text="Id of a person", **_ID)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        event = Event.objects.filter(pk=attrs["event"]).first()
        if event is None:
            raise serializers.ValidationError(
                {"event": f"There is no event with id {attrs['event']}."}
            )
        attrs["event"] = event
        if attrs.get("inviter") is not None:
            attrs["inviter"] = _person(attrs["inviter"], "inviter")
        return attrs


class ClaimWriteSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ClaimStatus.choices)
    as_of = StrictDateField(help_text="The day the source says this was true.")
    source_url = StrictURLField(max_length=2000, required=False, allow_blank=True)
    source_outlet = StrictCharField(max_length=200, required=False, allow_blank=True)
    source_title = StrictCharField(max_length=500, required=False, allow_blank=True)
    evidence = StrictCharField(max_length=5000, required=False, allow_blank=True)

    def validate_source_url(self, value: str) -> str:
        if value and not value.lower().startswith(("http://", "https://")):
            raise serializers.ValidationError("Only http and https links are accepted.")
        return value


class EventClaimWriteSerializer(ClaimWriteSerializer, _InviteeSerializer):
    """A claim about an invitee of this event, invited or not yet."""


class MergeSerializer(serializers.Serializer):
    """Which record to keep; the one named in the URL is merged into it."""

    into = StrictIntegerField(help_text="Id of the record to keep", **_ID)

    model: type = Event
    what = "event"

    def validate_into(self, value: int):
        found = self.model.objects.filter(pk=value).first()
        if found is None:
            raise serializers.ValidationError(
                f"There is no {self.what} with id {value} (deleted or merged)."
            )
        return found


class EventMergeSerializer(MergeSerializer):
    into = StrictIntegerField(help_text="Id of the event to keep", **_ID)


class PersonMergeSerializer(MergeSerializer):
    into = StrictIntegerField(help_text="Id of the person to keep", **_ID)

    model = Person
    what = "person"


class ClaimReviewSerializer(serializers.Serializer):
    approve = StrictBooleanField(help_text="true approves the claim, false rejects it")


# --- Reports and feed sources (editors only) ------------------------------------

MIN_POLL_INTERVAL = 60
MAX_POLL_INTERVAL = 7 * 86400


def _fetchable(value: str) -> str:
    """A URL the worker may fetch: http(s), no credentials, no private or
    loopback address, no local name (see events.ingest.fetch)."""
    try:
        check_url_offline(value)
    except UnsafeURLError as exc:
        raise serializers.ValidationError(str(exc)) from None
    return value


class ReportSerializer(serializers.ModelSerializer):
    url = serializers.CharField(
        help_text="Canonical URL (tracking parameters removed); empty for a text "
        "submitted without one."
    )
    urls = serializers.ListField(
        child=serializers.CharField(), help_text="Every URL it was seen under."
    )
    claims = serializers.IntegerField(
        source="claim_count", read_only=True, help_text="Claims extracted from it."
    )

    class Meta:
        model = Report
        fields = [
            "id",
            "url",
            "urls",
            "title",
            "outlet",
            "published",
            "fetched_at",
            "language",
            "state",
            "error",
            "source",
            "claims",
            "created_at",
        ]
        read_only_fields = fields


class ReportDetailSerializer(ReportSerializer):
    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "text"]
        read_only_fields = fields


class ReportAcceptedSerializer(ReportSerializer):
    created = serializers.BooleanField(
        source="was_created",
        help_text="false: the same article was already known (same canonical URL or "
        "same text); this is that report.",
    )

    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "created"]
        read_only_fields = fields


class FeedSourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = [
            "id",
            "name",
            "kind",
            "url",
            "active",
            "poll_interval",
            "etag",
            "last_modified",
            "last_polled_at",
            "next_poll_at",
            "last_error",
            "consecutive_failures",
        ]
        read_only_fields = fields


class ReportSubmitSerializer(serializers.Serializer):
    url = StrictURLField(
        max_length=2000,
        required=False,
        allow_blank=True,
        help_text="The article to fetch (http or https, on a public host).",
    )
    text = StrictCharField(
        max_length=200_000,
        required=False,
        allow_blank=True,
        help_text="The article's plain text, if you have it (then nothing is fetched).",
    )
    title = StrictCharField(max_length=500, required=False, allow_blank=True)
    outlet = StrictCharField(max_length=200, required=False, allow_blank=True)
    published = StrictDateTimeField(
        required=False, allow_null=True, help_text="When it was published (ISO 8601 instant)."
    )
    language = StrictCharField(max_length=16, required=False, allow_blank=True)

    def validate_url(self, value: str) -> str:
        return _fetchable(value) if value else value

    def validate_published(self, value):
        if value and value > timezone.now() + datetime.timedelta(days=1):
            raise serializers.ValidationError("A report cannot be published in the future.")
        return value

    def validate(self, attrs):
        if not attrs.get("url") and not (attrs.get("text") or "").strip():
            raise serializers.ValidationError({"url": ["Give a URL or a text."]})
        return attrs


class FeedSourceWriteSerializer(serializers.Serializer):
    name = StrictCharField(max_length=200)
    kind = serializers.ChoiceField(choices=FeedKind.choices, required=False)
    url = StrictURLField(max_length=2000, help_text="The feed (http or https, on a public host).")
    active = StrictBooleanField(required=False)
    poll_interval = StrictIntegerField(
        min_value=MIN_POLL_INTERVAL,
        max_value=MAX_POLL_INTERVAL,
        required=False,
        help_text="Seconds between polls.",
    )

    def validate_url(self, value: str) -> str:
        return _fetchable(value)


# --- API tokens ---------------------------------------------------------------


class TokenCreateSerializer(serializers.Serializer):
    username = StrictCharField(max_length=150, required=False)
    password = StrictCharField(max_length=4096, required=False, style={"input_type": "password"})


class TokenSerializer(serializers.Serializer):
    token_key = serializers.CharField(help_text="The first characters of the token; its id.")
    created = serializers.DateTimeField()
    expiry = serializers.DateTimeField(allow_null=True)


class NewTokenSerializer(TokenSerializer):
    token = serializers.CharField(help_text="Send as `Authorization: Token <token>`. Shown once.")
