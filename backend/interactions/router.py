"""Interaction checker endpoint (also on the public API with an `interactions:check` key)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from backend.auth.access import CurrentPrincipal, access
from backend.deps import SessionDep, SettingsDep
from backend.interactions import service
from backend.interactions.schemas import InteractionCheckCreate, InteractionReportRead

router = APIRouter(prefix="/interactions", tags=["interactions"])


@router.post("/check", response_model=InteractionReportRead,
             **access(scope="interactions:check"))
async def check_interactions(data: InteractionCheckCreate, settings: SettingsDep,
                             session: SessionDep, principal: CurrentPrincipal,
                             request: Request) -> InteractionReportRead:
    """Check drugs against each other and, optionally, allergies, conditions and your record."""
    record = None
    if data.use_my_record:
        from backend.record.service import RecordCtx
        from backend.record.summary import summary_for

        ctx = RecordCtx(session, settings, principal, principal.user_id, False, request)
        record = await summary_for(ctx, purpose="interaction_check")
    return service.run_check(settings, data, record)
