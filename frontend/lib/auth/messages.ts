import { ApiError } from "@/lib/api/errors";

/** "3 minutes", "45 seconds", "1 hour 5 minutes": for lockout and rate-limit messages. */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s} second${s === 1 ? "" : "s"}`;
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} hour${h === 1 ? "" : "s"}${m ? ` ${m} minute${m === 1 ? "" : "s"}` : ""}`;
}

/**
 * The most specific reason code: some errors carry a finer code in their details
 * (409 `conflict` with details {code: "email_taken"}), most only the top-level one.
 */
export function errorReason(error: ApiError): string {
  const details = error.details as { code?: unknown } | null;
  return details && typeof details === "object" && typeof details.code === "string" ? details.code : error.code;
}

/** What the sign-in form says for a failed attempt. `now` is for tests. */
export function signInErrorMessage(error: ApiError, now: Date = new Date()): string {
  switch (error.code) {
    case "invalid_credentials":
      return "The email or password is not right. Check them and try again.";
    case "invalid_mfa_code":
      return "That code is not right or has expired. Enter the current 6-digit code from your authenticator app.";
    case "account_locked":
    case "rate_limited": {
      const lead =
        error.code === "account_locked"
          ? "This account is locked after too many failed sign-in attempts."
          : "Too many sign-in attempts.";
      if (error.retryAfter === null) return `${lead} Try again later.`;
      const at = new Date(now.getTime() + error.retryAfter * 1000);
      const clock = at.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
      return `${lead} Try again in ${formatWait(error.retryAfter)} (after ${clock}).`;
    }
    default:
      return error.message;
  }
}

/** Field errors from a 422's details ([{loc: ["body", "password"], msg}]), keyed by field name. */
export function fieldErrors(error: ApiError): Record<string, string> {
  const out: Record<string, string> = {};
  if (error.code !== "validation_error" || !Array.isArray(error.details)) return out;
  for (const item of error.details as { loc?: unknown; msg?: unknown }[]) {
    const loc = Array.isArray(item?.loc) ? item.loc : [];
    const field = loc[loc.length - 1];
    if (typeof field === "string" && typeof item.msg === "string" && !out[field]) {
      out[field] = item.msg.replace(/^Value error, /, "");
    }
  }
  return out;
}

/** The password rule, shown next to every new-password field and checked before sending. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
export const PASSWORD_RULE = `At least ${PASSWORD_MIN} characters.`;

/** A problem with a new password (and its confirmation), or null when it is fine to send. */
export function passwordProblem(password: string, confirm?: string): { field: "password" | "confirm"; message: string } | null {
  if (password.length < PASSWORD_MIN) return { field: "password", message: `Use at least ${PASSWORD_MIN} characters.` };
  if (password.length > PASSWORD_MAX) return { field: "password", message: `Use at most ${PASSWORD_MAX} characters.` };
  if (confirm !== undefined && confirm !== password) return { field: "confirm", message: "The passwords do not match." };
  return null;
}
