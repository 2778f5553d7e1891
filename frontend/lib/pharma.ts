// Pure helpers of the Pharma QA document workspace: form state ⇄ API inputs,
// 422 details → field errors, the MACO request from a protocol's inputs, and a
// small Markdown block parser (the preview is rendered without any raw HTML).
import type { BadgeTone } from "@/components/ui/badge";

import type { DocumentField, VersionStatus } from "./api/pharma";

export const STATUS_LABEL: Record<VersionStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  superseded: "Superseded",
};

export const STATUS_TONE: Record<VersionStatus, BadgeTone> = {
  draft: "neutral",
  in_review: "warning",
  approved: "success",
  superseded: "info",
};

/** Cleaning validation types get the live MACO calculator next to their form. */
export const MACO_TYPES = new Set(["cleaning_validation_protocol"]);

export type Column = { name: string; label: string; type: string; required?: boolean; unit?: string; options?: string[] };
export type Row = Record<string, string>;
/** Scalars are the text in their input; lists are one string per item; tables one row of strings per row. */
export type FormValue = string | string[] | Row[];
export type FormState = Record<string, FormValue>;

/** The extra keys of a field description (the API allows any: unit, options, columns, default...). */
export function fieldUnit(f: DocumentField | Column): string | undefined {
  const unit = (f as { unit?: unknown }).unit;
  return typeof unit === "string" && unit ? unit : undefined;
}
export function fieldOptions(f: DocumentField | Column): string[] {
  const options = (f as { options?: unknown }).options;
  return Array.isArray(options) ? options.map(String) : [];
}
export function fieldColumns(f: DocumentField): Column[] {
  const columns = (f as { columns?: unknown }).columns;
  return Array.isArray(columns) ? (columns as Column[]) : [];
}
export function fieldHelp(f: DocumentField): string | undefined {
  const help = (f as { help?: unknown }).help;
  return typeof help === "string" && help ? help : undefined;
}
function fieldDefault(f: DocumentField): unknown {
  return (f as { default?: unknown }).default;
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function emptyRow(columns: Column[]): Row {
  return Object.fromEntries(columns.map((c) => [c.name, ""]));
}

/**
 * The form state for `fields`, filled from stored `inputs` (editing a draft) or
 * the templates' defaults (a new document). Tables start with one empty row.
 */
export function initialState(fields: DocumentField[], inputs?: Record<string, unknown> | null): FormState {
  const state: FormState = {};
  for (const f of fields) {
    const value = inputs ? inputs[f.name] : fieldDefault(f);
    if (f.type === "list") {
      state[f.name] = Array.isArray(value) && value.length ? value.map(scalarText) : [""];
    } else if (f.type === "table") {
      const columns = fieldColumns(f);
      state[f.name] = Array.isArray(value) && value.length
        ? value.map((r) => ({ ...emptyRow(columns), ...Object.fromEntries(Object.entries((r ?? {}) as object).map(([k, v]) => [k, scalarText(v)])) }))
        : [emptyRow(columns)];
    } else {
      state[f.name] = scalarText(value);
    }
  }
  return state;
}

/** Numbers go to the API as numbers when they parse, else as typed (the server then says what is wrong). */
function typed(type: string, text: string): unknown {
  if (type === "number") {
    const n = Number(text);
    return text.trim() !== "" && Number.isFinite(n) ? n : text;
  }
  return text;
}

/**
 * The API's `inputs` from the form state: empty values are left out (so the
 * server reports missing required fields by name), empty list items and
 * all-empty table rows are dropped.
 */
export function buildInputs(fields: DocumentField[], state: FormState): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const f of fields) {
    const value = state[f.name];
    if (f.type === "list") {
      const items = ((value as string[] | undefined) ?? []).map((s) => s.trim()).filter(Boolean);
      if (items.length) inputs[f.name] = items;
    } else if (f.type === "table") {
      const columns = fieldColumns(f);
      const rows = ((value as Row[] | undefined) ?? [])
        .map((row) => {
          const out: Record<string, unknown> = {};
          for (const c of columns) {
            const text = (row[c.name] ?? "").trim();
            if (text) out[c.name] = typed(c.type, text);
          }
          return out;
        })
        .filter((row) => Object.keys(row).length > 0);
      if (rows.length) inputs[f.name] = rows;
    } else {
      const text = typeof value === "string" ? value.trim() : "";
      if (text) inputs[f.name] = typed(f.type, text);
    }
  }
  return inputs;
}

/**
 * A 422's details as field path → message. Document inputs come as
 * {field, message} ("equipment[2].surface_area"); request validation as
 * {loc: ["body", "inputs", ...], msg}, which maps to "title" or the input path.
 */
export function fieldErrorMap(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const d of details) {
    if (!d || typeof d !== "object") continue;
    const item = d as { field?: unknown; message?: unknown; loc?: unknown; msg?: unknown };
    let field: string | null = null;
    let message = "";
    if (typeof item.field === "string") {
      field = item.field;
      message = String(item.message ?? "");
    } else if (Array.isArray(item.loc)) {
      const loc = item.loc.filter((p) => p !== "body" && p !== "inputs");
      field = loc.reduce<string>((path, p) => (typeof p === "number" ? `${path}[${p}]` : path ? `${path}.${p}` : String(p)), "");
      message = String(item.msg ?? "");
    }
    if (field !== null && !(field in out)) out[field || "_"] = message;
  }
  return out;
}

/** The input id of a field path, stable and valid in a CSS selector: "entries[1].batch" → "pf-entries-1-batch". */
export function fieldId(path: string): string {
  return `pf-${path.replace(/[^a-zA-Z0-9_]+/g, "-").replace(/-+$/, "")}`;
}

