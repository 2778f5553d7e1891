import type { SignOutReason } from "./session";

/**
 * Where to go after signing in. Only same-site paths are allowed ("/jobs/?id=1"),
 * never "//evil.example" or "https://…": an open redirect on a sign-in page is a
 * phishing tool. Anything else falls back to the home page.
 */
export function safeNext(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(next)) return fallback;
  // Never bounce back to the auth pages themselves.
  if (/^\/(sign-in|sign-up)(\/|\?|$)/.test(next)) return fallback;
  return next;
}

/** "/sign-in/?next=…&reason=…" for a redirect from `next`. */
export function signInHref(next?: string | null, reason?: SignOutReason | null): string {
  const params = new URLSearchParams();
  const target = safeNext(next, "");
  if (target && target !== "/") params.set("next", target);
  if (reason && reason !== "user") params.set("reason", reason);
  const query = params.toString();
  return query ? `/sign-in/?${query}` : "/sign-in/";
}

const REASON_NOTICES: Record<Exclude<SignOutReason, "user">, string> = {
  idle: "You were signed out after inactivity. Sign in again to continue.",
  expired: "Your session has expired. Sign in again to continue.",
  password_changed: "Your password was changed. Sign in with your new password.",
};

/** The notice the sign-in page shows for ?reason=…, or null. */
export function reasonNotice(reason: string | null | undefined): string | null {
  return reason && reason in REASON_NOTICES ? REASON_NOTICES[reason as keyof typeof REASON_NOTICES] : null;
}
