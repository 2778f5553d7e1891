"""Drug database: ingredients and their names, loaded from data/seed by `lumen drugs seed`.

These are reference tables (`info={"reference": True}`): shipped data replaced as a whole when
the seed changes, not user data.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.models.base import Base, JSONType, UTCDateTime, utcnow

REFERENCE = {"reference": True}


class Drug(Base):
    __tablename__ = "drug"
    __table_args__ = {"info": REFERENCE}

    # Parent InChIKey (27 chars) for small molecules, or LUMEN-<NAME> for biologics/herbals.
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(255), index=True)
    origin: Mapped[str] = mapped_column(String(16))
    chembl_ids: Mapped[list[str]] = mapped_column(JSONType, default=list)
    approval_year: Mapped[int | None] = mapped_column(Integer)
    drugbank_id: Mapped[str | None] = mapped_column(String(16))
    mesh_id: Mapped[str | None] = mapped_column(String(16))
    smiles: Mapped[str | None] = mapped_column(Text)
    curated: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    classes: Mapped[list[str]] = mapped_column(JSONType, default=list)
    facts: Mapped[dict[str, Any] | None] = mapped_column(JSONType)


class DrugName(Base):
    __tablename__ = "drug_name"
    __table_args__ = (UniqueConstraint("name", "drug_key"), {"info": REFERENCE})

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(255), index=True)
    drug_key: Mapped[str] = mapped_column(ForeignKey("drug.key", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))


class SeedState(Base):
    """Which version (content digest) of each shipped dataset the database holds."""

    __tablename__ = "seed_state"
    __table_args__ = {"info": REFERENCE}

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    counts: Mapped[dict[str, int]] = mapped_column(JSONType, default=dict)
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
