"""MACO engine for cleaning validation: every applicable criterion, the lowest wins, with a trace.

This module is the public entry; the engine lives in `maco_inputs` (validated inputs, errors,
steps), `maco_criteria` (the criteria and their minimum), `maco_sampling` (swab, rinse and
surface limits) and `maco_worstcase` (worst-case product ranking).

Sources: EU GMP Part I ch. 3 and 5 and Annex 15; EMA guideline on setting health-based exposure
limits in shared facilities (EMA/CHMP/CVMP/SWP/169430/2012, 2014) for the PDE; ICH Q3C(R8)
appendix 3 for the F1–F5 factors; APIC "Guidance on aspects of cleaning validation in API
plants" (2016) and Layton et al., Regul. Toxicol. Pharmacol. 7:96–112 (1987) for the LD50
fallback; USP <General Notices> 5.30 descriptive solubility terms for the worst-case ranking.
"""

from __future__ import annotations

from backend.pharma.maco_criteria import (
    Criterion,
    CriterionResult,
    MacoResult,
    adi_from_ld50,
    compute_maco,
    maco_10ppm,
    maco_dose_based,
    maco_health_based,
    pde_from_noael,
)
from backend.pharma.maco_inputs import (
    DEFAULT_SAFETY_FACTOR,
    F1_BY_SPECIES,
    LD50_EMPIRICAL_FACTOR,
    InvalidInputError,
    MacoError,
    MacoInputs,
    MissingInputError,
    PdeFactors,
    Step,
)
from backend.pharma.maco_sampling import SamplingLimits, sampling_limits
from backend.pharma.maco_worstcase import ProductProfile, RankedProduct, rank_worst_case

__all__ = [
    "DEFAULT_SAFETY_FACTOR",
    "F1_BY_SPECIES",
    "LD50_EMPIRICAL_FACTOR",
    "Criterion",
    "CriterionResult",
    "InvalidInputError",
    "MacoError",
    "MacoInputs",
    "MacoResult",
    "MissingInputError",
    "PdeFactors",
    "ProductProfile",
    "RankedProduct",
    "SamplingLimits",
    "Step",
    "adi_from_ld50",
    "compute_maco",
    "maco_10ppm",
    "maco_dose_based",
    "maco_health_based",
    "pde_from_noael",
    "rank_worst_case",
    "sampling_limits",
]
