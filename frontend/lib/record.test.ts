import { describe, expect, it } from "vitest";

import { ApiError } from "./api/errors";
import {
  chartPoints,
  exportStillUsable,
  groupBySymptom,
  humanizeMessage,
  linePath,
  localInputToIso,
  mapValidationDetails,
  parseTimes,
  scaleLinear,
  seriesSummary,
  sortNewestFirst,
  submitFailure,
  validateAllergy,
  validateMedication,
  validateProfile,
  validateSymptom,
  withinDays,
} from "./record";

const med = {
  name: "Warfarin",
  dose: "5 mg",
  times_per_day: "2",
  times_of_day: "",
  start_date: "2024-01-01",
  end_date: "",
  notes: "",
};

describe("validateProfile", () => {
  const base = { name: "Ada", date_of_birth: "1980-05-01", sex: "female", conditions: [] };
  it("accepts a normal profile and an empty one", () => {
    expect(validateProfile(base, "2026-01-01")).toEqual({});
    expect(validateProfile({ name: "", date_of_birth: "", sex: "", conditions: [] }, "2026-01-01")).toEqual({});
  });
  it("refuses a date of birth in the future (one day of slack for time zones) or before 1900", () => {
    expect(validateProfile({ ...base, date_of_birth: "2026-01-02" }, "2026-01-01")).toEqual({});
    expect(validateProfile({ ...base, date_of_birth: "2026-01-03" }, "2026-01-01").date_of_birth).toMatch(/future/);
    expect(validateProfile({ ...base, date_of_birth: "1899-12-31" }, "2026-01-01").date_of_birth).toMatch(/1900/);
    expect(validateProfile({ ...base, date_of_birth: "2023-02-30" }, "2026-01-01").date_of_birth).toMatch(/real date/);
  });
  it("refuses an over-long name", () => {
    expect(validateProfile({ ...base, name: "x".repeat(201) }, "2026-01-01").name).toMatch(/200/);
  });
});

describe("validateMedication", () => {
  it("accepts a complete medication", () => {
    expect(validateMedication(med)).toEqual({});
    expect(validateMedication({ ...med, times_of_day: "08:00, 20:00" })).toEqual({});
  });
  it("requires name, dose and start date", () => {
    const e = validateMedication({ ...med, name: " ", dose: "", start_date: "" });
    expect(Object.keys(e).sort()).toEqual(["dose", "name", "start_date"]);
  });
  it("checks the schedule like the server", () => {
    expect(validateMedication({ ...med, times_per_day: "0" })["schedule.times_per_day"]).toBeDefined();
    expect(validateMedication({ ...med, times_per_day: "25" })["schedule.times_per_day"]).toBeDefined();
    expect(validateMedication({ ...med, times_of_day: "8am" })["schedule.times_of_day"]).toMatch(/HH:MM/);
    expect(validateMedication({ ...med, times_of_day: "08:00" })["schedule.times_of_day"]).toMatch(/one time per dose/);
  });
  it("refuses an end date before the start date", () => {
    expect(validateMedication({ ...med, end_date: "2023-12-31" }).end_date).toMatch(/before/);
    expect(validateMedication({ ...med, end_date: "2024-01-01" })).toEqual({});
  });
  it("parses times separated by commas or spaces", () => {
    expect(parseTimes(" 08:00,20:00  12:00 ")).toEqual(["08:00", "20:00", "12:00"]);
  });
});

describe("validateAllergy and validateSymptom", () => {
  it("requires a substance and a known severity", () => {
    expect(validateAllergy({ substance: "Penicillin", reaction: "", severity: "severe" })).toEqual({});
    expect(Object.keys(validateAllergy({ substance: "", reaction: "", severity: "bad" })).sort()).toEqual([
      "severity",
      "substance",
    ]);
  });
  const now = new Date("2026-03-01T12:00:00Z");
  it("accepts a past symptom with severity 0 to 10", () => {
    expect(validateSymptom({ symptom: "Headache", severity: "0", occurred_at: "2026-02-01T10:00", notes: "" }, now)).toEqual({});
  });
  it("refuses severity out of range, a missing time and a future time", () => {
    const e = validateSymptom({ symptom: "", severity: "11", occurred_at: "", notes: "" }, now);
    expect(Object.keys(e).sort()).toEqual(["occurred_at", "severity", "symptom"]);
    const future = validateSymptom({ symptom: "A", severity: "3", occurred_at: "2027-01-01T00:00", notes: "" }, now);
    expect(future.occurred_at).toMatch(/future/);
  });
  it("turns a datetime-local value into an ISO instant with a zone", () => {
    expect(localInputToIso("2026-02-01T10:00")).toMatch(/Z$/);
    expect(localInputToIso("nonsense")).toBeNull();
  });
});

describe("mapValidationDetails", () => {
  it("keys messages by field path without the body prefix or list indexes", () => {
    const mapped = mapValidationDetails([
      { loc: ["body", "date_of_birth"], msg: "Value error, must not be in the future", type: "value_error" },
      { loc: ["body", "schedule", "times_per_day"], msg: "Input should be greater than or equal to 1" },
      { loc: ["body", "conditions", 3], msg: "String should have at most 200 characters" },
    ]);
    expect(mapped.fields).toEqual({
      date_of_birth: "Must not be in the future.",
      "schedule.times_per_day": "Input should be greater than or equal to 1.",
      conditions: "String should have at most 200 characters.",
    });
    expect(mapped.general).toEqual([]);
  });
  it("sends whole-body errors to the field they name, or to general", () => {
    const mapped = mapValidationDetails(
      [
        { loc: ["body"], msg: "Value error, end_date must not be before start_date" },
        { loc: ["body"], msg: "Something else" },
      ],
      ["start_date", "end_date"],
    );
    expect(mapped.fields).toEqual({ end_date: "End date must not be before start date." });
    expect(mapped.general).toEqual(["Something else."]);
  });
  it("ignores what is not a details list", () => {
    expect(mapValidationDetails(null)).toEqual({ fields: {}, general: [] });
    expect(mapValidationDetails([null, 3])).toEqual({ fields: {}, general: [] });
  });
  it("humanizes pydantic messages", () => {
    expect(humanizeMessage("")).toBe("This value is not valid.");
    expect(humanizeMessage("Field required")).toBe("Field required.");
  });
});

