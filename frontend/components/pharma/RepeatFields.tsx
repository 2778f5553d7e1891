"use client";

import { PlusIcon, Trash2Icon } from "lucide-react";

import { Button } from "@/components/ui/button";
import type { DocumentField } from "@/lib/api/pharma";
import { emptyRow, fieldColumns, fieldHelp, fieldId, fieldOptions, fieldUnit, type Row } from "@/lib/pharma";

import { FieldControl } from "./FieldControl";

type Errors = Record<string, string>;

function Legend({ field }: { field: DocumentField }) {
  return (
    <legend className="text-sm font-medium">
      {field.label}
      {field.required && (
        <>
          <span className="text-red-700 dark:text-red-300" aria-hidden="true">
            {" "}
            *
          </span>
          <span className="sr-only"> (required)</span>
        </>
      )}
    </legend>
  );
}

function GroupError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-xs font-medium text-red-700 dark:text-red-300" data-testid="field-error">
      {message}
    </p>
  );
}

/** A list input: one text box per item, add and remove. */
export function ListField({ field, value, onChange, errors }: { field: DocumentField; value: string[]; onChange: (v: string[]) => void; errors: Errors }) {
  const help = fieldHelp(field);
  return (
    <fieldset className="grid gap-2 rounded-lg border p-3" data-testid={`field-${field.name}`}>
      <Legend field={field} />
      {help && <p className="text-xs text-muted-foreground">{help}</p>}
      <GroupError id={`${fieldId(field.name)}-error`} message={errors[field.name]} />
      {value.map((item, i) => (
        <div key={i} className="flex items-end gap-2">
          <FieldControl
            className="flex-1"
            id={fieldId(`${field.name}[${i}]`)}
            label={`${field.label}: item ${i + 1}`}
            type="text"
            value={item}
            error={errors[`${field.name}[${i}]`]}
            onChange={(v) => onChange(value.map((old, k) => (k === i ? v : old)))}
          />
          <Button type="button" variant="ghost" size="icon" aria-label={`Remove item ${i + 1} of ${field.label}`} onClick={() => onChange(value.filter((_, k) => k !== i))}>
            <Trash2Icon aria-hidden="true" />
          </Button>
        </div>
      ))}
      <Button type="button" variant="outline" size="sm" className="w-fit" onClick={() => onChange([...value, ""])}>
        <PlusIcon aria-hidden="true" /> Add item to {field.label}
      </Button>
    </fieldset>
  );
}

/** A table input: each row is a small group of column inputs (wide tables stay usable on narrow screens). */
export function TableField({ field, value, onChange, errors }: { field: DocumentField; value: Row[]; onChange: (v: Row[]) => void; errors: Errors }) {
  const columns = fieldColumns(field);
  const help = fieldHelp(field);
  const setCell = (i: number, name: string, v: string) => onChange(value.map((row, k) => (k === i ? { ...row, [name]: v } : row)));
  return (
    <fieldset className="grid gap-3 rounded-lg border p-3" data-testid={`field-${field.name}`}>
      <Legend field={field} />
      {help && <p className="text-xs text-muted-foreground">{help}</p>}
      <GroupError id={`${fieldId(field.name)}-error`} message={errors[field.name]} />
      {value.map((row, i) => (
        <fieldset key={i} className="grid gap-2 rounded-md bg-muted/40 p-3" data-testid={`row-${field.name}`}>
          <legend className="sr-only">
            {field.label}: row {i + 1}
          </legend>
          <div className="flex items-center justify-between">
            <span className="text-xs font-medium text-muted-foreground" aria-hidden="true">
              Row {i + 1}
            </span>
            <Button type="button" variant="ghost" size="sm" aria-label={`Remove row ${i + 1} of ${field.label}`} onClick={() => onChange(value.filter((_, k) => k !== i))}>
              <Trash2Icon aria-hidden="true" /> Remove
            </Button>
          </div>
          <GroupError id={`${fieldId(`${field.name}[${i}]`)}-error`} message={errors[`${field.name}[${i}]`]} />
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {columns.map((c) => (
              <FieldControl
                key={c.name}
                id={fieldId(`${field.name}[${i}].${c.name}`)}
                label={c.label}
                type={c.type}
                unit={fieldUnit(c)}
                options={fieldOptions(c)}
                dimension={(c as { dimension?: string }).dimension}
                required={c.required}
                value={row[c.name] ?? ""}
                error={errors[`${field.name}[${i}].${c.name}`]}
                onChange={(v) => setCell(i, c.name, v)}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <Button type="button" variant="outline" size="sm" className="w-fit" onClick={() => onChange([...value, emptyRow(columns)])}>
        <PlusIcon aria-hidden="true" /> Add row to {field.label}
      </Button>
    </fieldset>
  );
}
