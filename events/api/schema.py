"""OpenAPI generation: every operation documents the errors it can answer with
(all in the shared `Error` shape) and whether anonymous callers may use it."""

from drf_spectacular import openapi
from rest_framework.permissions import SAFE_METHODS

from events.api.errors import ErrorSerializer
from events.api.permissions import IsEditor, IsEditorOrReadOnly

_DESCRIPTIONS = {
    "400": "Bad input: `errors` holds the messages per field or parameter.",
    "401": "No or invalid credentials.",
    "403": "Authenticated, but not allowed (not an editor), or a missing CSRF token.",
    "404": "No such object (or page).",
    "406": "None of the media types in Accept can be produced.",
    "409": "Conflicts with the current state (e.g. the invitation or the feed already exists).",
    "413": "The body is larger than the server accepts (2 MB by default).",
    "415": "The body is not application/json.",
    "429": "Too many requests; see Retry-After.",
}


class AutoSchema(openapi.AutoSchema):
    def _error_codes(self) -> list[str]:
        codes = ["406", "429"]
        method = self.method.upper()
        has_path_params = "{" in self.path
        if method in SAFE_METHODS:
            if self._is_list_view() and getattr(self.view, "paginator", None) is not None:
                codes += ["400", "404"]  # a bad filter or page parameter; a page past the end
            elif has_path_params:
                codes.append("404")
            if {} not in self.get_auth():
                codes.append("401")
            if IsEditor in self._permission_classes():
                codes.append("403")  # signed in, but not an editor
            return codes
        codes += ["401", "403"]
        if method != "DELETE":
            codes += ["400", "413", "415"]
        if has_path_params:
            codes.append("404")
        extra = getattr(self.view, "extra_error_codes", {})
        codes += list(extra.get(getattr(self.view, "action", None), []))
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
        if self.method.upper() == "GET" and getattr(self.view, "action", None) in getattr(
            self.view, "conditional_actions", ()
        ):
            responses["304"] = {
                "description": "Not modified: the ETag in If-None-Match (or the date in "
                "If-Modified-Since) still describes the current representation."
            }
        return responses

    def _permission_classes(self) -> list[type]:
        return [p.__class__ for p in self.view.get_permissions()]

    def get_auth(self):
        auths = super().get_auth()
        permissions = self._permission_classes()
        if IsEditorOrReadOnly in permissions and self.method.upper() in SAFE_METHODS:
            auths.append({})
        return auths


# What JSON Schema can say about our input beyond what drf-spectacular derives:
# text never holds NUL; required names and titles hold more than blanks; an
# invitee is a person or a country, not both; sources are web links.
_NO_NUL = "^[^\\x00]*$"
_NOT_BLANK = "^[^\\x00]*[^\\s\\x00][^\\x00]*$"
_NOT_BLANK_FIELDS = {"title", "name"}
_INVITEE_COMPONENTS = {"InvitationWriteRequest", "EventClaimWriteRequest"}
# A report is submitted with a URL or a text (not blank), or both.
_REPORT_SUBMIT = "ReportSubmitRequest"
_TEXT_QUERY_PARAMS = {"q", "name"}


def _tighten_strings(schema: dict, name: str | None = None) -> None:
    if schema.get("type") == "string" and "enum" not in schema and "format" not in schema:
        if name in _NOT_BLANK_FIELDS and schema.get("minLength"):
            schema["pattern"] = _NOT_BLANK
        elif "pattern" not in schema:
            schema["pattern"] = _NO_NUL
    if schema.get("type") == "string" and schema.get("format") == "uri":
        schema["pattern"] = "^[Hh][Tt][Tt][Pp][Ss]?://[^\\x00]*$"
    for prop_name, prop in schema.get("properties", {}).items():
        _tighten_strings(prop, prop_name)
        for branch in prop.get("oneOf", []):  # e.g. a URL or "" (allow_blank)
            _tighten_strings(branch, prop_name)
    if isinstance(schema.get("items"), dict):
        _tighten_strings(schema["items"])


def postprocess(result, generator, request, public):
    components = result.get("components", {}).get("schemas", {})
    for name, component in components.items():
        if name.endswith("Request"):
            _tighten_strings(component)
        if name in _INVITEE_COMPONENTS:
            component["oneOf"] = [{"required": ["person"]}, {"required": ["country"]}]
        if name == _REPORT_SUBMIT:
            component["anyOf"] = [
                {"required": ["url"], "properties": {"url": {"minLength": 1}}},
                {"required": ["text"], "properties": {"text": {"pattern": _NOT_BLANK}}},
            ]
    for item in result.get("paths", {}).values():
        for operation in item.values():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body and body["schema"].get("$ref", "").endswith(f"/{_REPORT_SUBMIT}"):
                operation["requestBody"]["required"] = True  # a URL or a text
            for param in operation.get("parameters", []):
                if param.get("in") == "query" and param["name"] in _TEXT_QUERY_PARAMS:
                    param["schema"].update(pattern=_NO_NUL, minLength=1)
    return result
