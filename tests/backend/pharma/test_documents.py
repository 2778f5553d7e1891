"""Document generator: every type exports to DOCX and PDF with its sections; computed results."""

from __future__ import annotations

import copy
import io
import re
from typing import Any

import pytest
from docx import Document as Docx
from pypdf import PdfReader

from backend.pharma.documents import (
    Calculation,
    Document,
    build,
    default_templates,
    to_docx,
    to_markdown,
    to_pdf,
)
from backend.pharma.documents.examples import example_inputs, render_examples
from backend.pharma.maco import MacoInputs, compute_maco, sampling_limits
from backend.pharma.units import Quantity, parse_quantity

TYPES = ("cleaning_validation_protocol", "cleaning_validation_report", "equipment_logbook",
         "hvac_inspection_report", "purified_water_validation_protocol", "sop")

# What each type must contain; for the protocol this is the list in product.md
# ("Cleaning validation (MACO)"), so dropping a section from a template fails here.
REQUIRED_HEADINGS = {
    "cleaning_validation_protocol": [
        "Objective and scope", "Regulatory basis", "Responsibilities",
        "Equipment and product-contact surface areas", "Worst-case product selection and rationale",
        "Cleaning procedure", "Dirty- and clean-hold times", "Sampling locations and rationale",
        "Recovery studies", "Analytical methods, LOD and LOQ", "Acceptance criteria",
        "Chemical residues (MACO)", "Microbial", "Visual", "Number of consecutive runs",
        "Deviations", "Revalidation triggers", "Final report", "Approvals"],
    "cleaning_validation_report": [
        "Purpose and reference", "Execution of the runs", "Results against acceptance criteria",
        "Chemical residues", "Microbial", "Visual inspection", "Deviations", "Conclusion",
        "Approvals"],
    "equipment_logbook": ["Equipment identification", "Log entries", "Regulatory basis",
                          "Logbook review"],
    "hvac_inspection_report": ["System and scope", "Summary", "Test methods and instruments",
                               "Results per room", "Regulatory basis", "Approvals"],
    "purified_water_validation_protocol": [
        "Objective and scope", "Regulatory basis", "Design qualification (DQ)",
        "Installation qualification (IQ)", "Operational qualification (OQ)",
        "Performance qualification (PQ)", "Phase 1", "Phase 2", "Phase 3", "Sampling plan",
        "Acceptance limits", "Alert and action levels, deviations", "Approvals"],
    "sop": ["Purpose", "Scope", "Responsibilities", "Definitions", "Procedure", "Records",
            "References", "Revision history", "Approvals"],
}


