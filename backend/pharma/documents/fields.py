"""Read one raw input value (JSON-like) into a typed value for its field, or explain why not."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from backend.pharma.documents.errors import FieldError
from backend.pharma.documents.templates import FieldSpec
from backend.pharma.units import Quantity, UnitError, format_number, parse_quantity

MAX_TEXT = {"text": 500, "textarea": 20_000}  # keeps one request from becoming a huge document
MAX_ROWS = 500
_EXAMPLE_UNIT = {"mass": "mg", "area": "cm²", "volume": "mL", "mass fraction": "mg/kg",
                 "surface density": "µg/cm²", "mass concentration": "µg/mL"}


# Characters XML (so DOCX) cannot hold: C0 controls other than tab/newline/CR, and surrogates.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Invalid(ValueError):
    """A value does not fit its field; the message is written for the person who typed it."""


def is_empty(value: Any) -> bool:
    """None, blank text and empty lists count as 'not given'."""
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _text(spec: FieldSpec, raw: Any) -> str:
    if not isinstance(raw, str):
        raise Invalid(f"must be text, got {type(raw).__name__}")
    limit = MAX_TEXT.get(spec.type, MAX_TEXT["text"])
    if len(raw) > limit:
        raise Invalid(f"is too long ({len(raw)} characters; at most {limit})")
    return _printable(raw).strip()


def _printable(text: str) -> str:
    if _NOT_XML.search(text):
        raise Invalid("contains control characters that a document cannot hold")
    return text


def _bounds(spec: FieldSpec, value: float, shown: str) -> None:
    if spec.positive and value <= 0:
        raise Invalid(f"must be greater than zero, got {shown}")
    if spec.minimum is not None and value < spec.minimum:
        raise Invalid(f"must be at least {format_number(spec.minimum)}, got {shown}")
    if spec.maximum is not None and value > spec.maximum:
        raise Invalid(f"must be at most {format_number(spec.maximum)}, got {shown}")


def _number(spec: FieldSpec, raw: Any) -> float:
    if isinstance(raw, str):
        try:
            raw = float(raw.strip().replace(",", "."))
        except ValueError:
            raise Invalid(f"must be a number, got {raw!r}") from None
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
        raise Invalid(f"must be a finite number, got {raw!r}")
    _bounds(spec, float(raw), format_number(raw))
    return float(raw)


def _quantity(spec: FieldSpec, raw: Any) -> Quantity:
    example = _EXAMPLE_UNIT.get(spec.dimension or "mass", "mg")
    try:
        if isinstance(raw, Quantity):
            value = raw
        elif isinstance(raw, str):
            if raw.strip().startswith("-"):
                raise Invalid(f"must not be negative, got {raw.strip()!r}")
            value = parse_quantity(raw)
        elif isinstance(raw, Mapping) and set(raw) == {"value", "unit"}:
            value = Quantity(raw["value"], raw["unit"])
        elif isinstance(raw, int | float) and not isinstance(raw, bool):
            raise Invalid(f"needs a unit, e.g. '{format_number(raw)} {example}'")
        else:
            raise Invalid(f"must be a quantity with a unit such as '10 {example}', got {raw!r}")
    except UnitError as exc:
        raise Invalid(str(exc)) from None
    if spec.dimension and value.dimension != spec.dimension:
        raise Invalid(f"must be a quantity of {spec.dimension} (e.g. {example}), "
                      f"got {value} ({value.dimension})")
    _bounds(spec, value.value, str(value))
    return value


def _date(raw: Any) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise Invalid(f"must be a date as YYYY-MM-DD, got {raw!r}")


def _list(raw: Any) -> list[str]:
    items = raw.splitlines() if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise Invalid("must be a list of text items")
    if len(items) > MAX_ROWS:
        raise Invalid(f"has {len(items)} items; at most {MAX_ROWS}")
    return [_printable(i).strip() for i in items if i.strip()]


def _enum(spec: FieldSpec, raw: Any) -> str:
    by_lower = {o.lower(): o for o in spec.options}
    if isinstance(raw, str) and raw.strip().lower() in by_lower:
        return by_lower[raw.strip().lower()]
    raise Invalid(f"must be one of {', '.join(spec.options)}; got {raw!r}")


def parse_scalar(spec: FieldSpec, raw: Any) -> Any:
    """Parse a non-table value; raises Invalid with a message for the user."""
    if spec.type in ("text", "textarea"):
        return _text(spec, raw)
    if spec.type == "number":
        return _number(spec, raw)
    if spec.type == "quantity":
        return _quantity(spec, raw)
    if spec.type == "date":
        return _date(raw)
    if spec.type == "list":
        return _list(raw)
    if spec.type == "enum":
        return _enum(spec, raw)
    if spec.type == "boolean" and isinstance(raw, bool):
        return raw
    raise Invalid(f"must be true or false, got {raw!r}")


def _row(spec: FieldSpec, raw: Any, path: str) -> tuple[dict[str, Any], list[FieldError]]:
    if not isinstance(raw, Mapping):
        return {}, [FieldError(path, "each row must be an object with the table's columns")]
    errors = [FieldError(f"{path}.{k}", f"unknown column; known: "
                         f"{', '.join(c.name for c in spec.columns)}")
              for k in raw if spec.column(str(k)) is None]
    row: dict[str, Any] = {}
    for column in spec.columns:
        where = f"{path}.{column.name}"
        row[column.name], problems = parse_value(column, raw.get(column.name), where)
        errors += problems
    for column in spec.columns:  # e.g. 21 CFR 211.182: cleaning must be checked by a second person
        for other, values in column.required_when.items():
            if row.get(other) in values and is_empty(row[column.name]):
                errors.append(FieldError(f"{path}.{column.name}", f"{column.label} is required "
                                                                  f"when {other} is {row[other]}"))
    return row, errors


def _table(spec: FieldSpec, raw: Any, path: str) -> tuple[list[dict[str, Any]], list[FieldError]]:
    if not isinstance(raw, list):
        return [], [FieldError(path, "must be a list of rows")]
    if len(raw) > MAX_ROWS:
        return [], [FieldError(path, f"has {len(raw)} rows; at most {MAX_ROWS}")]
    rows, errors = [], []
    for i, item in enumerate(raw):
        row, problems = _row(spec, item, f"{path}[{i}]")
        rows.append(row)
        errors += problems
    return rows, errors


def parse_value(spec: FieldSpec, raw: Any, path: str) -> tuple[Any, list[FieldError]]:
    """The typed value (default when empty) and the errors found, for one field at `path`."""
    if is_empty(raw):
        if spec.required:
            return None, [FieldError(path, f"{spec.label} is required")]
        if spec.default is None:
            return ([] if spec.type in ("list", "table") else None), []
        raw = spec.default
    if spec.type == "table":
        return _table(spec, raw, path)
    try:
        return parse_scalar(spec, raw), []
    except Invalid as exc:
        return None, [FieldError(path, f"{spec.label} {exc}")]
