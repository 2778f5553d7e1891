// Pure helpers for the patient record pages: client-side checks that mirror the server's
// (backend/record/schemas.py), mapping 422 details to fields, and symptom chart maths.
// No React and no fetching here, so everything is unit-tested.
import { ApiError, toApiError } from "@/lib/api/errors";
import type { AllergySeverity, Sex, Symptom } from "@/lib/api/record";

// ---------------------------------------------------------------------------
// Limits and labels (keep in step with backend/record/schemas.py)

export const MAX_SHORT = 200;
export const MAX_MEDIUM = 500;
export const MAX_NOTES = 2000;
export const MAX_CONDITIONS = 100;
export const MAX_TIMES_PER_DAY = 24;
export const OLDEST_DATE = "1900-01-01";
export const LATEST_DATE = "2200-01-01";
/** The server accepts moments up to 5 minutes ahead (phone and server clocks differ). */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export const SEX_OPTIONS: readonly { value: Sex; label: string }[] = [
  { value: "female", label: "Female" },
  { value: "male", label: "Male" },
  { value: "intersex", label: "Intersex" },
  { value: "other", label: "Other" },
  { value: "unknown", label: "Prefer not to say" },
];

export const ALLERGY_SEVERITIES: readonly { value: AllergySeverity; label: string }[] = [
  { value: "mild", label: "Mild" },
  { value: "moderate", label: "Moderate" },
  { value: "severe", label: "Severe" },
  { value: "life_threatening", label: "Life-threatening" },
  { value: "unknown", label: "Not sure" },
];

export function allergySeverityLabel(value: AllergySeverity): string {
  return ALLERGY_SEVERITIES.find((s) => s.value === value)?.label ?? value;
}

export type FieldErrors = Record<string, string>;

// ---------------------------------------------------------------------------
// Dates

/** "YYYY-MM-DD" in local time. */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "YYYY-MM-DDTHH:MM" in local time: the value a datetime-local input wants. */
export function localDateTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${localDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as an ISO instant with a zone (the server refuses naive times); null if invalid. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------
// Client-side validation (same rules as the server, so most mistakes never make a round trip)

function checkText(errors: FieldErrors, field: string, value: string, max: number, required: boolean, noun: string) {
  const v = value.trim();
  if (required && !v) errors[field] = `Enter ${noun}.`;
  else if (v.length > max) errors[field] = `Use at most ${max} characters.`;
}

export type ProfileDraft = { name: string; date_of_birth: string; sex: string; conditions: string[] };

export function validateProfile(draft: ProfileDraft, today: string = localDate(new Date())): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, "name", draft.name, MAX_SHORT, false, "a name");
  const dob = draft.date_of_birth;
  if (dob) {
    if (!isIsoDate(dob)) errors.date_of_birth = "Enter a real date.";
    // +1 day as on the server: the caller may be a time zone ahead.
    else if (dob > addDays(today, 1)) errors.date_of_birth = "Date of birth must not be in the future.";
    else if (dob < OLDEST_DATE) errors.date_of_birth = "Date of birth must be after 1 January 1900.";
  }
  if (draft.conditions.length > MAX_CONDITIONS) errors.conditions = `List at most ${MAX_CONDITIONS} conditions.`;
  return errors;
}

export type MedicationDraft = {
  name: string;
  dose: string;
  times_per_day: string;
  /** Comma-separated HH:MM, optional. */
  times_of_day: string;
  start_date: string;
  end_date: string;
  notes: string;
};

export function parseTimes(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

export function validateMedication(draft: MedicationDraft): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, "name", draft.name, MAX_SHORT, true, "the medicine's name");
  checkText(errors, "dose", draft.dose, MAX_SHORT, true, "the dose, e.g. 5 mg");
  const perDay = Number(draft.times_per_day);
  if (!/^\d+$/.test(draft.times_per_day.trim()) || perDay < 1 || perDay > MAX_TIMES_PER_DAY) {
    errors["schedule.times_per_day"] = `Enter how many times a day, 1 to ${MAX_TIMES_PER_DAY}.`;
  }
  const times = parseTimes(draft.times_of_day);
  if (times.some((t) => !/^([01]\d|2[0-3]):[0-5]\d$/.test(t))) {
    errors["schedule.times_of_day"] = "Write times as HH:MM, e.g. 08:00, 20:00.";
  } else if (times.length > 0 && !errors["schedule.times_per_day"] && times.length !== perDay) {
    errors["schedule.times_of_day"] = `List one time per dose (${perDay}), or leave this empty.`;
  }
  for (const field of ["start_date", "end_date"] as const) {
    const v = draft[field];
    if (!v) {
      if (field === "start_date") errors.start_date = "Enter the date you started.";
    } else if (!isIsoDate(v) || v < OLDEST_DATE || v > LATEST_DATE) {
      errors[field] = "Enter a real date between 1900 and 2200.";
    }
  }
  if (!errors.start_date && !errors.end_date && draft.end_date && draft.end_date < draft.start_date) {
    errors.end_date = "The end date must not be before the start date.";
  }
  checkText(errors, "notes", draft.notes, MAX_NOTES, false, "notes");
  return errors;
}

