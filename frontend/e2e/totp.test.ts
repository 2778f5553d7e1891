import { describe, expect, it } from "vitest";

import { base32Decode, hotp, totp } from "./totp";

// RFC 6238 appendix B (SHA1 key "12345678901234567890"), last 6 of the 8 digits.
const KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("e2e TOTP helper", () => {
  it("decodes base32", () => {
    expect(base32Decode(KEY).toString()).toBe("12345678901234567890");
    expect(base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").toString()).toBe("12345678901234567890");
  });

  it("matches the RFC 4226 HOTP vectors", () => {
    const secret = Buffer.from("12345678901234567890");
    expect([0, 1, 2, 9].map((c) => hotp(secret, c))).toEqual(["755224", "287082", "359152", "520489"]);
  });

  it("matches the RFC 6238 SHA1 vectors", () => {
    expect(totp(KEY, 59_000, 8)).toBe("94287082");
    expect(totp(KEY, 1111111109_000, 8)).toBe("07081804");
    expect(totp(KEY, 1234567890_000)).toBe("005924");
    expect(totp(KEY, 20000000000_000, 8)).toBe("65353130");
  });
});
