import { CheckIcon, CircleSlashIcon, ClockIcon, Loader2Icon, XIcon } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import type { JobStatus } from "@/lib/api/types";
import { statusLabel, statusTone } from "@/lib/jobs";

const ICONS: Record<JobStatus, React.ComponentType<{ className?: string }>> = {
  queued: ClockIcon,
  running: Loader2Icon,
  cancelling: Loader2Icon,
  succeeded: CheckIcon,
  failed: XIcon,
  cancelled: CircleSlashIcon,
};

/** Status as colour + icon + word, so it never relies on colour alone. */
export function JobStatusBadge({ status }: { status: JobStatus }) {
  const Icon = ICONS[status] ?? ClockIcon;
  const spinning = status === "running" || status === "cancelling";
  return (
    <Badge tone={statusTone(status)} data-testid="job-status" data-status={status}>
      <Icon className={spinning ? "animate-spin motion-reduce:animate-none" : undefined} aria-hidden="true" />
      {statusLabel(status)}
    </Badge>
  );
}
