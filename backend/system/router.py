"""Health endpoint."""

from __future__ import annotations

from fastapi import APIRouter, Response

from backend.auth.access import access
from backend.deps import SessionDep, SettingsDep
from backend.system import service
from backend.system.schemas import HealthRead

router = APIRouter(tags=["system"])


@router.get("/health", response_model=HealthRead, responses={503: {"model": HealthRead}},
            **access(public=True))
async def health(session: SessionDep, settings: SettingsDep, response: Response) -> HealthRead:
    """Report the state of the database, broker, vector store and model."""
    report = await service.health(session, settings)
    if report.status != "ok":
        response.status_code = 503
    return report
