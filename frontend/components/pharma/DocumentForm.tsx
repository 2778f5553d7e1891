"use client";

import type { DocumentField } from "@/lib/api/pharma";
import { fieldHelp, fieldId, fieldOptions, fieldUnit, type FormState, type FormValue, type Row } from "@/lib/pharma";

import { FieldControl } from "./FieldControl";
import { ListField, TableField } from "./RepeatFields";

/** The inputs of one document type, generated from its field descriptions (GET /pharma/document-types). */
export function DocumentForm({
  fields,
  state,
  onChange,
  errors,
}: {
  fields: DocumentField[];
  state: FormState;
  onChange: (name: string, value: FormValue) => void;
  errors: Record<string, string>;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2" data-testid="document-form">
      {fields.map((f) => {
        if (f.type === "list") {
          return (
            <div key={f.name} className="sm:col-span-2">
              <ListField field={f} value={(state[f.name] as string[]) ?? [""]} onChange={(v) => onChange(f.name, v)} errors={errors} />
            </div>
          );
        }
        if (f.type === "table") {
          return (
            <div key={f.name} className="sm:col-span-2">
              <TableField field={f} value={(state[f.name] as Row[]) ?? []} onChange={(v) => onChange(f.name, v)} errors={errors} />
            </div>
          );
        }
        return (
          <FieldControl
            key={f.name}
            className={f.type === "textarea" ? "sm:col-span-2" : undefined}
            id={fieldId(f.name)}
            label={f.label}
            type={f.type}
            required={f.required}
            unit={fieldUnit(f)}
            options={fieldOptions(f)}
            dimension={(f as { dimension?: string }).dimension}
            help={fieldHelp(f)}
            value={(state[f.name] as string) ?? ""}
            error={errors[f.name]}
            onChange={(v) => onChange(f.name, v)}
          />
        );
      })}
    </div>
  );
}
