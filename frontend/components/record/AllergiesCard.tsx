"use client";

import { PencilIcon, Trash2Icon } from "lucide-react";
import { useState } from "react";

import { ErrorState } from "@/components/states";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import type { ApiError } from "@/lib/api/errors";
import { type Allergy, type AllergySeverity, createAllergy, deleteAllergy, updateAllergy } from "@/lib/api/record";
import { allergySeverityLabel, submitFailure } from "@/lib/record";

import { AllergyForm, EMPTY_ALLERGY, allergyDraft } from "./AllergyForm";

const TONES: Record<AllergySeverity, BadgeTone> = {
  mild: "neutral",
  moderate: "warning",
  severe: "danger",
  life_threatening: "danger",
  unknown: "neutral",
};

/** Allergies and intolerances: list, add, edit (in a dialog) and remove. */
export function AllergiesCard({ items, onChange }: { items: Allergy[]; onChange: (items: Allergy[]) => void }) {
  const [editing, setEditing] = useState<Allergy | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  async function remove(id: string) {
    setFailure(null);
    try {
      await deleteAllergy(id);
      onChange(items.filter((a) => a.id !== id));
    } catch (err) {
      setFailure(submitFailure(err, []).error);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Allergies</CardTitle>
        <CardDescription>Medicines, foods or anything else you react to.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">No allergies yet.</p>
        ) : (
          <ul aria-label="Your allergies" className="grid gap-2" data-testid="allergy-list">
            {items.map((a) => (
              <li key={a.id} data-testid="allergy-row" className="flex items-start gap-2 rounded-lg border px-4 py-3">
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    {a.substance}
                    <Badge tone={TONES[a.severity ?? "unknown"]}>{allergySeverityLabel(a.severity ?? "unknown")}</Badge>
                  </p>
                  {a.reaction && <p className="text-sm text-muted-foreground">{a.reaction}</p>}
                </div>
                <Button variant="ghost" size="icon" aria-label={`Edit ${a.substance}`} onClick={() => setEditing(a)}>
                  <PencilIcon aria-hidden="true" />
                </Button>
                <Button variant="ghost" size="icon" aria-label={`Remove ${a.substance}`} onClick={() => remove(a.id)}>
                  <Trash2Icon aria-hidden="true" />
                </Button>
              </li>
            ))}
          </ul>
        )}
        {failure && <ErrorState error={failure} title="The allergy was not removed" />}
        <AllergyForm
          idPrefix="allergy"
          label="Add an allergy"
          submitLabel="Add allergy"
          initial={EMPTY_ALLERGY}
          className="grid gap-3 rounded-lg border border-dashed p-4"
          onSubmit={async (body) => {
            onChange([...items, await createAllergy(body)]);
            return EMPTY_ALLERGY;
          }}
        />
      </CardContent>
      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        {editing && (
          <DialogContent data-testid="allergy-edit-dialog">
            <DialogTitle>Edit {editing.substance}</DialogTitle>
            <DialogDescription>Change what happens or how severe it is.</DialogDescription>
            <AllergyForm
              idPrefix="allergy-edit"
              label={`Edit ${editing.substance}`}
              submitLabel="Save changes"
              initial={allergyDraft(editing)}
              className="grid gap-3"
              onSubmit={async (body) => {
                const updated = await updateAllergy(editing.id, body);
                onChange(items.map((a) => (a.id === updated.id ? updated : a)));
                setEditing(null);
              }}
            />
          </DialogContent>
        )}
      </Dialog>
    </Card>
  );
}
