import { describe, expect, it } from "vitest";

import { ApiError, parseRetryAfter } from "@/lib/api/errors";

import { errorReason, fieldErrors, formatWait, passwordProblem, signInErrorMessage } from "./messages";

describe("auth messages", () => {
  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("120")).toBe(120);
    const now = Date.parse("2026-11-22T09:00:00Z");
    expect(parseRetryAfter("Sun, 22 Nov 2026 09:05:00 GMT", now)).toBe(300);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it("says how long a lockout lasts", () => {
    expect(formatWait(1)).toBe("1 second");
    expect(formatWait(61)).toBe("2 minutes");
    expect(formatWait(900)).toBe("15 minutes");
    expect(formatWait(3900)).toBe("1 hour 5 minutes");
    const locked = new ApiError("account_locked", "Account locked", 429, null, 900);
    expect(signInErrorMessage(locked, new Date("2026-11-22T09:00:00Z"))).toMatch(/locked .* Try again in 15 minutes \(after .+\)\.$/);
    expect(signInErrorMessage(new ApiError("account_locked", "x", 429))).toMatch(/Try again later\.$/);
  });

  it("does not say which of email or password was wrong", () => {
    expect(signInErrorMessage(new ApiError("invalid_credentials", "Invalid", 401))).toBe(
      "The email or password is not right. Check them and try again.",
    );
  });

  it("maps 422 details to fields", () => {
    const error = new ApiError("validation_error", "Request is invalid", 422, [
      { loc: ["body", "password"], msg: "String should have at least 10 characters" },
      { loc: ["body", "email"], msg: "Value error, not an email" },
    ]);
    expect(fieldErrors(error)).toEqual({ password: "String should have at least 10 characters", email: "not an email" });
    expect(fieldErrors(new ApiError("conflict", "x", 409))).toEqual({});
  });

  it("checks the password rule and the confirmation", () => {
    expect(passwordProblem("short")).toEqual({ field: "password", message: "Use at least 10 characters." });
    expect(passwordProblem("long enough!", "long enough?")?.field).toBe("confirm");
    expect(passwordProblem("long enough!", "long enough!")).toBeNull();
    expect(passwordProblem("x".repeat(257))?.field).toBe("password");
  });

  it("finds the specific reason in an error's details", () => {
    expect(errorReason(new ApiError("conflict", "exists", 409, { code: "email_taken" }))).toBe("email_taken");
    expect(errorReason(new ApiError("invalid_credentials", "x", 401))).toBe("invalid_credentials");
    expect(errorReason(new ApiError("validation_error", "x", 422, [{ loc: ["body"] }]))).toBe("validation_error");
  });
});