def flat(text: str) -> str:
    """Whitespace collapsed, so PDF line breaks do not matter."""
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    return flat("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def docx_headings(data: bytes) -> list[str]:
    return [p.text for p in Docx(io.BytesIO(data)).paragraphs
            if p.style is not None and p.style.name.startswith("Heading")]


@pytest.fixture(scope="module")
def exported() -> dict[str, tuple[Document, bytes, bytes]]:
    out = {}
    for doc_type in TYPES:
        doc = build(doc_type, example_inputs(doc_type))
        out[doc_type] = (doc, to_docx(doc), to_pdf(doc))
    return out


def test_six_types_are_shipped() -> None:
    assert sorted(default_templates()) == sorted(TYPES)


@pytest.mark.parametrize("doc_type", TYPES)
def test_docx_has_every_required_section_as_a_real_heading(exported, doc_type: str) -> None:
    doc, docx_bytes, _ = exported[doc_type]
    headings = docx_headings(docx_bytes)
    numbered = [re.sub(r"^[\d.]+ ", "", h) for h in headings]
    for heading in REQUIRED_HEADINGS[doc_type]:
        assert heading in numbered, f"{doc_type}: no heading {heading!r} in {numbered}"
    word = Docx(io.BytesIO(docx_bytes))
    assert word.paragraphs[0].style.name == "Title" and word.paragraphs[0].text == doc.title
    assert len(word.tables) >= 2  # metadata plus at least one content table
    assert word.core_properties.identifier == doc.document_id
    footer = word.sections[0].footer._element.xml
    assert doc.document_id in footer and "NUMPAGES" in footer


@pytest.mark.parametrize("doc_type", TYPES)
def test_pdf_has_sections_footer_and_page_numbers(exported, doc_type: str) -> None:
    doc, _, pdf_bytes = exported[doc_type]
    text = pdf_text(pdf_bytes)
    for section in doc.sections:
        assert flat(section.title) in text, f"{doc_type}: {section.title!r} not in the PDF"
    for heading in REQUIRED_HEADINGS[doc_type]:
        assert heading in text
    pages = len(PdfReader(io.BytesIO(pdf_bytes)).pages)
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert f"{doc.title} | {doc.document_id} | Version {doc.version}" in text


def _engine_result(inputs: dict[str, Any]):
    """The engine's own answer for the protocol example (the document must print these)."""
    q = parse_quantity
    result = compute_maco(MacoInputs(
        mbs_next=q(inputs["mbs_next"]), ldd_next=q(inputs["ldd_next"]),
        tdd_prev=q(inputs["tdd_prev"]), pde_prev=q(inputs["pde_prev"]),
        safety_factor=inputs["safety_factor"]))
    total = Quantity(sum(q(e["surface_area"]).magnitude("cm²") for e in inputs["equipment"]),
                     "cm²")
    limits = sampling_limits(result.maco, total, swab_area=q(inputs["swab_area"]),
                             rinse_volume=q(inputs["rinse_volume"]),
                             visual_limit=q(inputs["visual_limit"]))
    return result, limits


def test_protocol_prints_the_engines_maco_calculation(exported) -> None:
    doc, _, pdf_bytes = exported["cleaning_validation_protocol"]
    result, limits = _engine_result(example_inputs("cleaning_validation_protocol"))
    # The example is built so that the health-based criterion governs:
    # 0.004 mg/day × 120 000 000 mg / 3000 mg/day = 160 mg < dose-based 200 mg < 10 ppm 1200 mg.
    assert str(result.maco) == "160 mg" and str(result.governing) == "health-based"
    section = doc.section("chemical_criteria")
    calcs = {c.title: c for c in section.calculations}
    for r in result.results:
        calc = next(c for t, c in calcs.items() if t.lower().startswith(str(r.criterion)))
        assert [s.result for s in calc.steps] == [s.result_text for s in r.steps]
        assert [s.substitution for s in calc.steps] == [s.substitution for s in r.steps]
    assert calcs["Governing MACO"].steps[0].result == result.trace[-1].result_text
    text = " ".join(p.text for p in section.paragraphs)
    assert f"Governing criterion: {result.governing}. MACO = {result.maco}." in text
    limit_rows = {r[0].split(" (")[0]: r[2] for r in section.tables[-1].rows}
    assert limit_rows["Swab limit"] == str(limits.swab_limit)
    assert limit_rows["Rinse limit"] == str(limits.rinse_limit)
    assert limit_rows["Surface limit"] == str(limits.surface_limit)
    pdf = pdf_text(pdf_bytes)
    for value in (result.maco, limits.swab_limit, limits.rinse_limit):
        assert str(value) in pdf


def test_protocol_governing_criterion_follows_the_inputs() -> None:
    inputs = example_inputs("cleaning_validation_protocol")
    del inputs["pde_prev"]  # without toxicology the dose criterion (200 mg) governs
    doc = build("cleaning_validation_protocol", inputs)
    calcs = doc.section("chemical_criteria").calculations
    assert [c.title.split(" criterion")[0] for c in calcs[:-2]] == ["Dose-based", "10 ppm"]
    assert "MACO = 200 mg" in to_markdown(doc)
    assert "swab limit 137.931 µg" in to_markdown(doc)  # 200 000 µg × 100 / 145 000 cm²


def test_protocol_markdown_content() -> None:
    md = to_markdown(build("cleaning_validation_protocol",
                           example_inputs("cleaning_validation_protocol")))
    assert "| Total |   |   |   | 145000 cm² |   |" in md  # product-contact areas summed
    assert "**Worst-case product: Fictinib 5 mg tablets (RPN 100).**" in md
    assert "The cleaning procedure is validated when 3 consecutive runs" in md
    assert "CL-GT2-001 Cleaning of granulation and compression train GT-2" in md
    assert "Annex 15 §10.2" in md and "21 CFR 211.67" in md
    assert "{{" not in md


def _report(**changes: Any) -> dict[str, Any]:
    inputs = copy.deepcopy(example_inputs("cleaning_validation_report"))
    inputs.update(changes)
    return inputs


def _result_rows(doc: Document, section: str) -> list[tuple[str, ...]]:
    return list(doc.section(section).tables[0].rows)


def test_report_example_passes_overall() -> None:
    doc = build("cleaning_validation_report", _report())
    assert {row[-1] for row in _result_rows(doc, "chemical_results")} == {"PASS"}
    assert "**Overall result: PASS.**" in doc.section("conclusion").paragraphs[0].text


def test_report_flags_a_failing_location_and_fails_overall() -> None:
    inputs = _report()
    failing = inputs["chemical_results"][10]  # dryer filter housing, run 2
    assert failing["location"].startswith("Dryer") and failing["run"] == "2"
    failing["result"] = "0.131 mg"  # 131 µg against a 110 µg limit: converted, then compared
    inputs["chemical_results"][11]["result"] = "110 ug"  # exactly at the limit: a pass
    doc = build("cleaning_validation_report", inputs)
    rows = _result_rows(doc, "chemical_results")
    verdicts = {(r[0], r[1], r[2]): r[-1] for r in rows}
    assert verdicts[("Dryer filter housing, upper wall", "2", "Fictinib (swab)")] == "**FAIL**"
    assert verdicts[("Mill screen", "2", "Fictinib (swab)")] == "PASS"
    assert sum(r[-1] != "PASS" for r in rows) == 1
    conclusion = to_markdown(doc).split("## 5 Conclusion")[1]
    assert "**Overall result: FAIL.** 1 of 51 results did not meet" in conclusion
    assert "- Dryer filter housing, upper wall / 2: Fictinib (swab) FAIL (measured 0.131 mg" \
        in conclusion
    assert "**not validated**" in conclusion


def test_report_visual_and_microbial_failures_count_too() -> None:
    inputs = _report()
    inputs["visual_results"][0]["observation"] = "residue visible"
    inputs["microbial_results"][0]["result"] = 26
    doc = build("cleaning_validation_report", inputs)
    conclusion = doc.section("conclusion")
    assert "2 of 51" in conclusion.paragraphs[0].text
    assert len(conclusion.blocks[1].items) == 2  # type: ignore[union-attr]


def test_hvac_out_of_limit_rooms_are_flagged() -> None:
    doc = build("hvac_inspection_report", example_inputs("hvac_inspection_report"))
    rows = _result_rows(doc, "room_results")
    failed = {(r[0], r[2]) for r in rows if r[-1] != "PASS"}
    assert failed == {("2.114 Granulation", "Pressure differential"),
                      ("2.116 Compression", "HEPA filter leak (PAO/DOP)")}
    # The corridor has no terminal HEPA filter: no leak test row instead of a failure.
    assert not any(r[0] == "2.118 Corridor" and r[2].startswith("HEPA") for r in rows)
    summary = doc.section("summary")
    assert doc.sections.index(summary) < doc.sections.index(doc.section("room_results"))
    assert "**Overall result: FAIL.** 2 of 24" in summary.paragraphs[0].text


def test_hvac_temperature_range_is_checked_at_both_ends() -> None:
    inputs = copy.deepcopy(example_inputs("hvac_inspection_report"))
    for room in inputs["rooms"]:  # make every room pass...
        room["dp_measured"] = max(room["dp_measured"], 12)
        room.pop("hepa_leak", None)
    doc = build("hvac_inspection_report", inputs)
    assert "Overall result: PASS" in doc.section("summary").paragraphs[0].text
    inputs["rooms"][0]["temp_low"] = 17.5  # ...then one reading below the 18 °C limit
    rows = _result_rows(build("hvac_inspection_report", inputs), "room_results")
    assert [(r[0], r[2], r[3], r[4]) for r in rows if r[-1] != "PASS"] == [
        ("2.110 Airlock", "Temperature", "17.5 °C to 21.9 °C", "18 °C to 25 °C")]


def test_water_protocol_has_who_phases_and_limits() -> None:
    doc = build("purified_water_validation_protocol",
                example_inputs("purified_water_validation_protocol"))
    md = to_markdown(doc)
    assert "Water is **not released** for manufacturing during phase 1." in md
    assert "Duration: 12 months (WHO: one year)" in md
    assert "≤ 1.3 µS/cm at 25 °C" in md and "≤ 500 ppb" in md
    plan = doc.section("sampling_plan").tables[0]
    assert plan.columns[-3:] == ("Phase 1 (4 weeks)", "Phase 2 (4 weeks)", "Phase 3 (12 months)")
    assert len(plan.rows) == 7 and all(r[4] == "Daily" for r in plan.rows)


def test_sop_procedure_is_a_numbered_list() -> None:
    doc = build("sop", example_inputs("sop"))
    steps = doc.section("procedure").blocks[0]
    assert getattr(steps, "ordered", False) and len(steps.items) == 9  # type: ignore[union-attr]
    word = Docx(io.BytesIO(to_docx(doc)))
    assert sum(p.style.name == "List Number" for p in word.paragraphs) == 9


def test_electronic_signatures_and_extra_metadata_are_rendered() -> None:
    signed = [{"name": "D. Specimen", "meaning": "approver", "signed_at": "2025-01-21T09:30:00"}]
    doc = build("sop", example_inputs("sop"), metadata={
        "status": "approved", "signatures": signed, "version": 3, "date": "2025-02-01T10:00:00"})
    assert ("Status", "approved") in doc.metadata
    assert ("Version", "3") in doc.metadata and ("Effective date", "2025-02-01") in doc.metadata
    text = pdf_text(to_pdf(doc))
    assert "Electronic signatures" in text and "approver D. Specimen 2025-01-21T09:30:00" in text
    assert "SOP-CL-GT2-001 | Version 3" in text


def test_output_is_deterministic_and_dated_from_the_inputs(exported) -> None:
    doc, docx_bytes, pdf_bytes = exported["equipment_logbook"]
    again = build("equipment_logbook", example_inputs("equipment_logbook"))
    assert again == doc
    assert to_docx(again) == docx_bytes and to_pdf(again) == pdf_bytes
    created = Docx(io.BytesIO(docx_bytes)).core_properties.created
    assert created is not None and created.date() == doc.date


def test_calculation_blocks_become_tables_in_docx(exported) -> None:
    doc, docx_bytes, _ = exported["cleaning_validation_protocol"]
    calcs = [b for b in doc.section("chemical_criteria").blocks if isinstance(b, Calculation)]
    tables = Docx(io.BytesIO(docx_bytes)).tables
    formula_tables = [t for t in tables if [c.text for c in t.rows[0].cells][:2] ==
                      ["Step", "Formula"]]
    assert len(formula_tables) == len(calcs) == 5


def test_examples_script_writes_small_markdown_and_pdf(tmp_path) -> None:
    timings = render_examples(tmp_path)
    assert sorted(timings) == sorted(TYPES)
    for doc_type in TYPES:
        md = (tmp_path / f"{doc_type}.md").read_text()
        assert md.startswith("# ") and "fictional" in md
        assert (tmp_path / f"{doc_type}.pdf").stat().st_size < 200_000


def test_a_table_cell_longer_than_a_page_still_exports() -> None:
    inputs = example_inputs("sop")
    inputs["responsibilities"][0]["responsibility"] = "Checks the record. " * 1000
    pdf = to_pdf(build("sop", inputs))  # reportlab refuses rows taller than a page unless split
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 3