describe("symptom series and chart", () => {
  const entries = [
    { symptom: "Headache", severity: 4, occurred_at: "2026-01-02T10:00:00Z" },
    { symptom: "nausea", severity: 2, occurred_at: "2026-01-01T10:00:00Z" },
    { symptom: " headache ", severity: 8, occurred_at: "2026-01-03T10:00:00Z" },
    { symptom: "Headache", severity: 0, occurred_at: "2026-01-01T10:00:00Z" },
  ];
  it("sorts newest first", () => {
    expect(sortNewestFirst(entries).map((e) => e.severity)).toEqual([8, 4, 2, 0]);
  });
  it("groups by symptom ignoring case and spaces, series oldest first, latest series first", () => {
    const [headache] = groupBySymptom(entries);
    expect(groupBySymptom(entries).map((s) => s.key)).toEqual(["headache", "nausea"]);
    expect(headache?.label).toBe("headache");
    expect(headache?.entries.map((e) => e.severity)).toEqual([0, 4, 8]);
  });
  it("scales linearly and centres a zero-width domain", () => {
    expect(scaleLinear(5, 0, 10, 0, 100)).toBe(50);
    expect(scaleLinear(0, 0, 10, 200, 0)).toBe(200);
    expect(scaleLinear(7, 7, 7, 0, 100)).toBe(50);
  });
  it("places points in the box: time left→right, severity bottom→top", () => {
    const box = { width: 120, height: 60, left: 10, right: 10, top: 5, bottom: 15 };
    const points = chartPoints(groupBySymptom(entries)[0]?.entries ?? [], box);
    expect(points.map((p) => [p.x, p.y])).toEqual([
      [10, 45],
      [60, 29],
      [110, 13],
    ]);
    expect(linePath(points)).toBe("M10 45 L60 29 L110 13");
    expect(linePath([])).toBe("");
    // One entry: in the middle of the time axis.
    expect(chartPoints(entries.slice(1, 2), box)[0]?.x).toBe(60);
  });
  it("summarises a series in words", () => {
    const [headache, nausea] = groupBySymptom(entries);
    if (!headache || !nausea) throw new Error("two series expected");
    expect(seriesSummary(headache)).toBe(
      "headache: 3 entries, latest severity 8 of 10, lowest 0, highest 8.",
    );
    expect(seriesSummary(nausea)).toBe("nausea: 1 entry, latest severity 2 of 10.");
  });
});

describe("submitFailure", () => {
  const body = (details: unknown) =>
    new ApiError("validation_error", "Invalid record data", 422, details);
  it("puts a 422's field messages next to the form's fields", () => {
    const f = submitFailure(body([{ loc: ["body", "dose"], msg: "String should have at least 1 character" }]), ["name", "dose"]);
    expect(f.fields).toEqual({ dose: "String should have at least 1 character." });
    expect(f.error).toBeNull();
  });
  it("turns messages about fields the form does not show into the form's error", () => {
    const f = submitFailure(body([{ loc: ["body", "created_at"], msg: "Extra inputs are not permitted" }]), ["name"]);
    expect(f.fields).toEqual({});
    expect(f.error?.message).toBe("created at: Extra inputs are not permitted.");
  });
  it("passes any other failure through", () => {
    const f = submitFailure(new ApiError("forbidden", "No", 403), ["name"]);
    expect(f).toEqual({ fields: {}, error: expect.objectContaining({ code: "forbidden" }) });
  });
});

describe("exportStillUsable", () => {
  const now = Date.parse("2026-03-01T12:00:00Z");
  it("keeps running exports and finished ones before they expire", () => {
    expect(exportStillUsable({ status: "running", finished_at: null }, now)).toBe(true);
    const done = { status: "succeeded", finished_at: "2026-03-01T11:00:00Z" };
    expect(exportStillUsable({ ...done, result: { expires_at: "2026-03-02T11:00:00Z" } }, now)).toBe(true);
    expect(exportStillUsable({ ...done, result: { expires_at: "2026-03-01T12:00:30Z" } }, now)).toBe(false);
    // Without expires_at: 24 hours after it finished.
    expect(exportStillUsable(done, now)).toBe(true);
    expect(exportStillUsable({ ...done, finished_at: "2026-02-28T11:00:00Z" }, now)).toBe(false);
  });
  it("drops failed and cancelled exports", () => {
    expect(exportStillUsable({ status: "failed", finished_at: "2026-03-01T11:00:00Z" }, now)).toBe(false);
    expect(exportStillUsable({ status: "cancelled", finished_at: null }, now)).toBe(false);
  });
});

describe("withinDays", () => {
  const now = Date.parse("2026-03-10T12:00:00Z");
  const e = (iso: string) => ({ occurred_at: iso });
  it("keeps entries from the last n days, or all", () => {
    const entries = [e("2026-03-09T12:00:00Z"), e("2026-03-03T12:00:00Z"), e("2026-01-01T00:00:00Z")];
    expect(withinDays(entries, 7, now)).toHaveLength(2);
    expect(withinDays(entries, 1, now)).toHaveLength(1);
    expect(withinDays(entries, null, now)).toHaveLength(3);
  });
});
