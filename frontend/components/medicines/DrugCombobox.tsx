"use client";

import { PlusIcon } from "lucide-react";
import { forwardRef, useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MAX_NAME_LENGTH, displayName } from "@/lib/medicines";
import { cn } from "@/lib/utils";

import { useDrugSearch } from "./useDrugSearch";

type Props = {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string | null;
  disabled?: boolean;
  placeholder?: string;
  /** Called with the typed text (Enter / Add) or the picked suggestion's name. */
  onAdd: (name: string) => void;
};

/**
 * Drug name input with autocomplete (the WAI-ARIA combobox pattern): type to
 * get suggestions, ↑/↓ to move through them, Enter to add the highlighted one
 * (or what was typed when none is highlighted), Escape to close the list.
 */
export const DrugCombobox = forwardRef<HTMLInputElement, Props>(function DrugCombobox(
  { id, label, hint, error, disabled, placeholder, onAdd },
  ref,
) {
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const search = useDrugSearch(text, { limit: 8 });
  const listId = useId();
  const hintId = useId();
  const errorId = useId();
  const statusId = useId();

  const items = search.items;
  const expanded = open && search.active && items.length > 0;
  const activeItem = expanded && active >= 0 ? items[active] : undefined;
  const optionId = (i: number) => `${listId}-option-${i}`;

  function add(name: string) {
    const value = name.trim();
    if (!value) return;
    onAdd(value);
    setText("");
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        setOpen(true);
        if (items.length) setActive((a) => (a + 1) % items.length);
        break;
      case "ArrowUp":
        e.preventDefault();
        setOpen(true);
        if (items.length) setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
        break;
      case "Enter":
        e.preventDefault();
        add(activeItem ? displayName(activeItem.name) : text);
        break;
      case "Escape":
        if (expanded) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          e.preventDefault();
          setText("");
        }
        break;
    }
  }

  const status = !search.settled
    ? ""
    : items.length === 0
      ? "No suggestions."
      : `${items.length} suggestion${items.length === 1 ? "" : "s"}. Use the up and down arrows to choose one.`;

  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-sm font-medium leading-none">
        {label}
      </label>
      <div className="flex gap-2">
        <div className="relative min-w-0 flex-1">
          <Input
            ref={ref}
            id={id}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={activeItem ? optionId(active) : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={[hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined}
            autoComplete="off"
            spellCheck={false}
            maxLength={MAX_NAME_LENGTH}
            placeholder={placeholder}
            disabled={disabled}
            className="h-10"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => {
              setOpen(false);
              setActive(-1);
            }}
            onFocus={() => setOpen(true)}
          />
          <div
            id={listId}
            role="listbox"
            aria-label={`Suggestions for ${label.toLowerCase()}`}
            data-testid="drug-suggestions"
            hidden={!expanded}
            className="absolute inset-x-0 top-full z-20 mt-1 overflow-hidden rounded-md border bg-card p-1 text-card-foreground shadow-md"
          >
            {items.map((d, i) => {
              const matchedOther = d.matched && d.matched.toLowerCase() !== d.name.toLowerCase();
              return (
                // Keyboard use goes through the input (aria-activedescendant); the mouse picks here.
                // eslint-disable-next-line jsx-a11y/click-events-have-key-events
                <div
                  key={d.key}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  tabIndex={-1}
                  // Keep focus in the input so the list does not close before the click lands.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => add(displayName(d.name))}
                  className={cn(
                    "flex cursor-pointer flex-wrap items-baseline gap-x-2 rounded-sm px-2 py-1.5 text-sm",
                    i === active ? "bg-accent text-accent-foreground" : "hover:bg-muted",
                  )}
                >
                  <span className="font-medium">{displayName(d.name)}</span>
                  {matchedOther && <span className="text-xs text-muted-foreground">matches “{d.matched}”</span>}
                  {!d.curated && <span className="text-xs text-muted-foreground">(identity data only)</span>}
                </div>
              );
            })}
          </div>
        </div>
        <Button type="button" variant="outline" className="h-10" disabled={disabled} onClick={() => add(text)}>
          <PlusIcon aria-hidden="true" />
          Add
        </Button>
      </div>
      <p id={statusId} className="sr-only" aria-live="polite">
        {expanded || (search.settled && open) ? status : ""}
      </p>
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
});
