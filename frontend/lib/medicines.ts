// Pure helpers for the Medicines pages (drug search, drug page, interaction checker).
// No React and no fetching here, so everything is unit-tested.
import type {
  CheckedDrug,
  DrugName,
  DrugSource,
  InteractionCheck,
  InteractionFinding,
  InteractionPair,
  InteractionProfile,
  MarketStatus,
  Severity,
} from "@/lib/api/types";

// ---------------------------------------------------------------------------
// Severity

export type FindingSeverity = Exclude<Severity, "none">;

/** Worst first: the order results are grouped and shown in. */
export const SEVERITIES: readonly FindingSeverity[] = ["contraindicated", "major", "moderate", "minor"];

const SEVERITY_LABELS: Record<Severity, string> = {
  contraindicated: "Contraindicated",
  major: "Major",
  moderate: "Moderate",
  minor: "Minor",
  none: "No known interaction",
};

const SEVERITY_MEANINGS: Record<Severity, string> = {
  contraindicated: "Do not take these together.",
  major: "Serious risk: usually avoid, or use only with close medical supervision.",
  moderate: "May need monitoring, spacing of doses or a dose change.",
  minor: "Small effect: usually no action needed, but be aware of it.",
  none: "LUMEN's reviewed rules found nothing for this combination.",
};

export function severityLabel(severity: Severity): string {
  return SEVERITY_LABELS[severity] ?? severity;
}

/** One plain sentence on what the severity means for the patient. */
export function severityMeaning(severity: Severity): string {
  return SEVERITY_MEANINGS[severity] ?? "";
}

export type FindingGroup = { severity: FindingSeverity; findings: InteractionFinding[] };

/** Findings grouped by severity, worst group first; empty groups (and "none") are left out. Order within a group is kept. */
export function groupFindings(findings: readonly InteractionFinding[]): FindingGroup[] {
  return SEVERITIES.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) })).filter(
    (g) => g.findings.length > 0,
  );
}

const KIND_LABELS: Record<InteractionFinding["kind"], string> = {
  "drug-drug": "Medicine and medicine",
  "drug-allergy": "Medicine and allergy",
  "drug-condition": "Medicine and condition",
};

export function findingKindLabel(kind: InteractionFinding["kind"]): string {
  return KIND_LABELS[kind] ?? kind;
}

/** The finding's title: "Warfarin + Ibuprofen", or "Amoxicillin and Penicillin allergy" for allergy/condition findings. */
export function findingTitle(finding: Pick<InteractionFinding, "kind" | "drugs" | "subject">): string {
  const drugs = finding.drugs.map(displayName).join(" + ");
  if (finding.kind === "drug-drug" || !finding.subject) return drugs;
  return `${drugs} and ${finding.subject}`;
}

/** A one-line summary for screen readers: "2 findings: 1 contraindicated, 1 major." */
export function summariseFindings(findings: readonly InteractionFinding[]): string {
  if (findings.length === 0) return "No known interactions found.";
  const parts = groupFindings(findings).map((g) => `${g.findings.length} ${severityLabel(g.severity).toLowerCase()}`);
  return `${findings.length} finding${findings.length === 1 ? "" : "s"}: ${parts.join(", ")}.`;
}

/** Pairs as "A + B", for the "no known interactions" state. */
export function pairLabel(pair: Pick<InteractionPair, "a" | "b">): string {
  return `${displayName(pair.a)} + ${displayName(pair.b)}`;
}

// ---------------------------------------------------------------------------
// Drug page

/** "ibuprofen" → "Ibuprofen"; the catalogue stores names in lower case. */
export function displayName(name: string): string {
  return name ? name.charAt(0).toLocaleUpperCase() + name.slice(1) : name;
}

/** A fact group's `source`: one id or several. */
export function sourceIds(source: string | string[] | null | undefined): string[] {
  if (!source) return [];
  return (Array.isArray(source) ? source : [source]).filter(Boolean);
}

/** The sources a fact group cites, in the order it names them; an id missing from the list still shows (as its id). */
export function citedSources(
  source: string | string[] | null | undefined,
  sources: readonly DrugSource[],
): DrugSource[] {
  return sourceIds(source).map((id) => sources.find((s) => s.id === id) ?? { id, title: id, url: "" });
}

const NAME_KIND_ORDER = ["brand", "alias", "salt", "synonym"] as const;

const NAME_KIND_LABELS: Record<string, string> = {
  preferred: "Preferred name",
  brand: "Brand",
  alias: "Also known as",
  salt: "Salt form",
  synonym: "Synonym",
};

export function nameKindLabel(kind: string): string {
  return NAME_KIND_LABELS[kind] ?? displayName(kind);
}

/**
 * Other names to list on the drug page: brands first, then aliases, salts and
 * synonyms (unknown kinds last), alphabetical within a kind; the drug's own
 * name and repeats are dropped.
 */
