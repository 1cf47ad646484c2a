"""Model validation for the services, without the queries Django would make.

`Model.full_clean()` asks the database twice where Python knows the answer:
every CheckConstraint is checked with a `SELECT 1 WHERE ...` query, and every
foreign key with an existence query, even for a related row just loaded. The
pipeline records thousands of claims a minute, so `full_clean()` here gives
the same errors (same messages, same codes, same fields) and only asks the
database what it must: unique checks, conditions Python cannot evaluate, and
foreign keys given as a bare id or an unsaved object. The database constraints
stay the last word either way.
"""

from __future__ import annotations

import operator

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import F, Q

_LOOKUPS = {
    "exact": operator.eq,
    "in": lambda value, options: value in options,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


class _NotInPython(Exception):
    """A condition this module does not evaluate: let the database decide."""


def _value(instance, name: str, exclude: set[str]):
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist:
        raise _NotInPython from None
    if field.name in exclude or not field.concrete or field.many_to_many:
        raise _NotInPython  # Django skips constraints over excluded fields: so do we
    return getattr(instance, field.attname)


def _holds(q: Q, instance, exclude: set[str]) -> bool | None:
    """SQL's three-valued truth of `q` for `instance`: None is unknown (NULL)."""
    results: list[bool | None] = []
    for child in q.children:
        if isinstance(child, Q):
            results.append(_holds(child, instance, exclude))
            continue
        key, expected = child
        name, _, lookup = key.partition("__")
        lookup = lookup or "exact"
        value = _value(instance, name, exclude)
        if lookup == "isnull":
            results.append((value is None) == bool(expected))
            continue
        if lookup not in _LOOKUPS:
            raise _NotInPython
        if isinstance(expected, F):
            expected = _value(instance, expected.name, exclude)
        elif hasattr(expected, "resolve_expression"):
            raise _NotInPython
        if value is None or expected is None:
            results.append(None)
            continue
        try:
            results.append(bool(_LOOKUPS[lookup](value, expected)))
        except TypeError:
            raise _NotInPython from None
    if q.connector == Q.OR:
        result = True if True in results else (None if None in results else False)
    elif q.connector == Q.AND:
        result = False if False in results else (None if None in results else True)
    else:
        raise _NotInPython  # XOR: rare, leave it to the database
    if q.negated and result is not None:
        result = not result
    return result


def _check(constraint: models.CheckConstraint, model, instance, exclude: set[str]) -> None:
    try:
        holds = _holds(Q(constraint.condition), instance, exclude)
    except _NotInPython:
        constraint.validate(model, instance, exclude=exclude)
        return
    if holds is False:  # unknown passes, as in the database (and in Django's check)
        raise ValidationError(
            constraint.get_violation_error_message(), code=constraint.violation_error_code
        )


def _loaded_relations(obj) -> set[str]:
    """Foreign keys whose related object is a row loaded from the database."""
    names = set()
    for field in obj._meta.concrete_fields:
        if not field.many_to_one:
            continue
        related = field.get_cached_value(obj, None)
        if (
            related is not None
            and not related._state.adding
            and related.pk is not None
            and related.pk == getattr(obj, field.attname)
        ):
            names.add(field.name)
    return names


def full_clean(
    obj: models.Model,
    *,
    exclude: list[str] | None = None,
    validate_unique: bool = True,
    unique_constraints: bool = True,
) -> None:
    """Model.full_clean(), same errors, fewer queries. `unique_constraints=False`
    skips the UniqueConstraints too, for a caller that has just looked the
    row up itself (a race still ends in the database's IntegrityError)."""
    exclude_set = set(exclude or ())
    errors: dict = {}
    try:
        obj.clean_fields(exclude=exclude_set | _loaded_relations(obj))
    except ValidationError as exc:
        errors = exc.update_error_dict(errors)
    try:
        obj.clean()
    except ValidationError as exc:
        errors = exc.update_error_dict(errors)
    exclude_set |= {name for name in errors if name != NON_FIELD_ERRORS}
    if validate_unique:
        try:
            obj.validate_unique(exclude=exclude_set)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
    exclude_set |= {name for name in errors if name != NON_FIELD_ERRORS}
    constraint_errors: dict = {}
    for model, constraints in obj.get_constraints():
        for constraint in constraints:
            try:
                if isinstance(constraint, models.CheckConstraint):
                    _check(constraint, model, obj, exclude_set)
                elif unique_constraints:
                    constraint.validate(model, obj, exclude=exclude_set)
            except ValidationError as exc:
                fields = getattr(constraint, "fields", ())
                if getattr(exc, "code", None) == "unique" and len(fields) == 1:
                    constraint_errors.setdefault(fields[0], []).append(exc)
                else:
                    constraint_errors = exc.update_error_dict(constraint_errors)
    if constraint_errors:
        errors = ValidationError(constraint_errors).update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
