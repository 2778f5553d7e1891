import { describe, expect, it } from "vitest";

import { reasonNotice, safeNext, signInHref } from "./redirect";

describe("sign-in redirects", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeNext("/jobs/?id=abc")).toBe("/jobs/?id=abc");
    expect(safeNext("/account/")).toBe("/account/");
  });

  it("refuses anything that could leave the site (open redirect)", () => {
    for (const bad of ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "jobs", "/a\nb"]) {
      expect(safeNext(bad)).toBe("/");
    }
    expect(safeNext(null)).toBe("/");
  });

  it("never sends you back to the sign-in page itself", () => {
    expect(safeNext("/sign-in/?next=/jobs/")).toBe("/");
  });

  it("builds the sign-in link with next and reason", () => {
    expect(signInHref("/jobs/?status=failed", "idle")).toBe("/sign-in/?next=%2Fjobs%2F%3Fstatus%3Dfailed&reason=idle");
    expect(signInHref("/", null)).toBe("/sign-in/");
    expect(signInHref("https://evil.example/", "user")).toBe("/sign-in/");
  });

  it("explains the inactivity logoff", () => {
    expect(reasonNotice("idle")).toMatch(/^You were signed out after inactivity/);
    expect(reasonNotice("bogus")).toBeNull();
    expect(reasonNotice(null)).toBeNull();
  });
});
