"use client";

import { AlertTriangleIcon, InboxIcon, Loader2Icon, RotateCwIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import type { ApiError } from "@/lib/api/errors";
import { cn } from "@/lib/utils";

// The three non-data states every data page shows. Loading is announced
// politely; errors are announced at once (role="alert").

export function LoadingState({ label = "Loading…", className }: { label?: string; className?: string }) {
  return (
    <div role="status" className={cn("flex items-center gap-2 py-8 text-sm text-muted-foreground", className)}>
      <Loader2Icon className="size-4 animate-spin motion-reduce:animate-none" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({
  title,
  children,
  className,
}: {
  title: string;
  children?: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col items-center gap-2 rounded-lg border border-dashed px-6 py-10 text-center", className)}>
      <InboxIcon className="size-8 text-muted-foreground" aria-hidden="true" />
      <p className="font-medium">{title}</p>
      {children && <div className="max-w-prose text-sm text-muted-foreground">{children}</div>}
    </div>
  );
}

export function ErrorState({
  error,
  title = "Something went wrong",
  onRetry,
  onDismiss,
  className,
}: {
  error: ApiError | Error;
  title?: string;
  onRetry?: () => void;
  onDismiss?: () => void;
  className?: string;
}) {
  const code = "code" in error ? error.code : null;
  return (
    <div
      role="alert"
      className={cn(
        "flex flex-col gap-3 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 sm:flex-row sm:items-start dark:border-red-900 dark:bg-red-950/60 dark:text-red-100",
        className,
      )}
    >
      <AlertTriangleIcon className="size-5 shrink-0" aria-hidden="true" />
      <div className="flex-1">
        <p className="font-medium">{title}</p>
        <p className="mt-0.5">
          {error.message}
          {code && <span className="ml-1 font-mono text-xs opacity-80">({code})</span>}
        </p>
      </div>
      {onRetry && (
        <Button variant="outline" size="sm" onClick={onRetry} className="self-start">
          <RotateCwIcon aria-hidden="true" /> Retry
        </Button>
      )}
      {onDismiss && (
        <Button variant="outline" size="sm" onClick={onDismiss} className="self-start">
          Dismiss
        </Button>
      )}
    </div>
  );
}
