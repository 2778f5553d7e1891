"""Alembic is the only schema path: it matches the models and runs down and up on both DBs."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from backend.migrate import downgrade, upgrade
from backend.models import Base
from tests.support import in_thread


async def test_models_match_migrations(app) -> None:
    def diff(conn):
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, Base.metadata)

    async with app.state.db.engine.connect() as conn:
        changes = await conn.run_sync(diff)
    assert changes == [], f"models and migrations differ; add a migration: {changes}"


async def test_downgrade_to_base_and_back(app, settings) -> None:
    await app.state.db.engine.dispose()
    in_thread(downgrade, settings.db_url, "base")

    async with app.state.db.engine.connect() as conn:
        tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
    assert "job" not in tables
    in_thread(upgrade, settings.db_url)
    async with app.state.db.engine.connect() as conn:
        tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
    assert {"job", "alembic_version"} <= set(tables)