export type AllergyDraft = { substance: string; reaction: string; severity: string };

export function validateAllergy(draft: AllergyDraft): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, "substance", draft.substance, MAX_SHORT, true, "what you are allergic to");
  checkText(errors, "reaction", draft.reaction, MAX_MEDIUM, false, "the reaction");
  if (!ALLERGY_SEVERITIES.some((s) => s.value === draft.severity)) errors.severity = "Choose a severity.";
  return errors;
}

export type SymptomDraft = { symptom: string; severity: string; occurred_at: string; notes: string };

export function validateSymptom(draft: SymptomDraft, now: Date = new Date()): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, "symptom", draft.symptom, MAX_SHORT, true, "the symptom");
  const sev = draft.severity.trim();
  if (!/^\d+$/.test(sev) || Number(sev) > 10) errors.severity = "Choose a severity from 0 to 10.";
  const iso = localInputToIso(draft.occurred_at);
  if (!iso) errors.occurred_at = "Enter when it happened.";
  else if (Date.parse(iso) > now.getTime() + CLOCK_SKEW_MS) errors.occurred_at = "The time must not be in the future.";
  else if (iso < "1900") errors.occurred_at = "The time must be after 1900.";
  checkText(errors, "notes", draft.notes, MAX_NOTES, false, "notes");
  return errors;
}

// ---------------------------------------------------------------------------
// 422 details → fields

export type MappedErrors = { fields: FieldErrors; general: string[] };

type Detail = { loc?: unknown; msg?: unknown };

/** The field whose name appears first in a message ("end_date must not be before start_date" → end_date). */
function firstNamed(msg: string, fields: readonly string[]): string {
  let best = "";
  let at = Infinity;
  for (const f of fields) {
    const i = msg.indexOf(f.split(".").pop() ?? f);
    if (i >= 0 && i < at) [best, at] = [f, i];
  }
  return best;
}

/** "Value error, must not be in the future" → "Must not be in the future." */
export function humanizeMessage(msg: string): string {
  // Field names in cross-field messages read better as words: "end_date" → "end date".
  const text = msg.replace(/^(Value|Assertion) error,\s*/i, "").replace(/_/g, " ").trim();
  if (!text) return "This value is not valid.";
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * Turn a validation_error's details ([{loc: ["body", "schedule", "times_per_day"], msg}]) into
 * messages keyed by dotted field path ("schedule.times_per_day"). Errors about the whole body
 * (cross-field checks) go to the field their message names when it is one of `fields`, else to `general`.
 */
export function mapValidationDetails(details: unknown, fields: readonly string[] = []): MappedErrors {
  const out: MappedErrors = { fields: {}, general: [] };
  if (!Array.isArray(details)) return out;
  for (const raw of details as Detail[]) {
    if (typeof raw !== "object" || raw === null) continue;
    const loc = Array.isArray(raw.loc) ? raw.loc.map(String) : [];
    const msg = typeof raw.msg === "string" ? raw.msg : "";
    // Drop the "body" prefix and list indexes ("conditions.3" is about the conditions field).
    const path = loc
      .filter((p, i) => !(i === 0 && p === "body"))
      .filter((p) => !/^\d+$/.test(p))
      .join(".");
    let key = path;
    if (!key) key = firstNamed(msg, fields);
    const text = humanizeMessage(msg);
    if (key) {
      if (!out.fields[key]) out.fields[key] = text;
    } else out.general.push(text);
  }
  return out;
}

export type SubmitFailure = { fields: FieldErrors; error: ApiError | null };

/**
 * What a failed save means for a form: a 422's details become messages next to the form's
 * `fields`; anything not tied to one of them becomes the form's error, as does any other failure.
 */
export function submitFailure(e: unknown, fields: readonly string[]): SubmitFailure {
  const error = toApiError(e);
  if (error.code !== "validation_error") return { fields: {}, error };
  const mapped = mapValidationDetails(error.details, fields);
  const own = Object.fromEntries(Object.entries(mapped.fields).filter(([k]) => fields.includes(k)));
  const general = [
    ...mapped.general,
    ...Object.entries(mapped.fields)
      .filter(([k]) => !fields.includes(k))
      .map(([k, msg]) => `${k.replace(/_/g, " ")}: ${msg}`),
  ];
  return {
    fields: own,
    error: general.length ? new ApiError(error.code, general.join(" "), error.status) : null,
  };
}

// ---------------------------------------------------------------------------
// Exports

/** How long the server keeps an export file (backend/record/rights.py EXPORT_TTL). */
export const EXPORT_TTL_MS = 24 * 60 * 60 * 1000;

type ExportJob = { status: string; finished_at: string | null; result?: Record<string, unknown> | null };

/** Worth showing again: still running, or finished well and its file not yet swept. */
export function exportStillUsable(job: ExportJob, now: number = Date.now()): boolean {
  if (["queued", "running"].includes(job.status)) return true;
  if (job.status !== "succeeded") return false;
  const expires = typeof job.result?.expires_at === "string" ? Date.parse(job.result.expires_at) : NaN;
  const deadline = Number.isNaN(expires) ? Date.parse(job.finished_at ?? "") + EXPORT_TTL_MS : expires;
  // A minute of margin so the link does not die between showing it and clicking it.
  return deadline - 60_000 > now;
}

// ---------------------------------------------------------------------------
// Symptom log and chart

export function sortNewestFirst<T extends Pick<Symptom, "occurred_at">>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => Date.parse(b.occurred_at) - Date.parse(a.occurred_at));
}

