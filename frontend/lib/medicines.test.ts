import { describe, expect, it } from "vitest";

import type { CheckedDrug, DrugSource, InteractionFinding } from "@/lib/api/types";

import {
  MAX_DRUGS,
  addEntry,
  availabilityLabel,
  buildCheck,
  checkProblem,
  citedSources,
  displayName,
  findingTitle,
  groupFindings,
  otherNames,
  replaceEntry,
  resolutionNotes,
  severityLabel,
  sourceIds,
  summariseFindings,
  validationLines,
} from "./medicines";

function finding(severity: InteractionFinding["severity"], drugs: string[], extra: Partial<InteractionFinding> = {}): InteractionFinding {
  return {
    kind: "drug-drug",
    severity,
    drugs,
    subject: "",
    mechanism: "m",
    advice: "a",
    source: "s",
    basis: "class-rule",
    rule: "r",
    ...extra,
  };
}

function checked(extra: Partial<CheckedDrug>): CheckedDrug {
  return { query: "q", origin: "input", status: "exact", key: "KEY", name: "drug", covered: true, candidates: [], ...extra };
}

const noProfile = { medications: [], allergies: [], conditions: [] };

describe("grouping findings by severity", () => {
  it("orders groups worst first, keeps order within a group and drops empty groups and 'none'", () => {
    const findings = [
      finding("moderate", ["a", "b"]),
      finding("contraindicated", ["c", "d"]),
      finding("none", ["e", "f"]),
      finding("moderate", ["g", "h"]),
    ];
    const groups = groupFindings(findings);
    expect(groups.map((g) => g.severity)).toEqual(["contraindicated", "moderate"]);
    expect(groups[1]!.findings.map((f) => f.drugs[0])).toEqual(["a", "g"]);
    expect(groupFindings([])).toEqual([]);
  });

  it("labels every severity and summarises for screen readers", () => {
    expect(["contraindicated", "major", "moderate", "minor"].map((s) => severityLabel(s as never))).toEqual([
      "Contraindicated",
      "Major",
      "Moderate",
      "Minor",
    ]);
    expect(summariseFindings([])).toBe("No known interactions found.");
    expect(summariseFindings([finding("major", ["a", "b"]), finding("minor", ["a", "c"]), finding("major", ["b", "c"])])).toBe(
      "3 findings: 2 major, 1 minor.",
    );
  });

  it("titles drug pairs and allergy findings", () => {
    expect(findingTitle(finding("major", ["warfarin", "ibuprofen"]))).toBe("Warfarin + Ibuprofen");
    expect(findingTitle(finding("contraindicated", ["amoxicillin"], { kind: "drug-allergy", subject: "Penicillin allergy" }))).toBe(
      "Amoxicillin and Penicillin allergy",
    );
  });
});

describe("drug page helpers", () => {
  const sources: DrugSource[] = [
    { id: "fda-label", title: "US label", url: "https://example.test/fda" },
    { id: "emc", title: "UK SmPC", url: "https://example.test/emc" },
  ];

  it("resolves a fact group's source ids to titles, in the order cited", () => {
    expect(sourceIds("emc")).toEqual(["emc"]);
    expect(sourceIds(["emc", "fda-label"])).toEqual(["emc", "fda-label"]);
    expect(sourceIds(undefined)).toEqual([]);
    expect(citedSources(["emc", "fda-label"], sources).map((s) => s.title)).toEqual(["UK SmPC", "US label"]);
    expect(citedSources("lactmed", sources)).toEqual([{ id: "lactmed", title: "lactmed", url: "" }]);
  });

  it("lists brands first, drops the drug's own name and repeats", () => {
    const names = otherNames(
      [
        { name: "motrin", kind: "synonym" },
        { name: "ibuprofen", kind: "preferred" },
        { name: "nurofen", kind: "brand" },
        { name: "ibuprofen sodium", kind: "salt" },
        { name: "advil", kind: "brand" },
        { name: "Advil", kind: "synonym" },
        { name: "caldolor", kind: "alias" },
        { name: "IBUPROFEN", kind: "synonym" },
      ],
      "ibuprofen",
    );
    expect(names.map((n) => `${n.kind}:${n.name}`)).toEqual([
      "brand:advil",
      "brand:nurofen",
      "alias:caldolor",
      "salt:ibuprofen sodium",
      "synonym:motrin",
    ]);
  });

  it("spells out market status and capitalises names", () => {
    expect(availabilityLabel("rx")).toBe("Prescription only");
    expect(availabilityLabel("otc")).toBe("Over the counter");
    expect(availabilityLabel(undefined)).toBe("Not known");
    expect(displayName("ibuprofen")).toBe("Ibuprofen");
    expect(displayName("")).toBe("");
  });
});

