"""Forms for the web pages: the event filters (shared by the pages, the
calendar and the Atom feed) and the editor forms. Forms only validate and
convert; the views hand the cleaned data to events.services."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from events.models import (
    Country,
    DatePrecision,
    Event,
    EventKind,
    Lifecycle,
    Person,
    PersonKind,
)
from events.status import ClaimStatus


class FastSelect(forms.Select):
    """A <select> rendered in Python rather than one template per option: the
    same HTML (bar whitespace), a list of countries in well under 1 ms instead
    of about 15 (bench R2)."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        options = []
        for option_value, label in self.choices:
            v = str(option_value)
            mark = " selected" if v in selected else ""
            options.append(f'<option value="{escape(v)}"{mark}>{escape(label)}</option>')
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            mark_safe("".join(options)),  # noqa: S308 - each value and label escaped above
        )


class _CountryChoices(forms.models.ModelChoiceIterator):
    """(code, "Name (code)") pairs straight from one values_list() query."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for code, name in self.queryset.values_list("code", "name"):
            yield (code, f"{name} ({code})")


class CountryField(forms.ModelChoiceField):
    """A country chosen by its ISO alpha-2 code, case-insensitive."""

    widget = FastSelect
    iterator = _CountryChoices

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Country.objects.only("code", "name").order_by("name"))
        kwargs.setdefault("to_field_name", "code")
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().upper()
        return super().to_python(value)

    def label_from_instance(self, obj: Country) -> str:
        return f"{obj.name} ({obj.code})"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def add_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names."""
    if hasattr(exc, "error_dict"):
        for field, messages in exc.message_dict.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


# --- Reading: filters ------------------------------------------------------------
class EventFilterForm(forms.Form):
    """Filters that live in the URL: ?country=RU&kind=parade&from=...&to=...&q=...&person=..."""

    q = forms.CharField(label="Search", required=False, max_length=200)
    country = CountryField(label="Host country", required=False, empty_label="Any country")
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "Any kind"), *EventKind.choices]
    )
    person = forms.CharField(
        label="Person",
        required=False,
        max_length=200,
        help_text="A name, or part of one: events they host or are invited to.",
    )
    date_from = forms.DateField(label="From", required=False, widget=DateInput())
    date_to = forms.DateField(label="To", required=False, widget=DateInput())

    # URL parameter names differ from field names where Python reserves the word.
    PARAMS = {"date_from": "from", "date_to": "to"}

    FIELDS = ("q", "country", "kind", "person", "date_from", "date_to")

    def add_prefix(self, field_name):
        return self.PARAMS.get(field_name, field_name)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The end of the range is before its start.")
        return data

    @property
    def active(self) -> bool:
        return self.is_bound and self.is_valid() and any(self.cleaned_data.values())

    def apply(self, qs):
        """Narrow an Event queryset. Call only on a valid form."""
        data = self.cleaned_data
        if data.get("q"):
            qs = qs.search(data["q"])
        if data.get("country"):
            qs = qs.filter(country=data["country"])
        if data.get("kind"):
            qs = qs.filter(kind=data["kind"])
        if data.get("person"):
            qs = qs.involving(self.people())
        if data.get("date_from") or data.get("date_to"):
            qs = qs.between(data.get("date_from"), data.get("date_to"))
        return qs

    def people(self):
        """The people the `person` filter names: an exact slug, or a name match."""
        text = self.cleaned_data.get("person", "")
        return Person.objects.filter(Q(slug=text) | Q(name__icontains=text)).values("pk")

    def querystring(self) -> str:
        """The active filters as a URL query string (for feed and calendar links)."""
        if not (self.is_bound and self.is_valid()):
            return ""
        pairs = []
        for name in self.FIELDS:
            value = self.cleaned_data.get(name)
            if not value:
                continue
            if isinstance(value, Country):
                value = value.code
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            pairs.append((self.PARAMS.get(name, name), value))
        return urlencode(pairs)


