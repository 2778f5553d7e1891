"use client";

import { Progress } from "@/components/ui/progress";
import type { Job } from "@/lib/api/types";
import { cn } from "@/lib/utils";

import { JobStatusBadge } from "./JobStatusBadge";

const BAR_COLOURS: Partial<Record<Job["status"], string>> = {
  succeeded: "bg-emerald-600 dark:bg-emerald-500",
  failed: "bg-red-600 dark:bg-red-500",
  cancelled: "bg-slate-400 dark:bg-slate-500",
  cancelling: "bg-amber-500",
};

/**
 * A job's progress bar, percentage, status and latest message. Reusable by
 * any feature that starts a job (ingestion, exports): pair it with useJob(id).
 */
export function JobProgress({
  job,
  showStatus = true,
  showMessage = true,
  className,
}: {
  job: Pick<Job, "id" | "status" | "progress" | "message" | "type">;
  showStatus?: boolean;
  showMessage?: boolean;
  className?: string;
}) {
  return (
    <div className={cn("flex min-w-0 flex-col gap-1.5", className)}>
      <div className="flex items-center gap-3">
        {/* Fixed slot so bars line up in a list whatever the status word's length. */}
        {showStatus && (
          <span className="w-[7.5rem] shrink-0">
            <JobStatusBadge status={job.status} />
          </span>
        )}
        <Progress
          value={job.progress}
          aria-label={`Progress of job ${job.id.slice(0, 8)}`}
          indicatorClassName={BAR_COLOURS[job.status]}
          className="min-w-16 flex-1"
        />
        <span className="w-10 text-right text-xs tabular-nums text-muted-foreground" data-testid="job-progress">
          {job.progress}%
        </span>
      </div>
      {showMessage && job.message && (
        <p className="truncate text-xs text-muted-foreground" title={job.message}>
          {job.message}
        </p>
      )}
    </div>
  );
}