describe("interaction checker input", () => {
  it("adds trimmed entries once, case-insensitively, up to the limit", () => {
    expect(addEntry([], "  Coumadin  ", MAX_DRUGS)).toEqual({ items: ["Coumadin"], error: null });
    expect(addEntry(["Coumadin"], "coumadin", MAX_DRUGS).error).toMatch(/already on the list/);
    expect(addEntry(["a"], "   ", MAX_DRUGS)).toEqual({ items: ["a"], error: null });
    const full = Array.from({ length: MAX_DRUGS }, (_, i) => `drug${i}`);
    const result = addEntry(full, "one more", MAX_DRUGS);
    expect(result.items).toHaveLength(MAX_DRUGS);
    expect(result.error).toBe("You can add at most 20.");
    expect(addEntry([], "x".repeat(201), MAX_DRUGS, "name").error).toMatch(/too long/);
  });

  it("replaces an ambiguous entry with the chosen drug, without duplicates", () => {
    expect(replaceEntry(["warfarin", "cola"], "cola", "colchicine")).toEqual(["warfarin", "colchicine"]);
    expect(replaceEntry(["warfarin", "warf"], "warf", "Warfarin")).toEqual(["warfarin"]);
  });

  it("needs two drugs, or one with a profile", () => {
    expect(checkProblem([], noProfile)).toMatch(/at least two/);
    expect(checkProblem(["a"], noProfile)).toMatch(/second medicine/);
    expect(checkProblem(["a"], { ...noProfile, allergies: ["penicillin"] })).toBeNull();
    expect(checkProblem(["a", "b"], noProfile)).toBeNull();
    expect(checkProblem(["a"], noProfile, true)).toBeNull(); // checked against the saved record
  });

  it("sends the profile only when it holds something, and only its non-empty lists", () => {
    expect(buildCheck(["a", "b"], noProfile)).toEqual({ drugs: ["a", "b"], use_my_record: false });
    expect(buildCheck(["a"], noProfile, true)).toEqual({ drugs: ["a"], use_my_record: true });
    expect(buildCheck(["a"], { ...noProfile, allergies: ["penicillin"] })).toEqual({
      drugs: ["a"],
      use_my_record: false,
      profile: { allergies: ["penicillin"] },
    });
  });
});

describe("interaction checker results", () => {
  it("explains corrected, ambiguous, unknown and uncovered drugs", () => {
    expect(resolutionNotes(checked({}))).toEqual([]);
    expect(resolutionNotes(checked({ query: "simvastatn", status: "corrected", name: "simvastatin" }))[0]!.text).toBe(
      "Interpreted “simvastatn” as Simvastatin.",
    );
    expect(resolutionNotes(checked({ query: "cola", status: "ambiguous", key: null, name: null }))[0]!.text).toMatch(/Pick the one/);
    expect(resolutionNotes(checked({ query: "xyzzy", status: "unknown", key: null, name: null, covered: false }))).toHaveLength(1);
    expect(resolutionNotes(checked({ name: "obscurine", covered: false }))[0]!.text).toMatch(
      /no reviewed interaction data for Obscurine/,
    );
  });

  it("turns 422 details into readable lines", () => {
    expect(
      validationLines([
        { loc: ["body", "drugs", 1], msg: "String should have at least 1 character", type: "string_too_short" },
        { loc: ["body", "drugs"], msg: "too many" },
        { nope: true },
      ]),
    ).toEqual(["drugs, item 2: String should have at least 1 character", "drugs: too many"]);
    expect(validationLines(null)).toEqual([]);
  });
});
