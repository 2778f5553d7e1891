import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";

import { Button } from "@/components/ui/button";

/** "1–50 of 230" with Previous/Next; offsets are the API's. */
export function Pagination({
  total,
  limit,
  offset,
  onOffset,
  label,
}: {
  total: number;
  limit: number;
  offset: number;
  onOffset: (offset: number) => void;
  label: string;
}) {
  if (total === 0) return null;
  const first = offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav aria-label={label} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-muted-foreground" data-testid="page-range">
        {first}–{last} of {total}
      </p>
      <div className="flex gap-2">
        <Button variant="outline" size="sm" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
          <ChevronLeftIcon aria-hidden="true" /> Previous
        </Button>
        <Button variant="outline" size="sm" disabled={last >= total} onClick={() => onOffset(offset + limit)}>
          Next <ChevronRightIcon aria-hidden="true" />
        </Button>
      </div>
    </nav>
  );
}
