"""Who may write. An editor is a user with the events.add_claim permission:
members of the "editors" group (created after every migrate) and superusers."""

from django.db.models.signals import post_migrate

EDITORS_GROUP = "editors"
EDITOR_PERMISSION = "events.add_claim"
_EDITOR_CODENAMES = [
    f"{action}_{model}"
    for model in ("event", "invitation", "claim", "person")
    for action in ("add", "change", "view")
] + ["view_country"]


def is_editor(user) -> bool:
    return bool(
        user and user.is_authenticated and user.is_active and user.has_perm(EDITOR_PERMISSION)
    )


def ensure_editors_group(**kwargs) -> None:
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    perms = Permission.objects.filter(
        content_type__app_label="events", codename__in=_EDITOR_CODENAMES
    )
    group.permissions.add(*perms)


def connect_signals(sender) -> None:
    post_migrate.connect(ensure_editors_group, sender=sender)
