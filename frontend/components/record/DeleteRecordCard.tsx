"use client";

import { Trash2Icon } from "lucide-react";
import { useState } from "react";

import { ErrorState } from "@/components/states";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogTitle,
  AlertDialogTrigger,
  DialogFooter,
} from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { type ApiError, toApiError } from "@/lib/api/errors";
import { eraseRecord } from "@/lib/api/record";

/** What the patient must type: a phrase, not just a click, because erasure cannot be undone. */
export const CONFIRM_PHRASE = "delete my record";

/** "Delete my record": explains what goes and what stays, then asks for the typed phrase. */
export function DeleteRecordCard({ onErased }: { onErased: () => void }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [erased, setErased] = useState<number | null>(null);
  const confirmed = typed.trim().toLowerCase() === CONFIRM_PHRASE;

  async function erase() {
    setBusy(true);
    setFailure(null);
    try {
      const result = await eraseRecord();
      setErased(Object.values(result.erased).reduce((a, b) => a + b, 0));
      setOpen(false);
      setTyped("");
      onErased();
    } catch (e) {
      setFailure(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="border-red-300 dark:border-red-900">
      <CardHeader>
        <CardTitle>Delete my record</CardTitle>
        <CardDescription>This cannot be undone.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <h3 className="font-medium">Erased</h3>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-muted-foreground">
              <li>Your profile, conditions, medicines, allergies and symptom log</li>
              <li>Your consent choices and any exports not yet deleted</li>
              <li>The key that encrypts your record, so even backups of it can no longer be read</li>
            </ul>
          </div>
          <div>
            <h3 className="font-medium">Kept</h3>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-muted-foreground">
              <li>
                Your account (email and password), so you can still sign in. To close the account too, use
                &ldquo;Delete my account&rdquo; below.
              </li>
              <li>
                The audit log&apos;s facts of who did what and when (e.g. &ldquo;record erased&rdquo;), which hold no
                health data and are required for safety and compliance
              </li>
            </ul>
          </div>
        </div>
        {erased !== null && (
          <Alert tone="success" role="status" data-testid="record-erased">
            <p>Your record was erased ({erased} item{erased === 1 ? "" : "s"} removed).</p>
          </Alert>
        )}
        <AlertDialog
          open={open}
          onOpenChange={(o) => {
            setOpen(o);
            if (!o) setTyped("");
          }}
        >
          <AlertDialogTrigger asChild>
            <Button type="button" variant="destructive" data-testid="record-delete">
              <Trash2Icon aria-hidden="true" />
              Delete my record…
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent data-testid="record-delete-dialog">
            <AlertDialogTitle>Delete your whole record?</AlertDialogTitle>
            <AlertDialogDescription>
              Your profile, medicines, allergies, symptoms, consents and exports will be erased for good. Export your
              data first if you want a copy.
            </AlertDialogDescription>
            <form
              className="grid gap-4"
              onSubmit={(e) => {
                e.preventDefault();
                if (confirmed && !busy) void erase();
              }}
            >
              <TextField
                id="record-delete-confirm"
                label={
                  <>
                    Type <span className="font-mono">{CONFIRM_PHRASE}</span> to confirm
                  </>
                }
                autoComplete="off"
                spellCheck={false}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
              />
              {failure && <ErrorState error={failure} title="Your record was not erased" />}
              <DialogFooter>
                <AlertDialogCancel asChild>
                  <Button type="button" variant="outline">
                    Cancel
                  </Button>
                </AlertDialogCancel>
                <Button type="submit" variant="destructive" disabled={!confirmed || busy} data-testid="record-delete-confirm">
                  {busy ? "Erasing…" : "Erase my record"}
                </Button>
              </DialogFooter>
            </form>
          </AlertDialogContent>
        </AlertDialog>
      </CardContent>
    </Card>
  );
}
