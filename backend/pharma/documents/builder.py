"""build(type, inputs): validated inputs and a template become a Document."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from backend.pharma.documents.catalog import KINDS
from backend.pharma.documents.context import Context
from backend.pharma.documents.errors import DocumentInputError, FieldError
from backend.pharma.documents.fields import is_empty
from backend.pharma.documents.model import Document, Paragraph, Section
from backend.pharma.documents.templates import SectionSpec, Template
from backend.pharma.documents.text import format_value
from backend.pharma.documents.validation import ValidatedInput, validate

FALLBACK_DATE = date(2000, 1, 1)  # only for templates without a date field; keeps output stable


def _included(spec: SectionSpec, values: Mapping[str, Any]) -> bool:
    return spec.when is None or not is_empty(values.get(spec.when))


def _number(counters: list[int], level: int) -> str:
    """The next section number at this level ('3', then '3.1', ...)."""
    counters[level - 1] += 1
    counters[level:] = [0] * (len(counters) - level)
    return ".".join(str(c) for c in counters[:level])


# Caller metadata that replaces a header input (e.g. the stored version's own number and date).
_OVERRIDES = {"document_id": "document_number", "version": "version", "date": "effective_date"}


def _header(template: Template, values: Mapping[str, Any],
            extra: dict[str, Any]) -> dict[str, Any]:
    """Header values after caller overrides; the overrides are taken out of `extra`."""
    header = {name: values.get(name) for name in template.header}
    for key, name in _OVERRIDES.items():
        given = extra.pop(key, None)
        if given in (None, ""):
            continue
        try:
            header[name] = date.fromisoformat(str(given)[:10]) if key == "date" else str(given)
        except ValueError:
            raise DocumentInputError([FieldError(f"metadata.{key}", "must be an ISO date")]) \
                from None
    return header


def _metadata(template: Template, header: Mapping[str, Any],
              extra: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    rows = []
    for name, value in header.items():
        spec = template.field(name)
        if not is_empty(value):
            rows.append((spec.label if spec else name, format_value(value, spec)))
    # Extra metadata from the caller (status, content hash...); lists such as signatures are
    # rendered by the signatures section instead.
    rows += [(str(k).replace("_", " ").capitalize(), str(v)) for k, v in extra.items()
             if isinstance(v, str | int | float) and not isinstance(v, bool)]
    return tuple(rows)


def _sections(ctx: Context) -> tuple[Section, ...]:
    included = [s for s in ctx.template.sections if _included(s, ctx.values)]
    for spec in included:  # everything computed first, so a summary may come before details
        prepare = KINDS[spec.kind].prepare
        if prepare is not None:
            prepare(spec, ctx)
    counters = [0, 0, 0]
    sections = []
    for spec in included:
        blocks = KINDS[spec.kind].render(spec, ctx)
        if not blocks and not spec.required:
            continue
        sections.append(Section(spec.id, _number(counters, spec.level), spec.heading, spec.level,
                                tuple(blocks or [Paragraph("Not applicable.")])))
    return tuple(sections)


def build(doc_type: str, inputs: Mapping[str, Any] | ValidatedInput, *,
          templates: Mapping[str, Template] | None = None,
          metadata: Mapping[str, Any] | None = None) -> Document:
    """Validate (unless already validated) and build the document; same inputs, same bytes."""
    # `metadata` comes from the caller (e.g. a stored version): title, document_id, version and
    # date replace the inputs' header values, `signatures` feeds the signature section, and
    # other scalars (status, content hash) are listed in the metadata block.
    valid = inputs if isinstance(inputs, ValidatedInput) else validate(
        doc_type, inputs, templates=templates)
    if valid.type != doc_type:
        raise DocumentInputError([FieldError("type", f"inputs were validated for {valid.type}, "
                                                     f"not {doc_type}")])
    template, values, extra = valid.template, valid.values, dict(metadata or {})
    title = str(extra.pop("title", "") or template.title)
    header = _header(template, values, extra)
    day = header.get("effective_date")
    return Document(
        type=template.type, title=title, subtitle=format_value(values.get("subject")),
        document_id=format_value(header.get("document_number")) or template.type.upper(),
        version=format_value(header.get("version")) or "1",
        date=day if isinstance(day, date) else FALLBACK_DATE,
        metadata=_metadata(template, header, extra),
        sections=_sections(Context(template, values, extra)))
