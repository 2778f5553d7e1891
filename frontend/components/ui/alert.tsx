import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { AlertTriangleIcon, CheckCircle2Icon, InfoIcon } from "lucide-react";

import { cn } from "@/lib/utils";

// Inline messages for forms and notices. Tones are paired light/dark for AA contrast.
const alertVariants = cva("flex items-start gap-2.5 rounded-lg border p-3 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0", {
  variants: {
    tone: {
      info: "border-blue-300 bg-blue-50 text-blue-950 dark:border-blue-800 dark:bg-blue-950/70 dark:text-blue-50",
      success: "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/70 dark:text-emerald-50",
      warning: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/70 dark:text-amber-50",
      danger: "border-red-300 bg-red-50 text-red-950 dark:border-red-900 dark:bg-red-950/60 dark:text-red-50",
    },
  },
  defaultVariants: { tone: "info" },
});

const ICONS = { info: InfoIcon, success: CheckCircle2Icon, warning: AlertTriangleIcon, danger: AlertTriangleIcon };

/** A message box; pass role="alert" for errors that should be announced at once, role="status" for notices. */
function Alert({ className, tone, children, ...props }: React.ComponentProps<"div"> & VariantProps<typeof alertVariants>) {
  const Icon = ICONS[tone ?? "info"];
  return (
    <div data-slot="alert" className={cn(alertVariants({ tone }), className)} {...props}>
      <Icon aria-hidden="true" />
      <div className="min-w-0 flex-1 space-y-1">{children}</div>
    </div>
  );
}

export { Alert };
