"use client";

import { useEffect, useRef } from "react";

import { Alert } from "@/components/ui/alert";
import type { DocumentField } from "@/lib/api/pharma";
import { fieldId } from "@/lib/pharma";

/**
 * The server's list of problems above the form, each linking to its input, so
 * keyboard and screen-reader users can reach every error (and see ones that
 * belong to no single input).
 */
export function FormErrors({ message, errors, fields }: { message: string; errors: Record<string, string>; fields: DocumentField[] }) {
  const labels = new Map(fields.map((f) => [f.name, f.label]));
  const entries = Object.entries(errors);
  const ref = useRef<HTMLDivElement>(null);
  // Move focus to the summary when a submit fails, so the problems are where the user is.
  // Keyed on the text, not the objects: a re-render while typing must not steal focus.
  const signature = message + JSON.stringify(errors);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: "start" });
  }, [signature]);
  return (
    <Alert ref={ref} tabIndex={-1} tone="danger" role="alert" data-testid="form-errors" className="outline-none focus-visible:ring-2 focus-visible:ring-ring">
      <p className="font-medium">{message}</p>
      {entries.length > 0 && (
        <ul className="list-disc pl-5">
          {entries.map(([path, text]) => {
            const top = path.split(/[[.]/)[0] ?? path;
            return (
              <li key={path}>
                <a href={`#${fieldId(path)}`} className="underline underline-offset-2">
                  {labels.get(top) ?? path}
                  {path !== top ? ` (${path.slice(top.length)})` : ""}
                </a>
                : {text}
              </li>
            );
          })}
        </ul>
      )}
    </Alert>
  );
}
