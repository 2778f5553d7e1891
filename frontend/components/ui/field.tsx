import * as React from "react";

import { cn } from "@/lib/utils";

import { Input } from "./input";
import { Label } from "./label";

/**
 * A labelled input with an optional hint and error, wired for screen readers:
 * the hint and the error are the input's description, and an error sets aria-invalid.
 */
function TextField({
  id,
  label,
  hint,
  error,
  className,
  ...props
}: React.ComponentProps<"input"> & { id: string; label: React.ReactNode; hint?: React.ReactNode; error?: string | null }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("grid gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...props} />
      {hint && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}

export { TextField };
