"""Interaction checker endpoint (also on the public API with an `interactions:check` key)."""

from __future__ import annotations

from fastapi import APIRouter

from backend.auth.access import access
from backend.deps import SettingsDep
from backend.interactions import service
from backend.interactions.schemas import InteractionCheckCreate, InteractionReportRead

router = APIRouter(prefix="/interactions", tags=["interactions"])


@router.post("/check", response_model=InteractionReportRead,
             **access(scope="interactions:check"))
def check_interactions(data: InteractionCheckCreate,
                       settings: SettingsDep) -> InteractionReportRead:
    """Check drugs against each other and, optionally, allergies and conditions."""
    return service.run_check(settings, data)
