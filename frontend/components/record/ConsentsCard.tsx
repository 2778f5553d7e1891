"use client";

import { useState } from "react";

import { ErrorState } from "@/components/states";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import { type ApiError, toApiError } from "@/lib/api/errors";
import { type Consents, putConsents } from "@/lib/api/record";
import { formatDateTime } from "@/lib/format";

type Key = "personalise_answers" | "use_for_training";

const SWITCHES: { key: Key; at: "personalise_answers_at" | "use_for_training_at"; label: string; text: string }[] = [
  {
    key: "personalise_answers",
    at: "personalise_answers_at",
    label: "Personalise answers with my record",
    text: "LUMEN may read your conditions, allergies and medicines when answering you and when checking interactions.",
  },
  {
    key: "use_for_training",
    at: "use_for_training_at",
    label: "Use my de-identified conversations to improve LUMEN",
    text: "Conversations with names, dates and other identifying details removed may be used to train and evaluate LUMEN. Your record itself is never used.",
  },
];

/** Consent switches; each change is saved at once and time-stamped by the server. */
export function ConsentsCard({ consents, onChange }: { consents: Consents; onChange: (c: Consents) => void }) {
  const [busy, setBusy] = useState<Key | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  async function toggle(key: Key, value: boolean) {
    setBusy(key);
    setFailure(null);
    try {
      onChange(await putConsents({ [key]: value }));
    } catch (e) {
      setFailure(toApiError(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Consent</CardTitle>
        <CardDescription>Both are off until you turn them on. You can change your mind at any time.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {SWITCHES.map((s) => {
          const at = consents[s.at];
          return (
            <div key={s.key} className="flex items-start gap-3">
              <Switch
                id={`consent-${s.key}`}
                data-testid={`consent-${s.key}`}
                checked={Boolean(consents[s.key])}
                disabled={busy !== null}
                aria-describedby={`consent-${s.key}-text`}
                onCheckedChange={(v) => toggle(s.key, v)}
                className="mt-0.5"
              />
              <div className="min-w-0">
                <label htmlFor={`consent-${s.key}`} className="text-sm font-medium">
                  {s.label}
                </label>
                <p id={`consent-${s.key}-text`} className="text-sm text-muted-foreground">
                  {s.text}
                  {at && (
                    <span className="block text-xs" data-testid={`consent-${s.key}-at`}>
                      {consents[s.key] ? "Given" : "Withdrawn"} {formatDateTime(at)}.
                    </span>
                  )}
                </p>
              </div>
            </div>
          );
        })}
        {failure && <ErrorState error={failure} title="Your choice was not saved" />}
      </CardContent>
    </Card>
  );
}
