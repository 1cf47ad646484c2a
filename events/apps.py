from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events and invitations"

    def ready(self) -> None:
        from events.permissions import connect_signals

        connect_signals(self)