export function otherNames(names: readonly DrugName[], drugName: string): DrugName[] {
  const rank = (kind: string) => {
    const i = (NAME_KIND_ORDER as readonly string[]).indexOf(kind);
    return i < 0 ? NAME_KIND_ORDER.length : i;
  };
  const own = drugName.trim().toLowerCase();
  const sorted = names
    .filter((n) => n.kind !== "preferred" && n.name.trim().toLowerCase() !== own)
    .sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name));
  const seen = new Set<string>();
  return sorted.filter((n) => {
    const k = n.name.trim().toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export type Region = "us" | "uk" | "eu";
export const REGIONS: readonly { id: Region; label: string }[] = [
  { id: "us", label: "United States" },
  { id: "uk", label: "United Kingdom" },
  { id: "eu", label: "European Union" },
];

type Availability = MarketStatus["us"];

const AVAILABILITY_LABELS: Record<Availability, string> = {
  rx: "Prescription only",
  otc: "Over the counter",
  pharmacy: "Pharmacy medicine",
  gsl: "General sale",
  mixed: "Prescription or over the counter (depends on strength and pack)",
  not_marketed: "Not marketed",
  unknown: "Not known",
};

export function availabilityLabel(value: Availability | null | undefined): string {
  return AVAILABILITY_LABELS[value ?? "unknown"] ?? AVAILABILITY_LABELS.unknown;
}

// ---------------------------------------------------------------------------
// Interaction checker input

/** Most drugs one check accepts (the API's limit). */
export const MAX_DRUGS = 20;
/** Most entries per profile list (the API's limit). */
export const MAX_PROFILE_ITEMS = 50;
/** Longest name the API accepts. */
export const MAX_NAME_LENGTH = 200;

export type AddResult = { items: string[]; error: string | null };

/** Trim and collapse inner whitespace: "  Coumadin   5mg " → "Coumadin 5mg". */
export function cleanEntry(raw: string): string {
  return raw.replace(/\s+/g, " ").trim();
}

/** Add an entry to a chip list unless it is empty, already there (any case), too long, or the list is full. */
export function addEntry(items: readonly string[], raw: string, max: number, noun = "entry"): AddResult {
  const value = cleanEntry(raw);
  if (!value) return { items: [...items], error: null };
  if (value.length > MAX_NAME_LENGTH) {
    return { items: [...items], error: `That ${noun} is too long (at most ${MAX_NAME_LENGTH} characters).` };
  }
  if (items.some((i) => i.toLowerCase() === value.toLowerCase())) {
    return { items: [...items], error: `${displayName(value)} is already on the list.` };
  }
  if (items.length >= max) return { items: [...items], error: `You can add at most ${max}.` };
  return { items: [...items, value], error: null };
}

/** Swap one entry for another in place (picking the intended drug for an ambiguous name); drops it if the new one is already listed. */
export function replaceEntry(items: readonly string[], from: string, to: string): string[] {
  const value = cleanEntry(to);
  const others = items.filter((i) => i !== from);
  if (!value || others.some((i) => i.toLowerCase() === value.toLowerCase())) return others;
  return items.map((i) => (i === from ? value : i));
}

export type ProfileDraft = { medications: string[]; allergies: string[]; conditions: string[] };

export function hasProfile(profile: ProfileDraft): boolean {
  return profile.medications.length + profile.allergies.length + profile.conditions.length > 0;
}

/** Why the check cannot be sent yet, or null when it can (the API needs 2 drugs, or 1 with a profile). */
export function checkProblem(drugs: readonly string[], profile: ProfileDraft, useRecord = false): string | null {
  if (drugs.length > MAX_DRUGS) return `Check at most ${MAX_DRUGS} medicines at a time.`;
  if (drugs.length >= 2) return null;
  // With the saved record there is something to check one medicine against.
  if (drugs.length === 1 && (hasProfile(profile) || useRecord)) return null;
  if (drugs.length === 1) {
    return "Add a second medicine, or add an allergy, condition or other medicine below to check this one against.";
  }
  return "Add at least two medicines to check.";
}

/** The request body: the profile is sent only when it holds something. */
export function buildCheck(drugs: readonly string[], profile: ProfileDraft, useRecord = false): InteractionCheck {
  const body: InteractionCheck = { drugs: [...drugs], use_my_record: useRecord };
  if (hasProfile(profile)) {
    const p: InteractionProfile = {};
    if (profile.medications.length) p.medications = [...profile.medications];
    if (profile.allergies.length) p.allergies = [...profile.allergies];
    if (profile.conditions.length) p.conditions = [...profile.conditions];
    body.profile = p;
  }
  return body;
}

// ---------------------------------------------------------------------------
// Interaction checker results

export type DrugNote = { tone: "info" | "warning"; text: string };

/** What to tell the patient about how one name was understood, if anything. */
export function resolutionNotes(drug: CheckedDrug): DrugNote[] {
  const notes: DrugNote[] = [];
  const name = drug.name ? displayName(drug.name) : "";
  if (drug.status === "corrected" && name) notes.push({ tone: "info", text: `Interpreted “${drug.query}” as ${name}.` });
  if (drug.status === "ambiguous") {
    notes.push({ tone: "warning", text: `“${drug.query}” could mean more than one medicine. Pick the one you meant.` });
  }
  if (drug.status === "unknown") {
    notes.push({ tone: "warning", text: `“${drug.query}” was not recognised, so it was not checked. Check the spelling or try another name.` });
  }
  if (drug.key && !drug.covered) {
    notes.push({
      tone: "warning",
      text: `LUMEN holds no reviewed interaction data for ${name || drug.query}, so interactions involving it may be missed.`,
    });
  }
  return notes;
}

/** Readable lines from a 422 `details` list ([{loc, msg}]); anything else gives no lines. */
export function validationLines(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d) => {
    if (typeof d !== "object" || d === null || typeof (d as { msg?: unknown }).msg !== "string") return [];
    const { loc, msg } = d as { loc?: unknown; msg: string };
    const path = Array.isArray(loc) ? loc.filter((p) => p !== "body") : [];
    const where = path
      .map((p) => (typeof p === "number" ? `item ${p + 1}` : String(p)))
      .join(", ");
    return [where ? `${where}: ${msg}` : msg];
  });
}
