"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId } from "react";

import { useUser } from "@/lib/auth/hooks";
import { cn } from "@/lib/utils";

import { NAV, isActivePath, visibleItems } from "./nav";

/** The section/item list, shared by the desktop sidebar and the mobile sheet. */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  // The sidebar and the mobile sheet can both be in the DOM: keep heading ids unique.
  const idPrefix = useId();
  const role = useUser()?.role ?? null;
  return (
    <div className="flex flex-col gap-5">
      {NAV.map((section) => {
        const items = visibleItems(section.items, role);
        if (items.length === 0) return null;
        const headingId = `${idPrefix}-${section.title.toLowerCase()}`;
        return (
          // A labelled group, not a <section>: sections become landmarks and would clash with the page's own.
          <div key={section.title} role="group" aria-labelledby={headingId}>
            <h2 id={headingId} className="mb-1.5 px-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
              {section.title}
            </h2>
            <ul className="flex flex-col gap-0.5">
              {items.map((item) => {
                const active = isActivePath(pathname, item.href);
                const Icon = item.icon;
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      onClick={onNavigate}
                      aria-current={active ? "page" : undefined}
                      className={cn(
                        "flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring",
                        active
                          ? "bg-accent font-medium text-accent-foreground"
                          : "text-foreground/80 hover:bg-muted hover:text-foreground",
                      )}
                    >
                      <Icon className="size-4 shrink-0" aria-hidden="true" />
                      <span className="flex-1">{item.label}</span>
                      {!item.ready && (
                        <span className="text-[10px] font-medium tracking-wide text-muted-foreground uppercase">
                          Soon<span className="sr-only"> (coming soon)</span>
                        </span>
                      )}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