/** The number of the draft the user can edit, if the latest version is one. */
export function editableVersion(versions: { number: number; status: VersionStatus }[]): number | null {
  const latest = [...versions].sort((a, b) => b.number - a.number)[0];
  return latest && latest.status === "draft" ? latest.number : null;
}

/** "attachment; filename=\"SOP-1 v1.pdf\"" → "SOP-1 v1.pdf". */
export function filenameFrom(disposition: string | null | undefined, fallback: string): string {
  const name = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i)?.[1];
  if (!name) return fallback;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A value from a diff or inputs, readable in a table cell. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

// --- MACO -----------------------------------------------------------------

export type MacoBody = {
  mbs_next?: string;
  ldd_next?: string;
  tdd_prev?: string;
  pde_prev?: string;
  noael_prev?: string;
  ld50_prev?: string;
  safety_factor?: number;
  ppm_limit?: string;
  pde_factors?: { f1?: number; f2?: number; f3?: number; f4?: number; f5?: number };
  sampling?: { total_area: string; swab_area?: string; rinse_volume?: string; rinsed_area?: string; visual_limit?: string };
};

/** Sum of a table's quantity column when all share one unit ("1200 cm2" + "300 cm2" → "1500 cm2"). */
export function sumQuantities(values: string[]): string | null {
  let unit: string | null = null;
  let total = 0;
  for (const v of values) {
    const m = v.trim().match(/^([0-9]*\.?[0-9]+(?:e[-+]?\d+)?)\s*(.+)$/i);
    if (!m) return null;
    const [, amount = "", u = ""] = m;
    if (unit !== null && unit !== u.trim()) return null;
    unit = u.trim();
    total += Number(amount);
  }
  return unit === null ? null : `${Number(total.toPrecision(12))} ${unit}`;
}

/**
 * The body of POST /pharma/maco from a cleaning validation protocol's form, or
 * null until the two inputs every criterion needs (batch size, daily dose) are there.
 */
export function macoBody(state: FormState): MacoBody | null {
  const text = (name: string) => (typeof state[name] === "string" ? (state[name] as string).trim() : "");
  const mbs = text("mbs_next");
  const ldd = text("ldd_next");
  if (!mbs || !ldd) return null;
  const body: MacoBody = { mbs_next: mbs, ldd_next: ldd };
  for (const key of ["tdd_prev", "pde_prev", "noael_prev", "ld50_prev", "ppm_limit"] as const) {
    if (text(key)) body[key] = text(key);
  }
  const safety = Number(text("safety_factor"));
  if (text("safety_factor") && Number.isFinite(safety)) body.safety_factor = safety;
  const factors: NonNullable<MacoBody["pde_factors"]> = {};
  for (const k of ["f1", "f2", "f3", "f4", "f5"] as const) {
    const n = Number(text(`pde_${k}`));
    if (text(`pde_${k}`) && Number.isFinite(n)) factors[k] = n;
  }
  if (Object.keys(factors).length) body.pde_factors = factors;
  const equipment = Array.isArray(state.equipment) ? (state.equipment as Row[]) : [];
  const areas = equipment.map((r) => (r.surface_area ?? "").trim()).filter(Boolean);
  const total = text("total_area") || (areas.length ? sumQuantities(areas) : null);
  if (total) {
    body.sampling = { total_area: total };
    for (const key of ["swab_area", "rinse_volume", "rinsed_area", "visual_limit"] as const) {
      if (text(key)) body.sampling[key] = text(key);
    }
  }
  return body;
}

// --- Markdown ---------------------------------------------------------------

export type MdBlock =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "table"; header: string[]; rows: string[][] }
  | { kind: "code"; text: string };

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
}

/** Split the generated Markdown into blocks; anything unrecognised stays a paragraph of plain text. */
export function parseMarkdown(md: string): MdBlock[] {
  const lines = md.replace(/\r\n?/g, "\n").split("\n");
  const at = (k: number): string => lines[k] ?? "";
  const blocks: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = at(i);
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    if (heading) {
      blocks.push({ kind: "heading", level: (heading[1] ?? "").length, text: (heading[2] ?? "").trim() });
      i++;
    } else if (line.startsWith("```")) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !at(i).startsWith("```")) body.push(at(i++));
      i++;
      blocks.push({ kind: "code", text: body.join("\n") });
    } else if (line.trim().startsWith("|") && i + 1 < lines.length && /^\s*\|?\s*:?-{2,}/.test(at(i + 1))) {
      const header = cells(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && at(i).trim().startsWith("|")) rows.push(cells(at(i++)));
      blocks.push({ kind: "table", header, rows });
    } else if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length && /^\s*([-*]|\d+\.)\s+/.test(at(i))) {
        items.push(at(i).replace(/^\s*([-*]|\d+\.)\s+/, ""));
        i++;
      }
      blocks.push({ kind: "list", ordered, items });
    } else {
      const text: string[] = [];
      while (i < lines.length && at(i).trim() && !/^(#{1,6}\s|```|\s*\||\s*([-*]|\d+\.)\s+)/.test(at(i))) {
        text.push(at(i++).trim());
      }
      if (!text.length) text.push(at(i++).trim());
      blocks.push({ kind: "paragraph", text: text.join(" ") });
    }
  }
  return blocks;
}

export type InlinePart = { text: string; strong?: boolean; em?: boolean };

/** **bold** and *italic* runs of a line; everything else is literal text (no HTML is ever interpreted). */
export function parseInline(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  const re = /\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push(m[1] !== undefined ? { text: m[1], strong: true } : { text: m[2] ?? "", em: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
