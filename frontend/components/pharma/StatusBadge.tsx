import { Badge } from "@/components/ui/badge";
import type { VersionStatus } from "@/lib/api/pharma";
import { STATUS_LABEL, STATUS_TONE } from "@/lib/pharma";

export function StatusBadge({ status }: { status: VersionStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]} data-testid="status-badge" data-status={status}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}
