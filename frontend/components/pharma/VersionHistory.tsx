import type { PharmaDocument } from "@/lib/api/pharma";
import { formatDateTime } from "@/lib/format";
import { cn } from "@/lib/utils";

import { StatusBadge } from "./StatusBadge";

/** Every version, newest first; choosing one shows it (older approved versions stay readable). */
export function VersionHistory({ doc, selected, onSelect }: { doc: PharmaDocument; selected: number; onSelect: (n: number) => void }) {
  const versions = [...doc.versions].sort((a, b) => b.number - a.number);
  return (
    <ol className="space-y-1" data-testid="version-list">
      {versions.map((v) => (
        <li key={v.number}>
          <button
            type="button"
            aria-current={v.number === selected ? "true" : undefined}
            onClick={() => onSelect(v.number)}
            className={cn(
              "flex w-full items-center justify-between gap-2 rounded-md border px-3 py-2 text-left text-sm outline-none hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring",
              v.number === selected && "border-primary bg-muted",
            )}
          >
            <span>
              <span className="font-medium">Version {v.number}</span>
              <span className="block text-xs text-muted-foreground">{formatDateTime(v.updated_at)}</span>
            </span>
            <StatusBadge status={v.status} />
          </button>
        </li>
      ))}
    </ol>
  );
}
