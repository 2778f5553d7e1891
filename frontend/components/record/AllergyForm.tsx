"use client";

import { useState } from "react";

import { ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ApiError } from "@/lib/api/errors";
import type { Allergy, AllergyCreate, AllergySeverity } from "@/lib/api/record";
import {
  ALLERGY_SEVERITIES,
  type AllergyDraft,
  type FieldErrors,
  MAX_MEDIUM,
  MAX_SHORT,
  submitFailure,
  validateAllergy,
} from "@/lib/record";

import { SelectField } from "./fields";

const FIELDS = ["substance", "reaction", "severity"];
export const EMPTY_ALLERGY: AllergyDraft = { substance: "", reaction: "", severity: "unknown" };

export function allergyDraft(a: Allergy): AllergyDraft {
  return { substance: a.substance, reaction: a.reaction ?? "", severity: a.severity ?? "unknown" };
}

/** The fields of one allergy, for adding (empty) or editing (filled). */
export function AllergyForm({
  idPrefix,
  initial,
  label,
  submitLabel,
  onSubmit,
  className,
}: {
  idPrefix: string;
  initial: AllergyDraft;
  label: string;
  submitLabel: string;
  /** Save the body; resolve to the draft to show next (e.g. emptied for another), or throw. */
  onSubmit: (body: AllergyCreate) => Promise<AllergyDraft | void>;
  className?: string;
}) {
  const [draft, setDraft] = useState<AllergyDraft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const id = (field: string) => `${idPrefix}-${field}`;

  const set = (patch: Partial<AllergyDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setFailure(null);
    const found = validateAllergy(draft);
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      const next = await onSubmit({
        substance: draft.substance.trim(),
        // null clears the reaction on an edit (PATCH).
        reaction: draft.reaction.trim() || null,
        severity: draft.severity as AllergySeverity,
      });
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
          id={id("substance")}
          label="Allergic to"
          maxLength={MAX_SHORT}
          placeholder="e.g. penicillin"
          value={draft.substance}
          error={errors.substance}
          onChange={(e) => set({ substance: e.target.value })}
        />
        <SelectField
          id={id("severity")}
          label="Severity"
          value={draft.severity}
          error={errors.severity}
          onChange={(e) => set({ severity: e.target.value })}
        >
          {ALLERGY_SEVERITIES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        id={id("reaction")}
        label="Reaction (optional)"
        maxLength={MAX_MEDIUM}
        placeholder="e.g. hives, swelling of the lips"
        value={draft.reaction}
        error={errors.reaction}
        onChange={(e) => set({ reaction: e.target.value })}
      />
      {failure && <ErrorState error={failure} title="The allergy was not saved" />}
      <Button type="submit" disabled={saving} className="justify-self-start" data-testid={`${idPrefix}-submit`}>
        {saving ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
