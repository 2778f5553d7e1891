"""Drug database endpoints (also on the public API with a `drugs:read` key)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from backend.auth.access import access
from backend.deps import SessionDep, SettingsDep
from backend.drugs import service
from backend.drugs.schemas import DrugRead, DrugSearchRead

router = APIRouter(prefix="/drugs", tags=["drugs"])
READ = access(scope="drugs:read")


@router.get("/search", response_model=DrugSearchRead, **READ)
async def search_drugs(session: SessionDep, settings: SettingsDep,
                       q: Annotated[str, Query(min_length=1, max_length=200)],
                       limit: Annotated[int, Query(ge=1, le=50)] = 10) -> DrugSearchRead:
    """Find drugs by generic name, brand, salt or a misspelling (autocomplete)."""
    return await service.search(session, settings, q, limit)


@router.get("/{key}", response_model=DrugRead, **READ)
async def get_drug(session: SessionDep, settings: SettingsDep,
                   key: Annotated[str, Path(min_length=3, max_length=64,
                                            pattern=r"^[A-Z0-9-]+$")]) -> DrugRead:
    """One drug: identity, names, and reviewed facts with their sources."""
    return await service.get(session, settings, key)
