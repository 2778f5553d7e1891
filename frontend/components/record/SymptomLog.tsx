"use client";

import { PlusIcon, Trash2Icon } from "lucide-react";
import { useState } from "react";

import { EmptyState, ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import type { ApiError } from "@/lib/api/errors";
import { createSymptom, deleteSymptom, type Symptom } from "@/lib/api/record";
import { formatDateTime } from "@/lib/format";
import {
  type FieldErrors,
  MAX_NOTES,
  MAX_SHORT,
  SYMPTOM_RANGES,
  type SymptomDraft,
  groupBySymptom,
  localDateTime,
  localInputToIso,
  sortNewestFirst,
  submitFailure,
  validateSymptom,
  withinDays,
} from "@/lib/record";

import { SelectField, TextAreaField } from "./fields";
import { SymptomChart } from "./SymptomChart";

const FIELDS = ["symptom", "severity", "occurred_at", "notes"];
const SEVERITY_WORDS: Record<number, string> = { 0: "none", 5: "moderate", 10: "worst imaginable" };

function emptyDraft(symptom = ""): SymptomDraft {
  return { symptom, severity: "5", occurred_at: localDateTime(new Date()), notes: "" };
}

/** Log symptoms (what, how bad, when) and see each symptom's severity over time. */
export function SymptomLog({ items, onChange }: { items: Symptom[]; onChange: (items: Symptom[]) => void }) {
  const [draft, setDraft] = useState<SymptomDraft>(() => emptyDraft());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [range, setRange] = useState("all");
  const days = range === "all" ? null : Number(range);
  const shown = withinDays(items, days);
  const entries = sortNewestFirst(shown);
  const series = groupBySymptom(shown);
  // Suggest every symptom ever logged, not only those in the chosen range.
  const known = groupBySymptom(items).map((s) => s.label);

  const set = (patch: Partial<SymptomDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setFailure(null);
    const found = validateSymptom(draft);
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      const created = await createSymptom({
        symptom: draft.symptom.trim(),
        severity: Number(draft.severity),
        occurred_at: localInputToIso(draft.occurred_at) ?? "",
        notes: draft.notes.trim() || null,
      });
      onChange([created, ...items]);
      // Keep the symptom name: people usually log the same one again.
      setDraft(emptyDraft(draft.symptom));
      setAnnouncement(`Logged ${created.symptom}, severity ${created.severity}.`);
    } catch (err) {
      const f = submitFailure(err, FIELDS);
      setErrors(f.fields);
      setFailure(f.error);
    } finally {
      setSaving(false);
    }
  }

  async function remove(id: string) {
    setFailure(null);
    try {
      await deleteSymptom(id);
      onChange(items.filter((s) => s.id !== id));
      setAnnouncement("Entry removed.");
    } catch (err) {
      setFailure(submitFailure(err, []).error);
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <Card className="self-start">
        <CardHeader>
          <CardTitle>Log a symptom</CardTitle>
          <CardDescription>Severity from 0 (none) to 10 (worst imaginable).</CardDescription>
        </CardHeader>
        <CardContent>
          <form noValidate onSubmit={submit} aria-label="Log a symptom" className="grid gap-3" data-testid="symptom-form">
            <TextField
              id="symptom-name"
              label="Symptom"
              list="symptom-known"
              autoComplete="off"
              maxLength={MAX_SHORT}
              placeholder="e.g. headache"
              value={draft.symptom}
              error={errors.symptom}
              onChange={(e) => set({ symptom: e.target.value })}
            />
            <datalist id="symptom-known">
              {known.map((k) => (
                <option key={k} value={k} />
              ))}
            </datalist>
            <SelectField
              id="symptom-severity"
              label="Severity"
              value={draft.severity}
              error={errors.severity}
              onChange={(e) => set({ severity: e.target.value })}
            >
              {Array.from({ length: 11 }, (_, n) => (
                <option key={n} value={String(n)}>
                  {n}
                  {SEVERITY_WORDS[n] ? ` – ${SEVERITY_WORDS[n]}` : ""}
                </option>
              ))}
            </SelectField>
            <TextField
              id="symptom-when"
              label="When"
              type="datetime-local"
              max={localDateTime(new Date())}
              value={draft.occurred_at}
              error={errors.occurred_at}
              onChange={(e) => set({ occurred_at: e.target.value })}
            />
            <TextAreaField
              id="symptom-notes"
              label="Notes (optional)"
              maxLength={MAX_NOTES}
              value={draft.notes}
              error={errors.notes}
              onChange={(e) => set({ notes: e.target.value })}
            />
            {failure && <ErrorState error={failure} title="The entry was not saved" />}
            <Button type="submit" disabled={saving} className="justify-self-start" data-testid="symptom-add">
              <PlusIcon aria-hidden="true" />
              {saving ? "Logging…" : "Log symptom"}
            </Button>
            <p className="sr-only" aria-live="polite">
              {announcement}
            </p>
          </form>
        </CardContent>
      </Card>

      <div className="min-w-0 space-y-6">
        {items.length > 0 && (
          <SelectField
            id="symptom-range"
            label="Show"
            value={range}
            onChange={(e) => setRange(e.target.value)}
            className="justify-items-start"
          >
            {SYMPTOM_RANGES.map((r) => (
              <option key={r.label} value={r.days === null ? "all" : String(r.days)}>
                {r.label}
              </option>
            ))}
          </SelectField>
        )}
        {items.length === 0 ? (
          <EmptyState title="No symptoms logged yet">Entries you log appear here, with a chart per symptom.</EmptyState>
        ) : entries.length === 0 ? (
          <EmptyState title="Nothing in this period">Choose a longer period to see older entries.</EmptyState>
        ) : (
          <>
            <section aria-labelledby="symptom-charts-heading" className="space-y-3">
              <h2 id="symptom-charts-heading" className="text-base font-semibold">
                Over time
              </h2>
              <div className="grid gap-3 xl:grid-cols-2">
                {series.map((s) => (
                  <SymptomChart key={s.key} series={s} />
                ))}
              </div>
            </section>
            <section aria-labelledby="symptom-list-heading" className="space-y-3">
              <h2 id="symptom-list-heading" className="text-base font-semibold">
                All entries, newest first
              </h2>
              <ul className="grid gap-2" data-testid="symptom-list" aria-labelledby="symptom-list-heading">
                {entries.map((s) => (
                  <li key={s.id} data-testid="symptom-row" className="flex items-start gap-3 rounded-lg border px-4 py-3">
                    <span
                      className="grid size-9 shrink-0 place-items-center rounded-full bg-accent font-semibold tabular-nums text-accent-foreground"
                      aria-hidden="true"
                    >
                      {s.severity}
                    </span>
                    <div className="min-w-0 flex-1">
                      <p className="font-medium">
                        {s.symptom} <span className="sr-only">, severity {s.severity} of 10</span>
                      </p>
                      <p className="text-sm text-muted-foreground">{formatDateTime(s.occurred_at)}</p>
                      {s.notes && <p className="mt-1 text-sm">{s.notes}</p>}
                    </div>
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={`Remove ${s.symptom} entry from ${formatDateTime(s.occurred_at)}`}
                      onClick={() => remove(s.id)}
                    >
                      <Trash2Icon aria-hidden="true" />
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      </div>
    </div>
  );
}
