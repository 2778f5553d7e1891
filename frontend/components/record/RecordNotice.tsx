import { LockIcon } from "lucide-react";

/** Every record page says how the data is kept and who can see it. */
export function RecordNotice() {
  return (
    <div
      data-testid="record-notice"
      className="flex items-start gap-2.5 rounded-lg border border-blue-300 bg-blue-50 p-3 text-sm text-blue-950 dark:border-blue-800 dark:bg-blue-950/70 dark:text-blue-50"
    >
      <LockIcon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <p>
        Your record is stored encrypted with a key of its own. Only you can see it. An administrator can open it only
        through an audited emergency (&ldquo;break-glass&rdquo;) access, and every such access is logged. LUMEN gives
        general information, not medical advice.
      </p>
    </div>
  );
}
