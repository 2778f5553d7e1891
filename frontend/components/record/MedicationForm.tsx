"use client";

import { useState } from "react";

import { useDrugSearch } from "@/components/medicines/useDrugSearch";
import { ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ApiError } from "@/lib/api/errors";
import type { Medication, MedicationCreate } from "@/lib/api/record";
import { displayName } from "@/lib/medicines";
import {
  type FieldErrors,
  MAX_NOTES,
  MAX_SHORT,
  type MedicationDraft,
  parseTimes,
  submitFailure,
  validateMedication,
} from "@/lib/record";

import { TextAreaField } from "./fields";

const FIELDS = ["name", "dose", "schedule.times_per_day", "schedule.times_of_day", "start_date", "end_date", "notes"];

export function emptyMedication(start_date: string): MedicationDraft {
  return { name: "", dose: "", times_per_day: "1", times_of_day: "", start_date, end_date: "", notes: "" };
}

export function medicationDraft(m: Medication): MedicationDraft {
  return {
    name: m.name,
    dose: m.dose,
    times_per_day: String(m.schedule.times_per_day),
    times_of_day: (m.schedule.times_of_day ?? []).join(", "),
    start_date: m.start_date,
    end_date: m.end_date ?? "",
    notes: m.notes ?? "",
  };
}

function toBody(d: MedicationDraft): MedicationCreate {
  return {
    name: d.name.trim(),
    dose: d.dose.trim(),
    schedule: { times_per_day: Number(d.times_per_day), times_of_day: parseTimes(d.times_of_day) },
    start_date: d.start_date,
    // null clears these on an edit (PATCH); on a create it is the same as leaving them out.
    end_date: d.end_date || null,
    notes: d.notes.trim() || null,
  };
}

/**
 * The fields of one medication, for adding (empty) or editing (filled). The name suggests
 * catalogue names through a native <datalist>: an accessible autocomplete without a custom
 * listbox, and the patient may still type a name the catalogue does not know.
 */
export function MedicationForm({
  idPrefix,
  initial,
  submitLabel,
  onSubmit,
  label,
  className,
}: {
  idPrefix: string;
  initial: MedicationDraft;
  submitLabel: string;
  /** Save the body; resolve to the draft to show next (e.g. emptied for another), or throw. */
  onSubmit: (body: MedicationCreate, draft: MedicationDraft) => Promise<MedicationDraft | void>;
  label: string;
  className?: string;
}) {
  const [draft, setDraft] = useState<MedicationDraft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const search = useDrugSearch(draft.name, { limit: 8 });
  const id = (field: string) => `${idPrefix}-${field}`;
  const listId = id("suggestions");

  const set = (patch: Partial<MedicationDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // "schedule.times_per_day" is cleared by a change to times_per_day.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !Object.keys(patch).some((p) => k.endsWith(p)))));
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setFailure(null);
    const found = validateMedication(draft);
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      const next = await onSubmit(toBody(draft), draft);
      if (next) setDraft(next);
    } catch (err) {
      const f = submitFailure(err, FIELDS);
      setErrors(f.fields);
      setFailure(f.error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-label={label} className={className}>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          id={id("name")}
          label="Medicine"
          list={listId}
          autoComplete="off"
          spellCheck={false}
          maxLength={MAX_SHORT}
          placeholder="e.g. warfarin"
          hint="Suggestions come from LUMEN's medicine catalogue."
          value={draft.name}
          error={errors.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <datalist id={listId}>
          {search.items.map((d) => (
            <option key={d.key} value={displayName(d.name)} />
          ))}
        </datalist>
        <TextField
          id={id("dose")}
          label="Dose"
          maxLength={MAX_SHORT}
          placeholder="e.g. 5 mg"
          value={draft.dose}
          error={errors.dose}
          onChange={(e) => set({ dose: e.target.value })}
        />
        <TextField
          id={id("times-per-day")}
          label="Times a day"
          type="number"
          inputMode="numeric"
          min={1}
          max={24}
          value={draft.times_per_day}
          error={errors["schedule.times_per_day"]}
          onChange={(e) => set({ times_per_day: e.target.value })}
        />
        <TextField
          id={id("times-of-day")}
          label="At (optional)"
          placeholder="e.g. 08:00, 20:00"
          hint="One time per dose, as HH:MM."
          value={draft.times_of_day}
          error={errors["schedule.times_of_day"]}
          onChange={(e) => set({ times_of_day: e.target.value })}
        />
        <TextField
          id={id("start")}
          label="Started on"
          type="date"
          value={draft.start_date}
          error={errors.start_date}
          onChange={(e) => set({ start_date: e.target.value })}
        />
        <TextField
          id={id("end")}
          label="Stopped on (optional)"
          type="date"
          value={draft.end_date}
          error={errors.end_date}
          onChange={(e) => set({ end_date: e.target.value })}
        />
      </div>
      <TextAreaField
        id={id("notes")}
        label="Notes (optional)"
        maxLength={MAX_NOTES}
        value={draft.notes}
        error={errors.notes}
        onChange={(e) => set({ notes: e.target.value })}
      />
      {failure && <ErrorState error={failure} title="The medicine was not saved" />}
      <Button type="submit" disabled={saving} className="justify-self-start" data-testid={`${idPrefix}-submit`}>
        {saving ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
