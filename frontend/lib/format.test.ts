import { describe, expect, it } from "vitest";

import { formatDateTime, formatDuration, formatJson, shortId } from "./format";

describe("formatDuration", () => {
  const t0 = "2026-11-22T10:00:00.000Z";
  const at = (ms: number) => new Date(Date.parse(t0) + ms).toISOString();

  it("picks a unit a person reads at a glance", () => {
    expect(formatDuration(t0, at(850))).toBe("850 ms");
    expect(formatDuration(t0, at(4_200))).toBe("4.2 s");
    expect(formatDuration(t0, at(185_000))).toBe("3 min 5 s");
    expect(formatDuration(t0, at(2 * 3_600_000 + 4 * 60_000))).toBe("2 h 4 min");
  });

  it("shows a dash when either end is missing or the order is wrong", () => {
    expect(formatDuration(t0, null)).toBe("—");
    expect(formatDuration(null, t0)).toBe("—");
    expect(formatDuration(at(1000), t0)).toBe("—");
  });
});

describe("formatDateTime", () => {
  it("shows a dash for missing or unparsable times", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
  });

  it("includes the year unless compact and in the current year", () => {
    const iso = "2026-03-04T05:06:07Z";
    expect(formatDateTime(iso, { locale: "en-GB" })).toContain("2026");
    expect(formatDateTime(iso, { locale: "en-GB", compact: true, now: new Date("2026-12-01") })).not.toContain("2026");
    expect(formatDateTime(iso, { locale: "en-GB", compact: true, now: new Date("2027-01-01") })).toContain("2026");
  });
});

describe("shortId and formatJson", () => {
  it("shortens UUIDs to 8 characters", () => {
    expect(shortId("4cc71bdf-0d9f-4d01-81a7-b0ecbffd6981")).toBe("4cc71bdf");
  });

  it("pretty-prints JSON and never throws on circular values", () => {
    expect(formatJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(formatJson(loop)).toBe("[object Object]");
  });
});
