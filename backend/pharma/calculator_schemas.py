"""Request and response shapes of the MACO, worst-case and stateless rendering endpoints."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from backend.pharma.schemas import ExportFormat

# A quantity as the user types it: "0.1 kg", "4 ug/cm2", "1e-3 mg".
QuantityText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                                max_length=64)]
Factor = Annotated[float, Field(ge=1, le=12)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PdeFactorsIn(_In):
    """F1–F5 (ICH Q3C appendix 3): give `species` for the tabulated F1, or `f1` itself."""

    species: Annotated[str, StringConstraints(max_length=32)] | None = None
    f1: Factor | None = None
    f2: Factor = 10.0
    f3: Factor = 1.0
    f4: Factor = 1.0
    f5: Factor = 1.0


class SamplingIn(_In):
    total_area: QuantityText = Field(description="Total shared product-contact area.")
    swab_area: QuantityText | None = None
    rinse_volume: QuantityText | None = None
    rinsed_area: QuantityText | None = None
    visual_limit: QuantityText | None = Field(None, description="Visible-residue limit.")


class MacoCreate(_In):
    """Previous product (`*_prev`, the residue) carried into the next product (`*_next`)."""

    mbs_next: QuantityText | None = Field(None, description="Minimum batch size, next product.")
    ldd_next: QuantityText | None = Field(None, description="Largest daily dose, next product.")
    tdd_prev: QuantityText | None = Field(
        None, description="Smallest therapeutic daily dose, previous product.")
    pde_prev: QuantityText | None = Field(None, description="PDE of the previous product.")
    noael_prev: QuantityText | None = Field(None, description="NOAEL, e.g. '10 mg/kg'.")
    pde_factors: PdeFactorsIn | None = None
    ld50_prev: QuantityText | None = Field(None, description="LD50, e.g. '2000 mg/kg'.")
    safety_factor: Annotated[float, Field(gt=0, le=1)] | None = None
    ppm_limit: QuantityText | None = None
    body_weight: QuantityText | None = None
    ld50_body_weight: QuantityText | None = None
    ld50_safety_factor: Annotated[float, Field(ge=10, le=10_000)] | None = None
    criteria: Annotated[list[Annotated[str, StringConstraints(max_length=32)]],
                        Field(max_length=3)] | None = None
    sampling: SamplingIn | None = None


class QuantityRead(BaseModel):
    value: float
    unit: str
    text: str


class StepRead(BaseModel):
    label: str
    formula: str
    substitution: str
    result: str


class CriterionRead(BaseModel):
    criterion: str
    maco: QuantityRead
    basis: str
    steps: list[StepRead]


class SamplingRead(BaseModel):
    calculated_surface_limit: QuantityRead
    surface_limit: QuantityRead
    swab_limit: QuantityRead | None
    rinse_limit: QuantityRead | None
    visual_limit: QuantityRead | None
    visual_cap_applied: bool
    note: str
    steps: list[StepRead]


class MacoRead(BaseModel):
    maco: QuantityRead
    governing: str = Field(description="The criterion that gave the lowest MACO.")
    criteria: list[CriterionRead]
    trace: list[StepRead]
    sampling: SamplingRead | None


class ProductIn(_In):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    solubility: QuantityText = Field(description="In the cleaning solvent, e.g. '0.5 mg/mL'.")
    cleanability: Annotated[int, Field(ge=1, le=5)] = Field(
        description="1 = easiest to clean, 5 = hardest.")
    pde: QuantityText | None = None
    min_therapeutic_dose: QuantityText | None = None


class WorstCaseCreate(_In):
    products: Annotated[list[ProductIn], Field(min_length=1, max_length=200)]


class RankedProductRead(BaseModel):
    rank: int
    name: str
    rpn: int = Field(description="Risk priority number: hazard × solubility × cleanability.")
    hazard: int
    solubility: int
    cleanability: int
    reasons: list[str]


class WorstCaseRead(BaseModel):
    ranking: list[RankedProductRead]


class RenderCreate(_In):
    """Generate a document without storing it (public API)."""

    type: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    inputs: dict[str, Any]
    format: ExportFormat = "pdf"
