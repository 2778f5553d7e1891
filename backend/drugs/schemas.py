"""Drug search and drug page schemas."""

from __future__ import annotations

from pydantic import BaseModel, Field

from backend.drugs.curated import CuratedDrug


class DrugSummary(BaseModel):
    key: str = Field(description="Parent InChIKey, or LUMEN-<NAME> for non-small-molecules.")
    name: str
    matched: str = Field(description="The name or synonym that matched the query.")
    curated: bool = Field(description="True when we hold reviewed facts and interaction data.")
    classes: list[str]


class DrugSearchRead(BaseModel):
    query: str
    items: list[DrugSummary]


class DrugNameRead(BaseModel):
    name: str
    kind: str


class DrugClassRead(BaseModel):
    id: str
    label: str


class DrugRead(BaseModel):
    key: str
    name: str
    origin: str = Field(description="chembl | drug-ner | curated: where the identity comes from.")
    chembl_ids: list[str]
    approval_year: int | None
    drugbank_id: str | None
    mesh_id: str | None
    smiles: str | None
    curated: bool
    classes: list[DrugClassRead]
    names: list[DrugNameRead]
    facts: CuratedDrug | None = Field(description="Reviewed facts; every group names a source.")
    disclaimer: str
