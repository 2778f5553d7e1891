import type { BadgeTone } from "@/components/ui/badge";
import type { Job, JobStatus } from "@/lib/api/types";

/** Every status, in the order a job moves through them (for filters and legends). */
export const JOB_STATUSES: readonly JobStatus[] = [
  "queued",
  "running",
  "cancelling",
  "succeeded",
  "failed",
  "cancelled",
];

const ACTIVE: ReadonlySet<JobStatus> = new Set<JobStatus>(["queued", "running", "cancelling"]);

/** True while the worker may still change the job, so the UI should keep polling. */
export function isActiveStatus(status: JobStatus): boolean {
  return ACTIVE.has(status);
}

/** A cancel request makes sense only before the worker has finished or been asked to stop. */
export function canCancel(job: Pick<Job, "status">): boolean {
  return job.status === "queued" || job.status === "running";
}

const STATUS_LABELS: Record<JobStatus, string> = {
  queued: "Queued",
  running: "Running",
  cancelling: "Cancelling",
  succeeded: "Succeeded",
  failed: "Failed",
  cancelled: "Cancelled",
};

const STATUS_TONES: Record<JobStatus, BadgeTone> = {
  queued: "neutral",
  running: "info",
  cancelling: "warning",
  succeeded: "success",
  failed: "danger",
  cancelled: "neutral",
};

export function statusLabel(status: JobStatus): string {
  return STATUS_LABELS[status] ?? status;
}

export function statusTone(status: JobStatus): BadgeTone {
  return STATUS_TONES[status] ?? "neutral";
}

/** Parse a ?status= value, ignoring anything that is not a real status. */
export function parseStatusFilter(value: string | null | undefined): JobStatus | null {
  return value && (JOB_STATUSES as readonly string[]).includes(value) ? (value as JobStatus) : null;
}
