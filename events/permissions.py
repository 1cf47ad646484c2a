"""Who may write. An editor is a user with the events.add_claim permission:
members of the "editors" group (created after every migrate) and superusers."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models.signals import post_migrate
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch

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


def editor_required(view):
    """Editors' pages: anonymous users go to the login page (a 403 when the site
    has none), signed-in non-editors get a 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            try:
                resolve_url(settings.LOGIN_URL)
            except NoReverseMatch:
                raise PermissionDenied("Sign in as an editor.") from None
            return redirect_to_login(request.get_full_path())
        if not is_editor(request.user):
            raise PermissionDenied("Only editors can do this.")
        return view(request, *args, **kwargs)

    return wrapper


def ensure_editors_group(**kwargs) -> None:
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    perms = Permission.objects.filter(
        content_type__app_label="events", codename__in=_EDITOR_CODENAMES
    )
    group.permissions.add(*perms)


def connect_signals(sender) -> None:
    post_migrate.connect(ensure_editors_group, sender=sender)
