"use client";

import { UndoIcon } from "lucide-react";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { rejectVersion, type Version } from "@/lib/api/pharma";
import { toApiError } from "@/lib/api/errors";

/** Send a version in review back to its author as a draft, with the reason (kept in the change note). */
export function RejectDialog({ documentId, version, onDone }: { documentId: string; version: Version; onDone: (v: Version) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function reject(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const v = await rejectVersion(documentId, version.number, reason.trim());
      setOpen(false);
      setReason("");
      onDone(v);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" data-testid="reject-open">
          <UndoIcon aria-hidden="true" /> Return for changes
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Return version {version.number} for changes</DialogTitle>
        <DialogDescription>The version goes back to draft so its author can change it and sign it again.</DialogDescription>
        <form onSubmit={reject} className="grid gap-4" noValidate>
          {error && (
            <Alert tone="danger" role="alert">
              {error}
            </Alert>
          )}
          <div className="grid gap-1.5">
            <Label htmlFor="reject-reason">Reason</Label>
            <textarea
              id="reject-reason"
              rows={3}
              maxLength={1000}
              required
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              className="w-full rounded-md border border-input bg-background px-3 py-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring"
            />
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={busy || !reason.trim()}>
              {busy ? "Returning…" : "Return for changes"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
