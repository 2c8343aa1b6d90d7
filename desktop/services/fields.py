"""The first checks of every service that saves a record's fields from a dialog or the CLI."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from desktop.errors import ValidationError


def checked_fields(
    fields: dict[str, Any],
    allowed: Iterable[str],
    what: str,
    text_fields: Iterable[str] = (),
    errors_of: Callable[[dict[str, Any]], Mapping[str, str]] | None = None,
) -> dict[str, Any]:
    """A copy of ``fields`` with its text fields stripped.

    A name outside ``allowed`` is the caller's mistake (TypeError, naming ``what`` the record is);
    what a person typed wrong (``errors_of``: field → message) is one ValidationError with every
    message, so a dialog can show them all at once.
    """
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"not {what} fields: {', '.join(sorted(unknown))}")
    if errors_of is not None:
        errors = errors_of(fields)
        if errors:
            raise ValidationError(" ".join(errors.values()))
    values = dict(fields)
    for name in text_fields:
        if name in values:
            values[name] = str(values[name] or "").strip()
    return values
