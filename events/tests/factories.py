"""factory-boy factories for tests. Claims go through the services so the
invitation's status is always derived, never hand-set."""

import datetime

import factory
from django.contrib.auth.models import Group, User

from events import services
from events.models import Country, Event, Invitation, Person


def country(code: str) -> Country:
    return Country.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def editor(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name="editors"))
        if create:
            self.save()


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Leader Number{n}")
    slug = factory.Sequence(lambda n: f"leader-{n}")
    country = factory.LazyFunction(lambda: country("FR"))
    role = "President"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Summit {n}")
    slug = factory.Sequence(lambda n: f"summit-{n}")
    kind = "summit"
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    city = "Paris"
    country = factory.LazyFunction(lambda: country("FR"))


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    event = factory.SubFactory(EventFactory)
    invitee = factory.SubFactory(PersonFactory)


def record(invitation: Invitation, status: str, as_of: datetime.date, outlet: str = "Wire", **kw):
    return services.claim_record(
        invitation=invitation,
        status=status,
        as_of=as_of,
        source_outlet=outlet,
        source_url=kw.pop("url", f"https://news.example/{outlet.lower()}/{as_of:%Y%m%d}"),
        **kw,
    )
