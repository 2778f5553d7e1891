"use client";

import { SquareIcon } from "lucide-react";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { ApiError, toApiError } from "@/lib/api/errors";
import { cancelJob } from "@/lib/api/jobs";
import type { Job } from "@/lib/api/types";
import { canCancel } from "@/lib/jobs";

/**
 * Ask the worker to stop a job. Cancelling is cooperative: a running job goes
 * to "cancelling" until the worker notices, so we hand the new job back.
 */
export function CancelJobButton({
  job,
  onCancelled,
  onError,
  size = "sm",
}: {
  job: Pick<Job, "id" | "status" | "type">;
  onCancelled?: (job: Job) => void;
  onError?: (error: ApiError) => void;
  size?: "sm" | "default";
}) {
  const [busy, setBusy] = useState(false);
  if (!canCancel(job)) return null;

  async function cancel() {
    setBusy(true);
    try {
      onCancelled?.(await cancelJob(job.id));
    } catch (e) {
      onError?.(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button variant="outline" size={size} onClick={() => void cancel()} disabled={busy} aria-label={`Cancel job ${job.id.slice(0, 8)}`}>
      <SquareIcon aria-hidden="true" />
      {busy ? "Cancelling…" : "Cancel"}
    </Button>
  );
}
