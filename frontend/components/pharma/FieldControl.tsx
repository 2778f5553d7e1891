"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { cn } from "@/lib/utils";

const QUANTITY_HINT: Record<string, string> = {
  mass: "A mass with its unit, e.g. 200 kg or 50 mg.",
  "mass fraction": "With its unit, e.g. 10 mg/kg.",
  area: "An area with its unit, e.g. 25000 cm2.",
  volume: "A volume with its unit, e.g. 10 L.",
  "surface density": "With its unit, e.g. 4 ug/cm2.",
};

export type ControlProps = {
  id: string;
  label: string;
  type: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  unit?: string;
  options?: string[];
  dimension?: string;
  help?: string;
  error?: string;
  className?: string;
  maxLength?: number;
};

/** One scalar input of a document form (text, textarea, number, quantity, date, enum) with its label, hint and error. */
export function FieldControl({ id, label, type, value, onChange, required, unit, options, dimension, help, error, className, maxLength }: ControlProps) {
  const quantityHint = type === "quantity" ? (dimension && QUANTITY_HINT[dimension]) || "A value with its unit, e.g. 5 mg." : undefined;
  const hint = [help, quantityHint].filter(Boolean).join(" ");
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const common = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
    "aria-required": required || undefined,
  };
  let control: React.ReactNode;
  if (type === "textarea") {
    control = (
      <textarea
        {...common}
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="min-h-16 w-full rounded-md border border-input bg-background px-3 py-2 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-red-600"
      />
    );
  } else if (type === "enum") {
    control = (
      <NativeSelect {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {(options ?? []).map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </NativeSelect>
    );
  } else {
    control = (
      <Input
        {...common}
        type={type === "date" ? "date" : "text"}
        inputMode={type === "number" ? "decimal" : undefined}
        autoComplete="off"
        maxLength={maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className={cn("grid content-start gap-1.5", className)}>
      <Label htmlFor={id}>
        {label}
        {unit && <span className="font-normal text-muted-foreground"> ({unit})</span>}
        {required && (
          <span className="text-red-700 dark:text-red-300" aria-hidden="true">
            {" "}
            *
          </span>
        )}
        {required && <span className="sr-only"> (required)</span>}
      </Label>
      {control}
      {hint && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs font-medium text-red-700 dark:text-red-300" data-testid="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
