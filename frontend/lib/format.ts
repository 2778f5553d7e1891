// Formatting helpers shared by pages. Pure functions so they are unit-tested.

/**
 * "22 Nov 2026, 14:03:07" in the user's locale and time zone; "—" for null.
 * `compact` drops the year when it is the current one (for dense tables).
 */
export function formatDateTime(
  iso: string | null | undefined,
  { locale, compact = false, now = new Date() }: { locale?: string; compact?: boolean; now?: Date } = {},
): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  const sameYear = date.getFullYear() === now.getFullYear();
  return date.toLocaleString(locale, {
    year: compact && sameYear ? undefined : "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}

/** Human duration between two instants: "850 ms", "4.2 s", "3 min 5 s", "2 h 4 min". */
export function formatDuration(startIso: string | null | undefined, endIso: string | null | undefined): string {
  if (!startIso || !endIso) return "—";
  const ms = new Date(endIso).getTime() - new Date(startIso).getTime();
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const totalS = Math.round(s);
  const m = Math.floor(totalS / 60);
  if (m < 60) return `${m} min ${totalS % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** The first 8 characters of a UUID: enough to tell jobs apart in a list. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** Pretty JSON for display; never throws (circular or odd values fall back to String()). */
export function formatJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}
