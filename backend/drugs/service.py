"""Drug search and drug pages: names matched in memory, records read from the database."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from backend.config import Settings
from backend.core.errors import AppError
from backend.drugs import repository
from backend.drugs.catalog import Catalog, cached_catalog
from backend.drugs.resolver import Resolver, resolver_for
from backend.drugs.schemas import (
    DrugClassRead,
    DrugNameRead,
    DrugRead,
    DrugSearchRead,
    DrugSummary,
)

DISCLAIMER = ("General drug information, not medical advice. Ask a pharmacist or doctor about "
              "your own medicines.")


def catalog(settings: Settings) -> Catalog:
    return cached_catalog(settings.seed_dir)


def resolver(settings: Settings) -> Resolver:
    return resolver_for(catalog(settings))


async def search(session: AsyncSession, settings: Settings, query: str,
                 limit: int) -> DrugSearchRead:
    found = resolver(settings).suggest(query, limit)
    rows = await repository.by_keys(session, (c.key for c in found))
    items = [DrugSummary(key=c.key, name=rows[c.key].name, matched=c.matched,
                         curated=rows[c.key].curated, classes=rows[c.key].classes)
             for c in found if c.key in rows]
    return DrugSearchRead(query=query, items=items)


async def get(session: AsyncSession, settings: Settings, key: str) -> DrugRead:
    row = await repository.get(session, key)
    if row is None:
        raise AppError(404, "not_found", "No drug with this key")
    labels = catalog(settings).vocabulary.classes
    names = await repository.names_of(session, key)
    facts = catalog(settings).curated.get(key)
    return DrugRead(
        key=row.key, name=row.name, origin=row.origin, chembl_ids=row.chembl_ids,
        approval_year=row.approval_year, drugbank_id=row.drugbank_id, mesh_id=row.mesh_id,
        smiles=row.smiles, curated=row.curated,
        classes=[DrugClassRead(id=c, label=labels.get(c, c)) for c in row.classes],
        names=[DrugNameRead(name=n.name, kind=n.kind) for n in names][:200],
        facts=facts, disclaimer=DISCLAIMER)
