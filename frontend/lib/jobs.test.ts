import { describe, expect, it } from "vitest";

import { JOB_STATUSES, canCancel, isActiveStatus, parseStatusFilter, statusLabel, statusTone } from "./jobs";

describe("job status helpers", () => {
  it("polls only while the worker may still change the job", () => {
    expect(JOB_STATUSES.filter(isActiveStatus)).toEqual(["queued", "running", "cancelling"]);
  });

  it("offers Cancel only for queued and running jobs", () => {
    expect(JOB_STATUSES.filter((status) => canCancel({ status }))).toEqual(["queued", "running"]);
  });

  it("gives every status a label and a distinct tone for success and failure", () => {
    for (const s of JOB_STATUSES) expect(statusLabel(s)).toMatch(/^[A-Z][a-z]+$/);
    expect(statusTone("succeeded")).toBe("success");
    expect(statusTone("failed")).toBe("danger");
  });

  it("accepts only real statuses from the URL", () => {
    expect(parseStatusFilter("running")).toBe("running");
    expect(parseStatusFilter("bogus")).toBeNull();
    expect(parseStatusFilter(null)).toBeNull();
  });
});
