"""Interaction check request and report."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
SeverityName = Literal["contraindicated", "major", "moderate", "minor", "none"]


class ProfileInput(BaseModel):
    """Patient context sent with the request (used for this check only, not stored)."""

    model_config = ConfigDict(extra="forbid")
    medications: list[Name] = Field(default_factory=list, max_length=50)
    allergies: list[Name] = Field(default_factory=list, max_length=50)
    conditions: list[Name] = Field(default_factory=list, max_length=50)


class InteractionCheckCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    drugs: list[Name] = Field(min_length=1, max_length=20,
                              description="2–20 drug names, brands or keys (1 with a profile).")
    profile: ProfileInput | None = None
    use_my_record: bool = Field(
        False, description="Also check against the medicines, allergies and conditions in "
                           "your patient record (patients signed in; needs the 'personalise' "
                           "consent; each use is audited).")


class CandidateRead(BaseModel):
    key: str
    name: str
    matched: str


class CheckedDrugRead(BaseModel):
    query: str
    origin: Literal["input", "profile"]
    status: Literal["exact", "corrected", "ambiguous", "unknown"]
    key: str | None
    name: str | None
    covered: bool = Field(description="We hold reviewed interaction data for this drug.")
    candidates: list[CandidateRead]


class FindingRead(BaseModel):
    kind: Literal["drug-drug", "drug-allergy", "drug-condition"]
    severity: SeverityName
    drugs: list[str]
    subject: str = Field(description="Allergy group or condition, for those kinds.")
    mechanism: str
    advice: str
    source: str
    basis: str
    rule: str


class PairRead(BaseModel):
    a: str
    b: str
    severity: SeverityName


class InteractionReportRead(BaseModel):
    highest: SeverityName
    counts: dict[str, int]
    drugs: list[CheckedDrugRead]
    findings: list[FindingRead]
    pairs: list[PairRead]
    unrecognised_allergies: list[str]
    unrecognised_conditions: list[str]
    disclaimer: str
