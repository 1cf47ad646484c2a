"""One JSON error shape for every API error:

    {"status": 400, "code": "invalid", "detail": "Invalid input.",
     "errors": {"as_of": ["A claim cannot be dated in the future."]}}

`errors` maps a field name (dotted for nested or list items) to its messages;
messages about the request as a whole are under "non_field_errors". It is an
empty object for errors that concern no field.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, serializers, status
from rest_framework.renderers import JSONRenderer
from rest_framework.views import exception_handler as drf_exception_handler

from events.services.invitations import InvitationAlreadyExists


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the resource."
    default_code = "conflict"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"


class ErrorSerializer(serializers.Serializer):
    """The body of every error response (documentation only)."""

    status = serializers.IntegerField(help_text="The HTTP status code, repeated.")
    code = serializers.CharField(help_text="A stable, machine-readable error code.")
    detail = serializers.CharField(help_text="A human-readable summary.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Messages per field; `non_field_errors` for the request as a whole.",
    )


def _flatten(detail, prefix: str = "") -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = "non_field_errors" if key == "__all__" else str(key)
            out.update(_flatten(value, f"{prefix}.{name}" if prefix else name))
    elif isinstance(detail, list | tuple):
        messages = [str(item) for item in detail if not isinstance(item, dict | list)]
        if messages:
            out.setdefault(prefix or "non_field_errors", []).extend(messages)
        for index, item in enumerate(detail):
            if isinstance(item, dict | list) and item:
                out.update(_flatten(item, f"{prefix}.{index}" if prefix else str(index)))
    else:
        out.setdefault(prefix or "non_field_errors", []).append(str(detail))
    return out


def _first_code(exc: exceptions.APIException) -> str:
    codes = exc.get_codes()
    while isinstance(codes, dict | list):
        if not codes:
            return exc.default_code
        codes = next(iter(codes.values())) if isinstance(codes, dict) else codes[0]
    return str(codes)


def _code(exc: exceptions.APIException) -> str:
    if isinstance(exc, exceptions.ValidationError):
        return "invalid"
    if isinstance(exc, Conflict):
        return "conflict"
    return _first_code(exc)


def _translate(exc: Exception) -> Exception:
    if isinstance(exc, InvitationAlreadyExists):
        return Conflict(detail=serializers.as_serializer_error(exc))
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(detail=serializers.as_serializer_error(exc))
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    return exc


def exception_handler(exc, context):
    exc = _translate(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # a real bug: let Django log it and answer 500
    request = context.get("request")
    if request is not None:
        # Errors are always JSON, even for a ?format=csv request.
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = "application/json"
    if isinstance(exc.detail, dict | list):
        errors = _flatten(exc.detail)
        if isinstance(exc, exceptions.ValidationError):
            detail = "Invalid input."
        else:
            detail = next(iter(errors.values()))[0] if errors else str(exc.default_detail)
    else:
        errors = {}
        detail = str(exc.detail)
    response.data = {
        "status": response.status_code,
        "code": _code(exc),
        "detail": detail,
        "errors": errors,
    }
    return response
