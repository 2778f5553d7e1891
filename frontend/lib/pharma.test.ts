import { describe, expect, it } from "vitest";

import type { DocumentField } from "@/lib/api/pharma";

import {
  buildInputs,
  editableVersion,
  fieldErrorMap,
  fieldId,
  filenameFrom,
  initialState,
  macoBody,
  parseInline,
  parseMarkdown,
  sumQuantities,
} from "./pharma";

const FIELDS = [
  { name: "title_no", label: "Document number", type: "text", required: true },
  { name: "version", label: "Version", type: "text", required: false, default: "1.0" },
  { name: "hold", label: "Hold", type: "number", required: true, unit: "h" },
  { name: "steps", label: "Steps", type: "list", required: true },
  {
    name: "entries",
    label: "Entries",
    type: "table",
    required: true,
    columns: [
      { name: "date", label: "Date", type: "date", required: true },
      { name: "count", label: "Count", type: "number" },
    ],
  },
] as DocumentField[];

describe("initialState", () => {
  it("uses template defaults and starts lists and tables with one empty entry", () => {
    expect(initialState(FIELDS)).toEqual({
      title_no: "",
      version: "1.0",
      hold: "",
      steps: [""],
      entries: [{ date: "", count: "" }],
    });
  });

  it("fills from stored inputs (numbers as text)", () => {
    const state = initialState(FIELDS, { title_no: "SOP-1", hold: 72, steps: ["a", "b"], entries: [{ date: "2025-01-01", count: 3 }] });
    expect(state).toMatchObject({ title_no: "SOP-1", version: "", hold: "72", steps: ["a", "b"], entries: [{ date: "2025-01-01", count: "3" }] });
  });
});

describe("buildInputs", () => {
  it("drops empty values, items and rows and parses numbers", () => {
    const inputs = buildInputs(FIELDS, {
      title_no: "  SOP-1 ",
      version: "",
      hold: "72",
      steps: ["Do this", " ", "Then that"],
      entries: [{ date: "2025-01-01", count: "4" }, { date: "", count: "" }],
    });
    expect(inputs).toEqual({ title_no: "SOP-1", hold: 72, steps: ["Do this", "Then that"], entries: [{ date: "2025-01-01", count: 4 }] });
  });

  it("sends an unparseable number as typed so the server can say what is wrong", () => {
    expect(buildInputs(FIELDS, { hold: "soon" })).toEqual({ hold: "soon" });
  });

  it("round-trips through initialState", () => {
    const inputs = { title_no: "X", hold: 5, steps: ["a"], entries: [{ date: "2025-02-02" }] };
    expect(buildInputs(FIELDS, initialState(FIELDS, inputs))).toEqual(inputs);
  });
});

describe("fieldErrorMap", () => {
  it("maps document input errors by field path (first message wins)", () => {
    expect(
      fieldErrorMap([
        { field: "make", message: "Make is required" },
        { field: "entries[1].batch", message: "Batch is required when activity is use" },
        { field: "make", message: "second" },
      ]),
    ).toEqual({ make: "Make is required", "entries[1].batch": "Batch is required when activity is use" });
  });

  it("maps request validation errors from their loc", () => {
    expect(
      fieldErrorMap([
        { loc: ["body", "title"], msg: "String should have at least 1 character" },
        { loc: ["body", "inputs", "equipment", 2, "surface_area"], msg: "bad" },
        { loc: ["body", "sampling", "total_area"], msg: "required" },
      ]),
    ).toEqual({ title: "String should have at least 1 character", "equipment[2].surface_area": "bad", "sampling.total_area": "required" });
  });

  it("ignores anything else", () => {
    expect(fieldErrorMap(null)).toEqual({});
    expect(fieldErrorMap({ field: "x" })).toEqual({});
    expect(fieldErrorMap([1, "a", null])).toEqual({});
  });
});

describe("small helpers", () => {
  it("makes input ids from field paths", () => {
    expect(fieldId("make")).toBe("pf-make");
    expect(fieldId("entries[1].batch")).toBe("pf-entries-1-batch");
  });

  it("reads the download name", () => {
    expect(filenameFrom('attachment; filename="LOG-1 v2.pdf"', "x.pdf")).toBe("LOG-1 v2.pdf");
    expect(filenameFrom("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.md", "x.md")).toBe("résumé.md");
    expect(filenameFrom(null, "x.pdf")).toBe("x.pdf");
  });

  it("knows the editable draft", () => {
    expect(editableVersion([{ number: 1, status: "approved" }, { number: 2, status: "draft" }])).toBe(2);
    expect(editableVersion([{ number: 1, status: "in_review" }])).toBeNull();
  });
});

describe("macoBody", () => {
  it("waits for batch size and daily dose", () => {
    expect(macoBody({ mbs_next: "200 kg" })).toBeNull();
  });

  it("builds the request with PDE factors and sampling from the equipment areas", () => {
    const body = macoBody({
      mbs_next: "200 kg",
      ldd_next: " 1000 mg",
      tdd_prev: "50 mg",
      pde_prev: "",
      safety_factor: "0.001",
      pde_f1: "5",
      swab_area: "100 cm2",
      equipment: [{ surface_area: "20000 cm2" }, { surface_area: "5000 cm2" }, { surface_area: "" }],
    });
    expect(body).toEqual({
      mbs_next: "200 kg",
      ldd_next: "1000 mg",
      tdd_prev: "50 mg",
      safety_factor: 0.001,
      pde_factors: { f1: 5 },
      sampling: { total_area: "25000 cm2", swab_area: "100 cm2" },
    });
  });

  it("prefers an explicit total area and only sums one unit", () => {
    expect(macoBody({ mbs_next: "1 kg", ldd_next: "1 mg", total_area: "9 m2", equipment: [{ surface_area: "1 cm2" }] })?.sampling).toEqual({ total_area: "9 m2" });
    expect(sumQuantities(["1 cm2", "1 m2"])).toBeNull();
    expect(sumQuantities(["0.1 m2", "0.2 m2"])).toBe("0.3 m2");
  });
});

describe("parseMarkdown", () => {
  it("splits headings, paragraphs, lists and tables", () => {
    const md = "# Title\n\n*Sub*\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n## 1 Steps\n\n1. one\n2. two\n\n- x\n\nPlain\ntext";
    expect(parseMarkdown(md)).toEqual([
      { kind: "heading", level: 1, text: "Title" },
      { kind: "paragraph", text: "*Sub*" },
      { kind: "table", header: ["A", "B"], rows: [["1", "2"]] },
      { kind: "heading", level: 2, text: "1 Steps" },
      { kind: "list", ordered: true, items: ["one", "two"] },
      { kind: "list", ordered: false, items: ["x"] },
      { kind: "paragraph", text: "Plain text" },
    ]);
  });

  it("keeps HTML as literal text", () => {
    expect(parseMarkdown("<script>alert(1)</script>")).toEqual([{ kind: "paragraph", text: "<script>alert(1)</script>" }]);
    expect(parseInline("a **b** <i>c</i> *d*")).toEqual([
      { text: "a " },
      { text: "b", strong: true },
      { text: " <i>c</i> " },
      { text: "d", em: true },
    ]);
  });
});
