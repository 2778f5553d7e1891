"use client";

import { PencilIcon, Trash2Icon } from "lucide-react";
import { useState } from "react";

import { ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import type { ApiError } from "@/lib/api/errors";
import { createMedication, deleteMedication, type Medication, updateMedication } from "@/lib/api/record";
import { localDate, submitFailure } from "@/lib/record";

import { MedicationForm, emptyMedication, medicationDraft } from "./MedicationForm";

function scheduleText(m: Medication): string {
  const n = m.schedule.times_per_day;
  const times = m.schedule.times_of_day?.length ? ` at ${m.schedule.times_of_day.join(", ")}` : "";
  return `${n === 1 ? "once" : n === 2 ? "twice" : `${n} times`} a day${times}`;
}

function MedicationRow({ med, onEdit, onDelete }: { med: Medication; onEdit: () => void; onDelete: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <li data-testid="medication-row" className="flex items-start gap-2 rounded-lg border px-4 py-3">
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          {med.name} <span className="font-normal text-muted-foreground">· {med.dose}</span>
        </p>
        <p className="text-sm text-muted-foreground">
          {scheduleText(med)}, since {med.start_date}
          {med.end_date ? `, stopped ${med.end_date}` : ""}
        </p>
        {med.notes && <p className="mt-1 text-sm">{med.notes}</p>}
      </div>
      <Button variant="ghost" size="icon" aria-label={`Edit ${med.name}`} onClick={onEdit}>
        <PencilIcon aria-hidden="true" />
      </Button>
      <Button
        variant="ghost"
        size="icon"
        disabled={busy}
        aria-label={`Remove ${med.name}`}
        onClick={() => {
          setBusy(true);
          onDelete().finally(() => setBusy(false));
        }}
      >
        <Trash2Icon aria-hidden="true" />
      </Button>
    </li>
  );
}

/** The patient's medicines: list, add, edit (in a dialog) and remove. */
export function MedicationsCard({ items, onChange }: { items: Medication[]; onChange: (items: Medication[]) => void }) {
  const [editing, setEditing] = useState<Medication | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  async function remove(id: string) {
    setFailure(null);
    try {
      await deleteMedication(id);
      onChange(items.filter((m) => m.id !== id));
    } catch (err) {
      setFailure(submitFailure(err, []).error);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Medicines</CardTitle>
        <CardDescription>What you take now or took recently, with the dose and how often.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">No medicines yet.</p>
        ) : (
          <ul aria-label="Your medicines" className="grid gap-2" data-testid="medication-list">
            {items.map((m) => (
              <MedicationRow key={m.id} med={m} onEdit={() => setEditing(m)} onDelete={() => remove(m.id)} />
            ))}
          </ul>
        )}
        {failure && <ErrorState error={failure} title="The medicine was not removed" />}
        <MedicationForm
          idPrefix="med"
          label="Add a medicine"
          submitLabel="Add medicine"
          initial={emptyMedication(localDate(new Date()))}
          className="grid gap-3 rounded-lg border border-dashed p-4"
          onSubmit={async (body, draft) => {
            onChange([...items, await createMedication(body)]);
            return emptyMedication(draft.start_date);
          }}
        />
      </CardContent>
      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        {editing && (
          <DialogContent className="max-h-[90vh] overflow-y-auto" data-testid="medication-edit-dialog">
            <DialogTitle>Edit {editing.name}</DialogTitle>
            <DialogDescription>Change the dose or schedule, or set the date you stopped.</DialogDescription>
            <MedicationForm
              idPrefix="med-edit"
              label={`Edit ${editing.name}`}
              submitLabel="Save changes"
              initial={medicationDraft(editing)}
              className="grid gap-3"
              onSubmit={async (body) => {
                const updated = await updateMedication(editing.id, body);
                onChange(items.map((m) => (m.id === updated.id ? updated : m)));
                setEditing(null);
              }}
            />
          </DialogContent>
        )}
      </Dialog>
    </Card>
  );
}