export const SYMPTOM_RANGES: readonly { days: number | null; label: string }[] = [
  { days: 7, label: "Last 7 days" },
  { days: 30, label: "Last 30 days" },
  { days: 90, label: "Last 90 days" },
  { days: null, label: "All time" },
];

/** Entries from the last `days` days (all of them when days is null). */
export function withinDays<T extends Pick<Symptom, "occurred_at">>(
  entries: readonly T[],
  days: number | null,
  now: number = Date.now(),
): T[] {
  if (days === null) return [...entries];
  const from = now - days * 86_400_000;
  return entries.filter((e) => Date.parse(e.occurred_at) >= from);
}

export type SymptomSeries<T> = { key: string; label: string; entries: T[] };

/**
 * Entries grouped by symptom ("Headache" and " headache " are one series), each series oldest
 * first (for the chart); series with the most recent entry come first. The label is the
 * spelling of the newest entry.
 */
export function groupBySymptom<T extends Pick<Symptom, "symptom" | "occurred_at">>(
  entries: readonly T[],
): SymptomSeries<T>[] {
  const groups = new Map<string, T[]>();
  for (const e of sortNewestFirst(entries)) {
    const key = e.symptom.replace(/\s+/g, " ").trim().toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.entries()].map(([key, newest]) => ({
    key,
    label: (newest[0]?.symptom ?? key).trim(),
    entries: [...newest].reverse(),
  }));
}

export type ChartBox = { width: number; height: number; left: number; right: number; top: number; bottom: number };

/** Map a value in [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export function scaleLinear(value: number, d0: number, d1: number, r0: number, r1: number): number {
  if (d1 === d0) return (r0 + r1) / 2;
  return r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

export type ChartPoint<T> = { x: number; y: number; entry: T };

/** Points for a severity-over-time chart: time left to right, severity 0 at the bottom and 10 at the top. */
export function chartPoints<T extends Pick<Symptom, "severity" | "occurred_at">>(
  entries: readonly T[],
  box: ChartBox,
): ChartPoint<T>[] {
  const times = entries.map((e) => Date.parse(e.occurred_at));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const round = (n: number) => Math.round(n * 10) / 10;
  return entries.map((entry, i) => ({
    entry,
    x: round(scaleLinear(times[i] ?? t0, t0, t1, box.left, box.width - box.right)),
    y: round(scaleLinear(Math.min(10, Math.max(0, entry.severity)), 0, 10, box.height - box.bottom, box.top)),
  }));
}

/** SVG path through the points, in order ("" for none). */
export function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x} ${p.y}`).join(" ");
}

/** A one-sentence summary of a series for screen readers and the chart's caption. */
export function seriesSummary(series: SymptomSeries<Pick<Symptom, "severity" | "occurred_at">>): string {
  const n = series.entries.length;
  const sev = series.entries.map((e) => e.severity);
  const latest = sev[sev.length - 1] ?? 0;
  const range = n > 1 ? `, lowest ${Math.min(...sev)}, highest ${Math.max(...sev)}` : "";
  return `${series.label}: ${n} entr${n === 1 ? "y" : "ies"}, latest severity ${latest} of 10${range}.`;
}
