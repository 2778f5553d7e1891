"""Swab, rinse and surface acceptance limits derived from one MACO."""

from __future__ import annotations

from dataclasses import dataclass

from backend.pharma.maco_inputs import (
    InvalidInputError,
    MissingInputError,
    Step,
    check_quantity,
    describe_missing,
    make_step,
)
from backend.pharma.units import AREA, MASS, SURFACE_DENSITY, VOLUME, Quantity


def _check_area(name: str, area: Quantity, total_area: Quantity) -> Quantity:
    """Validate a sampled area; one larger than the whole shared train is inconsistent."""
    check_quantity(name, area, AREA, "sampled area")
    if area.magnitude("cm²") > total_area.magnitude("cm²"):
        raise InvalidInputError(f"{name} {area} is larger than total_area {total_area}")
    return area


@dataclass(frozen=True)
class SamplingLimits:
    """Surface, swab and rinse acceptance limits derived from one MACO, with their steps."""

    calculated_surface_limit: Quantity  # µg/cm², MACO / total area
    surface_limit: Quantity  # µg/cm², after the visual-residue cap when one was given
    swab_limit: Quantity | None  # µg per swab
    rinse_limit: Quantity | None  # µg/mL
    visual_limit: Quantity | None  # µg/cm², the visible-residue limit reported alongside
    visual_cap_applied: bool
    note: str
    steps: tuple[Step, ...]


def sampling_limits(
    maco: Quantity, total_area: Quantity, *, swab_area: Quantity | None = None,
    rinse_volume: Quantity | None = None, rinsed_area: Quantity | None = None,
    visual_limit: Quantity | None = None,
) -> SamplingLimits:
    """Swab = MACO × A_swab / A_total; rinse = MACO × (A_rinsed / A_total) / V; optional cap."""
    if rinsed_area is not None and rinse_volume is None:
        missing = ["rinse_volume"]
        raise MissingInputError(describe_missing("a rinse limit", missing), missing)
    check_quantity("maco", maco, MASS, "maximum allowable carryover", allow_zero=True)
    check_quantity("total_area", total_area, AREA, "total shared product-contact area")
    mac, total = maco.to("µg"), total_area.to("cm²")
    calculated = Quantity(mac.value / total.value, "µg/cm²")
    steps = [make_step("Surface limit", "MACO / A_total", f"{mac} / {total}", calculated)]
    surface, capped, note = calculated, False, ""
    if visual_limit is not None:
        check_quantity("visual_limit", visual_limit, SURFACE_DENSITY, "visible-residue limit")
        capped = calculated.value > visual_limit.magnitude("µg/cm²")
        surface = visual_limit.to("µg/cm²") if capped else calculated
        steps.append(make_step("Visual-residue cap", "min(calculated, visible-residue limit)",
                           f"min({calculated}, {visual_limit.to('µg/cm²')})", surface))
        # Below the visible-residue limit a clean look proves nothing: analytics must show it.
        note = ("capped: the visible-residue limit is the stricter criterion" if capped else
                "below the visible-residue limit: visual inspection alone cannot show compliance")
    swab = rinse = None
    if swab_area is not None:
        a_swab = _check_area("swab_area", swab_area, total_area).to("cm²")
        swab = Quantity(surface.value * a_swab.value, "µg")
        formula, numbers = (
            ("capped surface limit × A_swab", f"{surface} × {a_swab}") if capped
            else ("MACO × A_swab / A_total", f"{mac} × {a_swab} / {total}"))
        steps.append(make_step("Swab limit", formula, numbers, swab, " per swab"))
    if rinse_volume is not None:
        check_quantity("rinse_volume", rinse_volume, VOLUME, "volume of the rinse")
        rinsed = _check_area("rinsed_area", rinsed_area or total_area, total_area).to("cm²")
        volume = rinse_volume.to("mL")
        rinse = Quantity(surface.value * rinsed.value / volume.value, "µg/mL")
        formula, numbers = (
            ("capped surface limit × A_rinsed / V_rinse", f"{surface} × {rinsed} / {volume}")
            if capped
            else ("MACO × (A_rinsed / A_total) / V_rinse",
                  f"{mac} × ({rinsed} / {total}) / {volume}"))
        steps.append(make_step("Rinse limit", formula, numbers, rinse))
    visual = visual_limit.to("µg/cm²") if visual_limit is not None else None
    return SamplingLimits(calculated, surface, swab, rinse, visual, capped, note, tuple(steps))

