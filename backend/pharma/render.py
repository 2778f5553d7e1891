"""The backend's door to the pure document generator: field errors become 422s, bytes come out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from backend.core.errors import AppError
from backend.pharma import documents
from backend.pharma.schemas import DocumentFieldRead, DocumentTypeRead, ExportFormat


def _invalid(exc: documents.DocumentInputError) -> AppError:
    return AppError(422, "invalid_document_inputs",
                    f"The inputs do not fit this document type ({len(exc.errors)} problem"
                    f"{'' if len(exc.errors) == 1 else 's'})", exc.errors)


def types() -> list[DocumentTypeRead]:
    """Every shipped document type with the fields its form needs."""
    return [DocumentTypeRead(type=t["type"], title=t["title"], description=t["description"],
                             fields=[DocumentFieldRead(**f) for f in t["fields"]])
            for t in documents.list_types()]


def validate_inputs(doc_type: str, inputs: Any) -> dict[str, Any]:
    """Validated inputs in canonical JSON form (what a version stores and its hash covers)."""
    try:
        return documents.validate(doc_type, inputs).as_json()
    except documents.DocumentInputError as exc:
        raise _invalid(exc) from exc


def build(doc_type: str, inputs: Mapping[str, Any],
          meta: Mapping[str, Any] | None = None) -> documents.Document:
    """The document model for stored inputs and the version's metadata."""
    try:
        return documents.build(doc_type, inputs, metadata=meta)
    except documents.DocumentInputError as exc:
        # Stored inputs were valid when saved; a template change may have made them stale.
        raise _invalid(exc) from exc


def markdown(doc_type: str, inputs: Mapping[str, Any],
             meta: Mapping[str, Any] | None = None) -> str:
    """The document as Markdown (the preview and the text that diffs compare)."""
    return documents.to_markdown(build(doc_type, inputs, meta))


def export(doc_type: str, inputs: Mapping[str, Any], meta: Mapping[str, Any] | None,
           fmt: ExportFormat) -> bytes:
    """The document as Markdown, DOCX or PDF bytes."""
    doc = build(doc_type, inputs, meta)
    if fmt == "md":
        return documents.to_markdown(doc).encode("utf-8")
    if fmt == "docx":
        return documents.to_docx(doc)
    return documents.to_pdf(doc)
