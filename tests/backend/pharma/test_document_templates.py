"""Templates are data: a new document type is one YAML file; malformed templates are refused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as Docx
from pypdf import PdfReader

from backend.pharma.documents import (
    DocumentInputError,
    TemplateError,
    build,
    default_templates,
    list_types,
    load_templates,
    to_docx,
    to_markdown,
    to_pdf,
    validate,
)

CALIBRATION = """
type: balance_calibration_record
title: Balance Calibration Record
description: Daily check of a laboratory balance against certified weights.
fields:
  - {name: balance_id, label: Balance ID, type: text, required: true}
  - name: checks
    label: Weight checks
    type: table
    required: true
    columns:
      - {name: nominal, label: Nominal weight, type: quantity, dimension: mass, required: true}
      - {name: reading, label: Reading, type: quantity}
      - {name: low, label: Lower limit, type: quantity, dimension: mass, required: true}
      - {name: high, label: Upper limit, type: quantity, dimension: mass, required: true}
  - {name: notes, label: Notes, type: list}
sections:
  - id: identity
    heading: Balance
    body: |
      Balance **{{balance_id}}** was checked with certified weights.
  - id: results
    heading: Weight checks
    kind: checks
    source: checks
    key: [nominal]
    checks:
      - {label: Reading, value: reading, min: low, max: high}
      - {label: Capacity, value: reading, max: 220 g}
  - id: verdict
    heading: Result
    kind: conclusion
    from: [results]
    pass: "Balance {{balance_id}} is fit for use ({{total_count}} checks passed)."
    fail: "Balance {{balance_id}} is OUT OF SERVICE:"
  - id: notes
    heading: Notes
    required: false
    body: |
      - {{notes}}
  - id: sign
    heading: Sign-off
    kind: signatures
    roles: [Checked by]
"""

INPUTS = {
    "document_number": "BCR-0042", "effective_date": "2025-02-03", "company": "Example Labs",
    "balance_id": "BAL-07",
    "checks": [
        {"nominal": "100 mg", "reading": "100.02 mg", "low": "99.9 mg", "high": "100.1 mg"},
        {"nominal": "200 g", "reading": "200.5 g", "low": "199.98 g", "high": "200.02 g"},
    ],
}


@pytest.fixture
def catalogue(tmp_path: Path) -> dict:
    (tmp_path / "balance_calibration_record.yaml").write_text(CALIBRATION, encoding="utf-8")
    return {**default_templates(), **load_templates(tmp_path)}


def test_a_new_type_needs_only_a_yaml_file(catalogue) -> None:
    doc = build("balance_calibration_record", INPUTS, templates=catalogue)
    md = to_markdown(doc)
    assert doc.title == "Balance Calibration Record" and doc.document_id == "BCR-0042"
    assert "Balance **BAL-07** was checked" in md
    assert "| 200 g | Reading | 200.5 g | 199.98 g to 200.02 g | **FAIL** |" in md
    assert "| 200 g | Capacity | 200.5 g | ≤ 220 g | PASS |" in md  # a limit in the template
    assert "Balance BAL-07 is OUT OF SERVICE:" in md
    assert "Notes" not in [s.heading for s in doc.sections]  # optional and empty: left out
    headings = [p.text for p in Docx(io.BytesIO(to_docx(doc))).paragraphs
                if p.style.name.startswith("Heading")]
    assert headings == ["1 Balance", "2 Weight checks", "3 Result", "4 Sign-off"]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(to_pdf(doc))).pages)
    assert "OUT OF SERVICE" in text and "BCR-0042" in text


def test_a_missing_reading_is_not_a_pass(catalogue) -> None:
    inputs = {**INPUTS, "checks": [{**INPUTS["checks"][0], "reading": None}]}
    md = to_markdown(build("balance_calibration_record", inputs, templates=catalogue))
    assert "| 100 mg | Reading |   | 99.9 mg to 100.1 mg | **NOT TESTED** |" in md
    assert "OUT OF SERVICE" in md


def test_new_type_inputs_are_validated_by_its_template(catalogue) -> None:
    bad = {**INPUTS, "checks": [{"nominal": "100 mL", "reading": "1 mg", "low": "1 mg",
                                 "high": "2 mg"}]}
    with pytest.raises(DocumentInputError) as caught:
        validate("balance_calibration_record", bad, templates=catalogue)
    assert "checks[0].nominal" in str(caught.value)
    bad = {**INPUTS, "checks": [{"nominal": "1 mg", "reading": "1 mL", "low": "1 mg",
                                 "high": "2 mg"}]}  # the reading column accepts any unit
    with pytest.raises(DocumentInputError) as caught:
        validate("balance_calibration_record", bad, templates=catalogue)
    errors = {(e["field"], e["message"]) for e in caught.value.errors}
    assert errors == {
        ("checks[0].low", "Lower limit 1 mg (mass) cannot be compared with Reading 1 mL (volume)"),
        ("checks[0].high", "Upper limit 2 mg (mass) cannot be compared with Reading 1 mL (volume)"),
        ("checks[0].reading", "Reading 1 mL cannot be compared with the limit 220 g")}
    assert "balance_calibration_record" not in default_templates()  # shipped set unchanged


@pytest.mark.parametrize(("change", "problem"), [
    (("kind: checks", "kind: chart"), "unknown kind 'chart'"),
    (("{{balance_id}}** was", "{{balance}}** was"), "unknown placeholder {{balance}}"),
    (("type: quantity, dimension: mass, required: true}\n      - {name: reading",
      "type: quantity, dimension: weight, required: true}\n      - {name: reading"),
     "dimension must be one of"),
    (("min: low, max: high", "min: lowest, max: high"), "'lowest' is neither a column"),
    (("value: reading,", "value: weight,"), "'value' must name columns"),
    (("from: [results]", "from: [identity]"), "'identity' is not a checks section"),
    (("type: balance_calibration_record", "type: other"), "must match the file name"),
])
def test_malformed_templates_are_refused_with_the_reason(tmp_path: Path, change, problem) -> None:
    (tmp_path / "balance_calibration_record.yaml").write_text(CALIBRATION.replace(*change))
    with pytest.raises(TemplateError, match=r"balance_calibration_record\.yaml") as caught:
        load_templates(tmp_path)
    assert problem in str(caught.value)


def test_list_types_describes_inputs_for_forms() -> None:
    types = {t["type"]: t for t in list_types()}
    assert len(types) == 6
    fields = {f["name"]: f for f in types["cleaning_validation_protocol"]["fields"]}
    assert fields["mbs_next"] == {**fields["mbs_next"], "type": "quantity", "dimension": "mass",
                                  "required": True}
    assert [c["name"] for c in fields["equipment"]["columns"]][:4] == [
        "name", "make", "model", "equipment_id"]
    assert fields["document_number"]["required"] is True  # shared header field
