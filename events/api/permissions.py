"""Who may call what. Reusable by every API module (the ingestion endpoints too)."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from events.permissions import is_editor


class IsEditorOrReadOnly(BasePermission):
    """Anyone may read; only an editor (events.add_claim) may write.

    An anonymous write gets 401 (DRF turns a failed check without credentials
    into NotAuthenticated); a signed-in non-editor gets 403.
    """

    message = "Only editors may change data."

    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS or is_editor(request.user)


class IsEditor(BasePermission):
    """Editors only, reads included (for review queues and the like)."""

    message = "Only editors may do this."

    def has_permission(self, request, view) -> bool:
        return is_editor(request.user)
