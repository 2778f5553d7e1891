// RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits) for the e2e tests, from the
// base32 setup key the account page shows. node:crypto only.
import { createHmac } from "node:crypto";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 (case, spaces and padding ignored). */
export function base32Decode(input: string): Buffer {
  const clean = input.toUpperCase().replace(/[\s=-]/g, "");
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = BASE32.indexOf(ch);
    if (idx < 0) throw new Error(`invalid base32 character ${JSON.stringify(ch)}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The time step for a Unix time in ms. */
export function totpStep(atMs: number = Date.now(), periodS = 30): number {
  return Math.floor(atMs / 1000 / periodS);
}

/** RFC 4226 HOTP for a counter (dynamic truncation). */
export function hotp(secret: Buffer, counter: number, digits = 6): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", secret).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return code.toString().padStart(digits, "0");
}

/** The current code for a base32 key. */
export function totp(secretBase32: string, atMs: number = Date.now(), digits = 6): string {
  return hotp(base32Decode(secretBase32), totpStep(atMs), digits);
}

/**
 * A code from a time step not used before. Servers refuse a code's replay, so
 * a test that needs a second code waits for the next 30 s step (≤ 30 s).
 * Also avoids the last 2 s of a step, so the code is still current on arrival.
 */
export async function freshTotp(secretBase32: string, used: Set<number>): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = totpStep(now);
    const msLeft = (step + 1) * 30_000 - now;
    if (!used.has(step) && msLeft > 2_000) {
      used.add(step);
      return totp(secretBase32, now);
    }
    await new Promise((r) => setTimeout(r, msLeft + 50));
  }
}
