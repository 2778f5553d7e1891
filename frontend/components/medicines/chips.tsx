"use client";

import { PlusIcon, XIcon } from "lucide-react";
import { useId, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MAX_NAME_LENGTH, addEntry } from "@/lib/medicines";
import { cn } from "@/lib/utils";

/** Removable chips. Each has its own "Remove X" button; focus moves on to a sensible place afterwards. */
export function ChipList({
  items,
  label,
  onRemove,
  testId,
  className,
}: {
  items: readonly string[];
  /** The list's accessible name, e.g. "Medicines to check". */
  label: string;
  onRemove: (item: string, index: number) => void;
  testId?: string;
  className?: string;
}) {
  if (items.length === 0) return null;
  return (
    <ul aria-label={label} className={cn("flex flex-wrap gap-1.5", className)} data-testid={testId}>
      {items.map((item, index) => (
        <li
          key={item}
          data-testid="chip"
          className="inline-flex items-center gap-1 rounded-full border border-primary/40 bg-accent py-0.5 pr-0.5 pl-3 text-sm text-accent-foreground"
        >
          <span>{item}</span>
          <button
            type="button"
            onClick={() => onRemove(item, index)}
            aria-label={`Remove ${item}`}
            className="grid size-6 place-items-center rounded-full outline-none hover:bg-background/70 focus-visible:ring-2 focus-visible:ring-ring"
          >
            <XIcon className="size-3.5" aria-hidden="true" />
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A labelled free-text input that turns each entry into a chip (Enter or the Add button). */
export function ChipInput({
  id,
  label,
  hint,
  placeholder,
  items,
  onChange,
  max,
  noun,
}: {
  id: string;
  label: string;
  hint?: string;
  placeholder?: string;
  items: string[];
  onChange: (items: string[]) => void;
  max: number;
  /** "allergy", "condition"… for messages. */
  noun: string;
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const errorId = useId();

  function add() {
    const result = addEntry(items, text, max, noun);
    setError(result.error);
    if (!result.error && result.items.length !== items.length) {
      onChange(result.items);
      setText("");
    }
  }

  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-2">
        <Input
          ref={inputRef}
          id={id}
          value={text}
          placeholder={placeholder}
          maxLength={MAX_NAME_LENGTH}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={[hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button type="button" variant="outline" onClick={add} aria-label={`Add ${noun}`}>
          <PlusIcon aria-hidden="true" />
          <span className="hidden sm:inline">Add</span>
        </Button>
      </div>
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
      <ChipList
        items={items}
        label={label}
        testId={`${id}-chips`}
        className="mt-1"
        onRemove={(item) => {
          onChange(items.filter((i) => i !== item));
          inputRef.current?.focus();
        }}
      />
    </div>
  );
}
