"""Pharma QA workspace: documents, versions, signatures, exports; MACO and rendering API."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from backend.auth.access import CurrentPrincipal, access
from backend.deps import PaginationDep, SessionDep, SettingsDep
from backend.models import Role, VersionStatus
from backend.pharma import calculator, exports, service, workflow
from backend.pharma.calculator_schemas import (
    MacoCreate,
    MacoRead,
    RenderCreate,
    WorstCaseCreate,
    WorstCaseRead,
)
from backend.pharma.schemas import (
    DiffRead,
    DocumentCreate,
    DocumentPage,
    DocumentRead,
    DocumentTypeRead,
    ExportFormat,
    NewVersionCreate,
    PreviewRead,
    RejectCreate,
    SignatureCreate,
    VersionRead,
    VersionUpdate,
)

router = APIRouter(prefix="/pharma", tags=["pharma"])
QA = access(Role.pharma, Role.admin)
Number = Annotated[int, Path(ge=1, le=100_000)]
FILE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {t: {} for t in exports.MEDIA_TYPES.values()},
          "description": "The rendered document."}}


@router.post("/maco", response_model=MacoRead, **access(Role.pharma, Role.admin,
                                                         scope="pharma:maco"))
def compute_maco(data: MacoCreate) -> MacoRead:
    """MACO by every applicable criterion, the governing one, and swab/rinse limits."""
    return calculator.compute(data)


@router.post("/worst-case", response_model=WorstCaseRead,
             **access(Role.pharma, Role.admin, scope="pharma:maco"))
def rank_worst_case(data: WorstCaseCreate) -> WorstCaseRead:
    """Rank products worst case first for cleaning validation, with the reasons."""
    return calculator.worst_case(data)


@router.post("/render", response_class=Response, responses=FILE_RESPONSES,
             **access(Role.pharma, Role.admin, scope="pharma:documents"))
def render_document(data: RenderCreate) -> Response:
    """Generate a document from inputs without storing it (Markdown, DOCX or PDF)."""
    body = calculator.render_document(data.type, data.title, data.inputs, data.format)
    return Response(body, media_type=exports.MEDIA_TYPES[data.format], headers={
        "Content-Disposition": f'attachment; filename="{data.type}.{data.format}"'})


@router.get("/document-types", response_model=list[DocumentTypeRead], **QA)
def document_types() -> list[DocumentTypeRead]:
    """Document types and the inputs each needs (from the template files)."""
    return render_types()


def render_types() -> list[DocumentTypeRead]:
    from backend.pharma import render

    return render.types()


@router.get("/documents", response_model=DocumentPage, **QA)
async def list_documents(session: SessionDep, page: PaginationDep,
                         type: Annotated[str | None, Query(max_length=64)] = None,
                         status: VersionStatus | None = None,
                         q: Annotated[str | None, Query(max_length=200)] = None) -> DocumentPage:
    """Documents with their latest version, newest first; filter by type, status, title."""
    return await service.list_documents(session, doc_type=type, status=status, q=q,
                                        limit=page.limit, offset=page.offset)


@router.post("/documents", response_model=DocumentRead, status_code=201, **QA)
async def create_document(data: DocumentCreate, principal: CurrentPrincipal, request: Request,
                          session: SessionDep) -> DocumentRead:
    """Create a document from structured inputs; it starts as draft version 1."""
    return await service.create(request, session, principal, data)


@router.get("/documents/{document_id}", response_model=DocumentRead, **QA)
async def get_document(document_id: uuid.UUID, session: SessionDep) -> DocumentRead:
    """A document and the list of its versions."""
    return await service.get_document(session, document_id)


@router.get("/documents/{document_id}/versions/{number}", response_model=VersionRead, **QA)
async def get_version(document_id: uuid.UUID, number: Number, session: SessionDep,
                      settings: SettingsDep) -> VersionRead:
    """One version with its inputs and signatures."""
    return await service.get_version(session, settings, document_id, number)


@router.put("/documents/{document_id}/versions/{number}", response_model=VersionRead, **QA)
async def update_version(document_id: uuid.UUID, number: Number, data: VersionUpdate,
                         principal: CurrentPrincipal, request: Request, session: SessionDep,
                         settings: SettingsDep) -> VersionRead:
    """Change a draft's inputs (approved and in-review versions cannot change)."""
    return await service.update_draft(request, session, principal, settings, document_id,
                                      number, data)


@router.post("/documents/{document_id}/versions", response_model=VersionRead, status_code=201,
             **QA)
async def new_version(document_id: uuid.UUID, data: NewVersionCreate,
                      principal: CurrentPrincipal, request: Request, session: SessionDep,
                      settings: SettingsDep) -> VersionRead:
    """Start a new draft from the latest version."""
    return await service.new_version(request, session, principal, settings, document_id, data)


@router.post("/documents/{document_id}/versions/{number}/signatures",
             response_model=VersionRead, **QA)
async def sign_version(document_id: uuid.UUID, number: Number, data: SignatureCreate,
                       principal: CurrentPrincipal, request: Request, session: SessionDep,
                       settings: SettingsDep) -> VersionRead:
    """Sign as author (submit), reviewer or approver; the password is required again."""
    return await workflow.sign(request, session, principal, settings, document_id, number, data)


@router.post("/documents/{document_id}/versions/{number}/reject", response_model=VersionRead,
             **QA)
async def reject_version(document_id: uuid.UUID, number: Number, data: RejectCreate,
                         principal: CurrentPrincipal, request: Request, session: SessionDep,
                         settings: SettingsDep) -> VersionRead:
    """Send a version in review back to draft with a reason."""
    return await workflow.reject(request, session, principal, settings, document_id, number,
                                 data)


@router.get("/documents/{document_id}/versions/{number}/preview", response_model=PreviewRead,
            **QA)
async def preview_version(document_id: uuid.UUID, number: Number, session: SessionDep,
                          settings: SettingsDep) -> PreviewRead:
    """The version rendered as Markdown."""
    return await exports.preview(session, settings, document_id, number)


@router.get("/documents/{document_id}/versions/{number}/export", response_class=Response,
            responses=FILE_RESPONSES, **QA)
async def export_version(document_id: uuid.UUID, number: Number, principal: CurrentPrincipal,
                         request: Request, session: SessionDep, settings: SettingsDep,
                         format: ExportFormat = "pdf") -> Response:
    """Download the version as Markdown, DOCX or PDF (audited)."""
    body, media_type, name = await exports.export(request, session, principal, settings,
                                                  document_id, number, format)
    return Response(body, media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/documents/{document_id}/diff", response_model=DiffRead, **QA)
async def diff_versions(document_id: uuid.UUID, session: SessionDep, settings: SettingsDep,
                        from_: Annotated[int, Query(alias="from", ge=1, le=100_000)],
                        to: Annotated[int, Query(ge=1, le=100_000)]) -> DiffRead:
    """What changed between two versions: inputs and rendered text."""
    return await exports.diff(session, settings, document_id, from_, to)
