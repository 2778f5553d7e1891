"""validate(type, inputs): every field checked, every problem reported at once, by field."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from backend.pharma.documents.catalog import KINDS, get_template
from backend.pharma.documents.errors import DocumentInputError, FieldError
from backend.pharma.documents.fields import parse_value
from backend.pharma.documents.templates import Template
from backend.pharma.units import Quantity


def _to_json(value: Any) -> Any:
    if isinstance(value, Quantity):
        return f"{value.value!r} {value.unit}"  # repr keeps every digit; parses back the same
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_json(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class ValidatedInput:
    """Typed inputs for one document type (quantities, dates, floats), defaults filled in."""

    type: str
    values: Mapping[str, Any]
    template: Template

    def as_json(self) -> dict[str, Any]:
        """The inputs as JSON-safe data that validates back to the same values."""
        return {k: _to_json(v) for k, v in self.values.items() if v is not None and v != []}


def _cross_field(template: Template, values: Mapping[str, Any]) -> list[FieldError]:
    errors = []
    for spec in template.fields:
        other = template.field(spec.below) if spec.below else None
        value, limit = values.get(spec.name), values.get(spec.below or "")
        if other is not None and value is not None and limit is not None and value >= limit:
            errors.append(FieldError(spec.name, f"{spec.label} must be lower than "
                                                f"{other.label} ({limit:g}), got {value:g}"))
    return errors


def validate(doc_type: str, inputs: Any, *,
             templates: Mapping[str, Template] | None = None) -> ValidatedInput:
    """Check inputs against the type's template; DocumentInputError lists {field, message}."""
    template = get_template(doc_type, templates)
    if not isinstance(inputs, Mapping):
        raise DocumentInputError([FieldError("inputs", "must be an object of field values")])
    known = {f.name for f in template.fields}
    errors = [FieldError(str(k), f"unknown field for {doc_type}") for k in inputs
              if k not in known]
    values: dict[str, Any] = {}
    for spec in template.fields:
        values[spec.name], problems = parse_value(spec, inputs.get(spec.name), spec.name)
        errors += problems
    errors += _cross_field(template, values)
    if not errors:  # kind checks (e.g. the MACO engine) need every field to be well-formed
        for section in template.sections:
            errors += KINDS[section.kind].check_inputs(section, template, values)
    if errors:
        raise DocumentInputError(errors)
    return ValidatedInput(doc_type, values, template)
