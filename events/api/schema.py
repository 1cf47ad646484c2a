"""OpenAPI generation: every operation documents the errors it can answer with
(all in the shared `Error` shape) and whether anonymous callers may use it."""

from drf_spectacular import openapi
from rest_framework.permissions import SAFE_METHODS

from events.api.errors import ErrorSerializer
from events.api.permissions import IsEditorOrReadOnly

_DESCRIPTIONS = {
    "400": "Bad input: `errors` holds the messages per field or parameter.",
    "401": "No or invalid credentials.",
    "403": "Authenticated, but not allowed (not an editor), or a missing CSRF token.",
    "404": "No such object (or page).",
    "406": "None of the media types in Accept can be produced.",
    "409": "Conflicts with the current state (e.g. the invitation already exists).",
    "415": "The body is not application/json.",
    "429": "Too many requests; see Retry-After.",
}


class AutoSchema(openapi.AutoSchema):
    def _error_codes(self) -> list[str]:
        codes = ["406", "429"]
        method = self.method.upper()
        has_path_params = "{" in self.path
        if method in SAFE_METHODS:
            codes.append("400")  # bad filter or query parameter
            if has_path_params or self._is_list_view():
                codes.append("404")
        else:
            codes += ["400", "401", "403", "415"]
            if has_path_params:
                codes.append("404")
            codes += list(
                getattr(self.view, "extra_error_codes", {}).get(
                    getattr(self.view, "action", None), []
                )
            )
        if method == "DELETE":
            codes.remove("415")
        return codes

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in self._error_codes():
            if code not in responses:
                body = self._get_response_for_code(
                    ErrorSerializer, code, media_types=["application/json"], direction=direction
                )
                body["description"] = _DESCRIPTIONS[code]
                responses[code] = body
        ok = responses.get("200", {})
        if "text/csv" in ok.get("content", {}):
            ok["content"]["text/csv"] = {"schema": {"type": "string"}}
        if self.method.upper() == "GET" and getattr(self.view, "conditional_get", False):
            responses["304"] = {
                "description": "Not modified: the ETag in If-None-Match (or the date in "
                "If-Modified-Since) still describes the current representation."
            }
        return responses

    def get_auth(self):
        auths = super().get_auth()
        permissions = [p.__class__ for p in self.view.get_permissions()]
        if IsEditorOrReadOnly in permissions and self.method.upper() in SAFE_METHODS:
            auths.append({})
        return auths
