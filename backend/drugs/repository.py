"""Queries for the drug tables."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.drugs.catalog import Catalog
from backend.models import Drug, DrugName, SeedState
from backend.models.base import utcnow

BATCH = 5_000


async def seed_state(session: AsyncSession, name: str) -> SeedState | None:
    return await session.get(SeedState, name)


async def save_seed_state(session: AsyncSession, name: str, digest: str,
                          counts: dict[str, int]) -> None:
    row = await session.get(SeedState, name)
    if row is None:
        session.add(SeedState(name=name, digest=digest, counts=counts, loaded_at=utcnow()))
    else:
        row.digest, row.counts, row.loaded_at = digest, counts, utcnow()
    await session.flush()


async def replace_all(session: AsyncSession, catalog: Catalog) -> None:
    """Swap in the catalogue in the caller's transaction (readers see old or new, never half)."""
    await session.execute(delete(DrugName))
    await session.execute(delete(Drug))
    drugs = []
    for key, ing in catalog.ingredients.items():
        curated = catalog.curated.get(key)
        drugs.append(dict(
            key=key, name=ing.name, origin=ing.origin, chembl_ids=list(ing.chembl_ids),
            approval_year=ing.approval_year, drugbank_id=ing.drugbank_id or None,
            mesh_id=ing.mesh_id or None, smiles=ing.smiles or None, curated=curated is not None,
            classes=list(curated.classes) if curated else [],
            facts=curated.model_dump(mode="json") if curated else None))
    names = [dict(name=name[:255], drug_key=e.key, kind=e.kind, source=e.source)
             for name, entries in catalog.names.items() for e in entries]
    for rows, model in ((drugs, Drug), (names, DrugName)):
        for start in range(0, len(rows), BATCH):
            await session.execute(insert(model), rows[start:start + BATCH])


async def get(session: AsyncSession, key: str) -> Drug | None:
    return await session.get(Drug, key)


async def names_of(session: AsyncSession, key: str) -> list[DrugName]:
    rows = await session.scalars(select(DrugName).where(DrugName.drug_key == key)
                                 .order_by(DrugName.kind, DrugName.name))
    return list(rows)


async def by_keys(session: AsyncSession, keys: Iterable[str]) -> dict[str, Drug]:
    wanted = list(dict.fromkeys(keys))
    if not wanted:
        return {}
    rows = await session.scalars(select(Drug).where(Drug.key.in_(wanted)))
    return {row.key: row for row in rows}


async def count(session: AsyncSession) -> dict[str, int]:
    drugs = await session.scalar(select(func.count()).select_from(Drug)) or 0
    curated = await session.scalar(select(func.count()).select_from(Drug)
                                   .where(Drug.curated.is_(True))) or 0
    names = await session.scalar(select(func.count()).select_from(DrugName)) or 0
    return {"ingredients": drugs, "curated": curated, "names": names}
