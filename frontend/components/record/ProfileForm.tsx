"use client";

import { SaveIcon } from "lucide-react";
import { useState } from "react";

import { ChipInput } from "@/components/medicines/chips";
import { ErrorState } from "@/components/states";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import type { ApiError } from "@/lib/api/errors";
import { type Profile, type ProfileUpdate, putProfile } from "@/lib/api/record";
import { formatDateTime } from "@/lib/format";
import {
  type FieldErrors,
  MAX_CONDITIONS,
  MAX_SHORT,
  type ProfileDraft,
  SEX_OPTIONS,
  localDate,
  submitFailure,
  validateProfile,
} from "@/lib/record";

import { SelectField } from "./fields";

const FIELDS = ["name", "date_of_birth", "sex", "conditions"];

function toDraft(p: Profile): ProfileDraft {
  return { name: p.name ?? "", date_of_birth: p.date_of_birth ?? "", sex: p.sex ?? "", conditions: p.conditions ?? [] };
}

function toBody(d: ProfileDraft): ProfileUpdate {
  // PUT replaces the profile: empty fields are sent as null so they are cleared.
  return {
    name: d.name.trim() || null,
    date_of_birth: d.date_of_birth || null,
    sex: (d.sex || null) as ProfileUpdate["sex"],
    conditions: d.conditions,
  };
}

/** Name, date of birth, sex and conditions; saved as a whole (PUT). */
export function ProfileForm({ profile, onSaved }: { profile: Profile; onSaved: (p: Profile) => void }) {
  const [draft, setDraft] = useState<ProfileDraft>(() => toDraft(profile));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  function change(patch: Partial<ProfileDraft>) {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
    // Clear the message of a field the user is fixing.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setFailure(null);
    const found = validateProfile(draft);
    setErrors(found);
    if (Object.keys(found).length) {
      document.getElementById(`profile-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const next = await putProfile(toBody(draft));
      onSaved(next);
      setDraft(toDraft(next));
      setSaved(true);
    } catch (err) {
      const f = submitFailure(err, FIELDS);
      setErrors(f.fields);
      setFailure(f.error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>About you</CardTitle>
      </CardHeader>
      <CardContent>
        <form noValidate onSubmit={submit} className="grid gap-4" data-testid="record-profile-form" aria-label="About you">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              id="profile-name"
              label="Name"
              autoComplete="name"
              maxLength={MAX_SHORT}
              value={draft.name}
              error={errors.name}
              onChange={(e) => change({ name: e.target.value })}
            />
            <TextField
              id="profile-date_of_birth"
              label="Date of birth"
              type="date"
              autoComplete="bday"
              min="1900-01-01"
              max={localDate(new Date())}
              value={draft.date_of_birth}
              error={errors.date_of_birth}
              onChange={(e) => change({ date_of_birth: e.target.value })}
            />
          </div>
          <SelectField
            id="profile-sex"
            label="Sex"
            hint="Some medicines and doses depend on it."
            value={draft.sex}
            error={errors.sex}
            onChange={(e) => change({ sex: e.target.value })}
          >
            <option value="">Not given</option>
            {SEX_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
          <div>
            <ChipInput
              id="profile-conditions"
              label="Conditions"
              hint="Long-term conditions, e.g. asthma, type 2 diabetes. Press Enter after each."
              placeholder="e.g. asthma"
              items={draft.conditions}
              max={MAX_CONDITIONS}
              noun="condition"
              onChange={(conditions) => change({ conditions })}
            />
            {errors.conditions && (
              <p className="mt-1 text-xs font-medium text-red-700 dark:text-red-300" role="alert">
                {errors.conditions}
              </p>
            )}
          </div>
          {failure && <ErrorState error={failure} title="Your profile was not saved" />}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={saving} data-testid="profile-save">
              <SaveIcon aria-hidden="true" />
              {saving ? "Saving…" : "Save profile"}
            </Button>
            <div aria-live="polite">
              {saved && (
                <Alert tone="success" className="py-1.5" data-testid="profile-saved">
                  <p>Saved{profile.updated_at ? ` ${formatDateTime(profile.updated_at)}` : ""}.</p>
                </Alert>
              )}
            </div>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
