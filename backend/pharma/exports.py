"""Preview, export and compare pharma document versions (rendering is in `render`)."""

from __future__ import annotations

import difflib
import uuid
from typing import Any

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from backend.auth.access import Principal
from backend.config import Settings
from backend.core.errors import AppError
from backend.pharma import render
from backend.pharma.schemas import DiffRead, ExportFormat, FieldChange, PreviewRead
from backend.pharma.service import _audit, _document, get_version

MEDIA_TYPES = {"md": "text/markdown; charset=utf-8",
               "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               "pdf": "application/pdf"}


async def _meta(session: AsyncSession, settings: Settings, doc_id: uuid.UUID,
                number: int) -> tuple[str, dict[str, Any], dict[str, Any]]:
    doc = await _document(session, doc_id)
    version = await get_version(session, settings, doc_id, number)
    # The controlled document number and effective date stay as the author entered them;
    # LUMEN's own version number replaces the header's, since that is what signatures bind.
    meta = {
        "title": doc.title, "version": version.number, "status": version.status.value,
        "record": str(doc.id), "content_hash": version.content_hash,
        "signatures": [{"name": s.signer_name, "meaning": s.meaning.value,
                        "signed_at": s.signed_at.isoformat(timespec="seconds")}
                       for s in version.signatures],
    }
    return doc.type, version.inputs, meta


async def preview(session: AsyncSession, settings: Settings, doc_id: uuid.UUID,
                  number: int) -> PreviewRead:
    doc_type, inputs, meta = await _meta(session, settings, doc_id, number)
    return PreviewRead(markdown=render.markdown(doc_type, inputs, meta))


async def export(request: Request, session: AsyncSession, principal: Principal,
                 settings: Settings, doc_id: uuid.UUID, number: int,
                 fmt: ExportFormat) -> tuple[bytes, str, str]:
    """The file, its media type and a download name; every export is audited."""
    doc_type, inputs, meta = await _meta(session, settings, doc_id, number)
    body = render.export(doc_type, inputs, meta, fmt)
    doc = await _document(session, doc_id)
    await _audit(session, request, principal, "pharma.version.exported", doc, version=number,
                 format=fmt)
    return body, MEDIA_TYPES[fmt], f"{doc_type}-{str(doc_id)[:8]}-v{number}.{fmt}"


def _field_changes(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    keys = sorted(set(before) | set(after))
    return [FieldChange(field=k, before=before.get(k), after=after.get(k))
            for k in keys if before.get(k) != after.get(k)]


async def diff(session: AsyncSession, settings: Settings, doc_id: uuid.UUID, a: int,
               b: int) -> DiffRead:
    if a == b:
        raise AppError(422, "invalid_request", "Choose two different versions")
    doc_type, inputs_a, meta_a = await _meta(session, settings, doc_id, a)
    _, inputs_b, meta_b = await _meta(session, settings, doc_id, b)
    text_a = render.markdown(doc_type, inputs_a, meta_a).splitlines()
    text_b = render.markdown(doc_type, inputs_b, meta_b).splitlines()
    lines = difflib.unified_diff(text_a, text_b, f"v{a}", f"v{b}", lineterm="", n=2)
    return DiffRead(from_number=a, to_number=b, fields=_field_changes(inputs_a, inputs_b),
                    markdown_diff="\n".join(lines))
