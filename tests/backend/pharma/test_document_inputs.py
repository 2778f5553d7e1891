"""validate(): field-level errors for missing, malformed and inconsistent inputs; never a crash."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from backend.pharma.documents import (
    DocumentInputError,
    build,
    default_templates,
    to_docx,
    validate,
)
from backend.pharma.documents.examples import example_inputs
from backend.pharma.units import Quantity

PROTOCOL = "cleaning_validation_protocol"


def errors_for(doc_type: str, inputs: Any) -> dict[str, str]:
    with pytest.raises(DocumentInputError) as caught:
        validate(doc_type, inputs)
    assert caught.value.errors, "an input error must say what is wrong"
    return {e["field"]: e["message"] for e in caught.value.errors}


def protocol(**changes: Any) -> dict[str, Any]:
    inputs = copy.deepcopy(example_inputs(PROTOCOL))
    inputs.update(changes)
    return inputs


@pytest.mark.parametrize("doc_type", sorted(default_templates()))
def test_every_example_validates(doc_type: str) -> None:
    valid = validate(doc_type, example_inputs(doc_type))
    assert valid.values["document_number"] == example_inputs(doc_type)["document_number"]


def test_missing_required_fields_are_named() -> None:
    inputs = protocol()
    for name in ("mbs_next", "objective", "equipment"):
        del inputs[name]
    errors = errors_for(PROTOCOL, inputs)
    assert set(errors) == {"mbs_next", "objective", "equipment"}
    assert errors["mbs_next"] == "Minimum batch size of the next product is required"


def test_wrong_unit_dimension() -> None:
    errors = errors_for(PROTOCOL, protocol(mbs_next="120 L", swab_area="100 mg"))
    assert "must be a quantity of mass" in errors["mbs_next"]
    assert "got 120 L (volume)" in errors["mbs_next"]
    assert "must be a quantity of area" in errors["swab_area"]


def test_negative_and_zero_areas_are_rejected_in_table_rows() -> None:
    inputs = protocol()
    inputs["equipment"][1]["surface_area"] = "-62000 cm2"
    inputs["equipment"][2]["surface_area"] = {"value": -5, "unit": "cm²"}
    inputs["equipment"][3]["surface_area"] = "0 m2"
    errors = errors_for(PROTOCOL, inputs)
    assert "must not be negative" in errors["equipment[1].surface_area"]
    assert "must not be negative" in errors["equipment[2].surface_area"]
    assert "greater than zero" in errors["equipment[3].surface_area"]


def test_unknown_units_numbers_without_units_and_bad_values() -> None:
    errors = errors_for(PROTOCOL, protocol(
        tdd_prev="5 furlongs", ldd_next=3000, consecutive_runs="three",
        effective_date="03/03/2025", pde_f1=20, cleaning_sops="", extra_field=1))
    assert "unknown unit 'furlongs'" in errors["tdd_prev"]
    assert "needs a unit, e.g. '3000 mg'" in errors["ldd_next"]
    assert "must be a number" in errors["consecutive_runs"]
    assert "YYYY-MM-DD" in errors["effective_date"]
    assert "at most 12" in errors["pde_f1"]
    assert "required" in errors["cleaning_sops"]
    assert errors["extra_field"].startswith("unknown field")


def test_enum_and_table_shape_errors() -> None:
    inputs = protocol()
    inputs["sampling_locations"][0]["method"] = "wipe"
    inputs["sampling_locations"][1]["colour"] = "red"
    inputs["responsibilities"] = {"role": "QA"}
    errors = errors_for(PROTOCOL, inputs)
    assert "must be one of swab, rinse" in errors["sampling_locations[0].method"]
    assert "unknown column" in errors["sampling_locations[1].colour"]
    assert errors["responsibilities"] == "must be a list of rows"


def test_engine_errors_land_on_the_right_field() -> None:
    errors = errors_for(PROTOCOL, protocol(swab_area="20 m2", total_area="10 m2"))
    assert list(errors) == ["swab_area"] and "larger than total_area" in errors["swab_area"]
    inputs = protocol(noael_prev="0.5 mg/kg")
    del inputs["pde_prev"]
    errors = errors_for(PROTOCOL, inputs)  # a NOAEL needs its F factors to become a PDE
    assert list(errors) == ["pde_f1"] and "pde_factors" in errors["pde_f1"]
    inputs["pde_f1"] = 5
    assert validate(PROTOCOL, inputs).values["pde_f1"] == 5.0


def test_product_matrix_errors_point_at_the_row() -> None:
    inputs = protocol()
    inputs["products"][1]["cleanability"] = 3.5
    inputs["products"][2].pop("pde")
    errors = errors_for(PROTOCOL, inputs)
    assert "cleanability" in errors["products[1].cleanability"]
    assert "pde or min_therapeutic_dose" in errors["products[2].pde"]
    inputs = protocol()
    inputs["products"][1]["name"] = inputs["products"][0]["name"]
    assert "unique" in errors_for(PROTOCOL, inputs)["products"]


def test_report_result_and_limit_must_share_a_dimension() -> None:
    inputs = copy.deepcopy(example_inputs("cleaning_validation_report"))
    inputs["chemical_results"][0]["limit"] = "3.2 ug/mL"  # a swab result in µg
    errors = errors_for("cleaning_validation_report", inputs)
    assert errors == {"chemical_results[0].limit": "Limit 3.2 µg/mL (mass concentration) "
                                                   "cannot be compared with Result 12.4 µg (mass)"}


def test_logbook_cleaning_needs_a_second_person() -> None:
    inputs = copy.deepcopy(example_inputs("equipment_logbook"))
    del inputs["entries"][2]["checked_by"]  # a cleaning entry
    del inputs["entries"][1]["batch"]  # a use entry
    errors = errors_for("equipment_logbook", inputs)
    assert errors == {"entries[2].checked_by": "Checked by is required when activity is cleaning",
                      "entries[1].batch": "Batch is required when activity is use"}


def test_water_alert_level_must_be_below_action_level() -> None:
    inputs = copy.deepcopy(example_inputs("purified_water_validation_protocol"))
    inputs.update(microbial_alert=100, phase1_weeks=6)
    errors = errors_for("purified_water_validation_protocol", inputs)
    assert "must be lower than Microbial action level" in errors["microbial_alert"]
    assert "at most 4" in errors["phase1_weeks"]


def test_unknown_type_and_non_object_inputs() -> None:
    assert "known: cleaning_validation_protocol" in errors_for("nope", {})["type"]
    assert errors_for("sop", ["not", "an", "object"]) == {
        "inputs": "must be an object of field values"}


GARBAGE = [None, "", "garbage", -1, 1e309, True, [1, 2], {"a": 1}, {"value": "x", "unit": "mg"},
           [{"x": 1}], "1e999 mg", "NaN", "nul\x00byte", ["\ud800"], "x" * 30_000]


@pytest.mark.parametrize("doc_type", sorted(default_templates()))
def test_garbage_in_any_field_is_an_input_error_never_a_crash(doc_type: str) -> None:
    template = default_templates()[doc_type]
    for field in template.fields:
        for junk in GARBAGE:
            inputs = {**example_inputs(doc_type), field.name: junk}
            try:
                build(doc_type, inputs)
            except DocumentInputError as exc:
                assert all(e["field"] and e["message"] for e in exc.errors)


def test_characters_a_docx_cannot_hold_are_input_errors() -> None:
    inputs = copy.deepcopy(example_inputs("sop"))
    inputs["purpose"] = "Clean\x00 the train"
    inputs["records"] = ["Form \x1b F-1"]
    inputs["definitions"][0]["term"] = "\ud800"
    errors = errors_for("sop", inputs)
    assert set(errors) == {"purpose", "records", "definitions[0].term"}
    assert all("control characters" in m for m in errors.values())
    inputs = copy.deepcopy(example_inputs("sop"))
    inputs["purpose"] = "Tabs\tand\nnew lines are fine"
    assert to_docx(build("sop", inputs))


def test_defaults_are_filled_and_json_round_trips() -> None:
    valid = validate(PROTOCOL, example_inputs(PROTOCOL))
    assert valid.values["visual_limit"] == Quantity(4, "µg/cm²")
    assert valid.values["consecutive_runs"] == 3.0
    assert len(valid.values["revalidation_triggers"]) == 6  # template default
    stored = valid.as_json()
    assert stored["equipment"][0]["surface_area"] == "38000.0 cm²"
    assert validate(PROTOCOL, stored).values == valid.values
