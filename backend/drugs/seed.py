"""Load the shipped drug seed into the database (idempotent: skipped when unchanged)."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from backend.config import Settings
from backend.drugs import repository
from backend.drugs.catalog import Catalog, load_catalog

SEED_NAME = "drugs"


def seed_digest(seed_dir: Path) -> str:
    """SHA-256 over every file the drug seed is made of."""
    digest = hashlib.sha256()
    drugs = seed_dir / "drugs"
    files = [drugs / "ingredients.csv", drugs / "names.csv",
             *sorted((drugs / "curated").glob("*.yaml"))]
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def counts(catalog: Catalog) -> dict[str, int]:
    return {"ingredients": len(catalog.ingredients),
            "names": sum(len(v) for v in catalog.names.values()),
            "curated": len(catalog.curated)}


async def seed_drugs(session: AsyncSession, seed_dir: Path, force: bool = False) -> dict[str, int]:
    """Replace the drug tables with the seed if its digest changed; return the counts."""
    digest = seed_digest(seed_dir)
    state = await repository.seed_state(session, SEED_NAME)
    if state is not None and state.digest == digest and not force:
        return dict(state.counts, loaded=0)
    catalog = load_catalog(seed_dir)
    await repository.replace_all(session, catalog)
    figures = counts(catalog)
    await repository.save_seed_state(session, SEED_NAME, digest, figures)
    return dict(figures, loaded=1)


def seed_sync(settings: Settings, force: bool = False) -> dict[str, int]:
    """Blocking entry point for the CLI and start-up: seed in one transaction."""

    async def run() -> dict[str, int]:
        from backend.database import Database

        db = Database(settings, pooled=False)
        try:
            async with db.sessionmaker() as session, session.begin():
                return await seed_drugs(session, settings.seed_dir, force)
        finally:
            await db.dispose()

    return asyncio.run(run())
