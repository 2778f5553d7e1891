import { CircleAlertIcon, CircleCheckIcon, InfoIcon, OctagonXIcon, TriangleAlertIcon } from "lucide-react";

import type { Severity } from "@/lib/api/types";
import { severityLabel } from "@/lib/medicines";
import { cn } from "@/lib/utils";

type Style = { icon: React.ComponentType<{ className?: string }>; badge: string; panel: string; accent: string };

// Severity is always colour + icon + word. Colours are paired light/dark for AA contrast.
export const SEVERITY_STYLES: Record<Severity, Style> = {
  contraindicated: {
    icon: OctagonXIcon,
    badge: "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200",
    panel: "border-red-300 bg-red-50/60 dark:border-red-900 dark:bg-red-950/40",
    accent: "border-l-red-600 dark:border-l-red-400",
  },
  major: {
    icon: TriangleAlertIcon,
    badge: "border-orange-300 bg-orange-50 text-orange-900 dark:border-orange-800 dark:bg-orange-950 dark:text-orange-200",
    panel: "border-orange-300 bg-orange-50/60 dark:border-orange-900 dark:bg-orange-950/40",
    accent: "border-l-orange-500 dark:border-l-orange-400",
  },
  moderate: {
    icon: CircleAlertIcon,
    badge: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200",
    panel: "border-amber-300 bg-amber-50/60 dark:border-amber-900 dark:bg-amber-950/40",
    accent: "border-l-amber-500 dark:border-l-amber-400",
  },
  minor: {
    icon: InfoIcon,
    badge: "border-blue-300 bg-blue-50 text-blue-800 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-200",
    panel: "border-blue-300 bg-blue-50/60 dark:border-blue-900 dark:bg-blue-950/40",
    accent: "border-l-blue-500 dark:border-l-blue-400",
  },
  none: {
    icon: CircleCheckIcon,
    badge: "border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
    panel: "border-emerald-300 bg-emerald-50/60 dark:border-emerald-900 dark:bg-emerald-950/40",
    accent: "border-l-emerald-500 dark:border-l-emerald-400",
  },
};

/** Severity as colour + icon + word, so it never relies on colour alone. */
export function SeverityBadge({ severity, className }: { severity: Severity; className?: string }) {
  const { icon: Icon, badge } = SEVERITY_STYLES[severity];
  return (
    <span
      data-testid="severity"
      data-severity={severity}
      className={cn(
        "inline-flex w-fit shrink-0 items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap",
        badge,
        className,
      )}
    >
      <Icon className="size-3.5" aria-hidden="true" />
      {severityLabel(severity)}
    </span>
  );
}