# --- Writing: editor forms -------------------------------------------------------
class HttpURLField(forms.URLField):
    """A web address; only http(s) ever becomes a link on our pages."""

    default_validators = [URLValidator(schemes=["http", "https"])]
    # Field messages override validator messages with the same code.
    default_error_messages = {
        "invalid": "Enter a web address starting with http:// or https://.",
    }


class ClaimForm(forms.Form):
    status = forms.ChoiceField(
        label="What happened",
        choices=ClaimStatus.choices,
        widget=forms.RadioSelect,
        initial=ClaimStatus.ACCEPTED,
    )
    as_of = forms.DateField(
        label="As of",
        widget=DateInput(),
        help_text="The day the source says it.",
    )
    source_url = HttpURLField(
        label="Source link",
        max_length=2000,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
    source_outlet = forms.CharField(
        label="Outlet",
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": "e.g. Reuters"}),
    )
    evidence = forms.CharField(
        label="Quote",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The sentence of the source that says so.",
    )

    def __init__(self, *args, prefix_id: str = "", **kwargs):
        kwargs.setdefault("initial", {"as_of": timezone.localdate()})
        super().__init__(*args, **kwargs)
        # Many claim forms share a page: ids must stay unique.
        self.auto_id = f"id_{prefix_id}_%s" if prefix_id else "id_%s"


class InviteeForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=200,
        help_text="An existing person is reused when the name (and country) match.",
    )
    country = CountryField(label="Country", required=False, empty_label="None (organisation)")
    role = forms.CharField(label="Role", required=False, max_length=200)
    kind = forms.ChoiceField(label="Kind", choices=PersonKind.choices, initial=PersonKind.PERSON)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.auto_id = "id_invitee_%s"

    def existing_person(self) -> Person | None:
        """The one person the name (and country) name, if any, by the rule of
        PersonQuerySet.named(). Raises a form error if the name is ambiguous."""
        data = self.cleaned_data
        found = Person.objects.named(data["name"], data.get("country"))
        if len(found) > 1:
            raise ValidationError(
                {"country": "Several people have this name: choose their country."}
            )
        return found[0] if found else None


class EventForm(forms.Form):
    title = forms.CharField(label="Title", max_length=300)
    kind = forms.ChoiceField(label="Kind", choices=EventKind.choices)
    start_date = forms.DateField(label="Starts", widget=DateInput())
    end_date = forms.DateField(label="Ends", required=False, widget=DateInput())
    date_precision = forms.ChoiceField(
        label="Date known to the",
        choices=DatePrecision.choices,
        initial=DatePrecision.DAY,
    )
    city = forms.CharField(label="City", required=False, max_length=120)
    country = CountryField(label="Host country")
    host_name = forms.CharField(
        label="Host",
        required=False,
        max_length=200,
        help_text="The person who hosts it, e.g. the head of state. Created if new.",
    )
    lifecycle = forms.ChoiceField(
        label="Status", choices=Lifecycle.choices, initial=Lifecycle.SCHEDULED
    )
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The event cannot end before it starts.")
        return data

    def host(self) -> Person | None:
        """The known person named as host (of the host country first), or None:
        a new name is created by the view, through a service."""
        name = self.cleaned_data.get("host_name", "").strip()
        if not name:
            return None
        country = self.cleaned_data.get("country")
        # The host is most often of the host country, but not always.
        return Person.objects.person_named(name, country) or Person.objects.person_named(name)


# --- Editing: merging two records of one real thing ------------------------------------
class _MergeForm(forms.Form):
    """Which record to keep: the one this page's record is merged into."""

    model: type
    what = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"] = forms.ModelChoiceField(
            queryset=self.model.objects.all(),
            widget=forms.HiddenInput,
            error_messages={
                "required": f"Pick the {self.what} to keep.",
                "invalid_choice": f"That {self.what} no longer exists (deleted or merged): "
                f"pick another.",
            },
        )


class EventMergeForm(_MergeForm):
    model = Event

    what = "event"


class PersonMergeForm(_MergeForm):
    model = Person
    what = "person"
