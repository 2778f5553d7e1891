import Link from "next/link";

import { HealthCard } from "@/components/home/HealthCard";
import { NAV } from "@/components/shell/nav";
import { Badge } from "@/components/ui/badge";

export default function HomePage() {
  return (
    <div className="space-y-8">
      <section aria-labelledby="intro-title" className="space-y-3">
        <h1 id="intro-title" className="text-3xl font-semibold tracking-tight">
          LUMEN
        </h1>
        <p className="max-w-prose text-muted-foreground">
          LUMEN is a grounded medical and pharmaceutical AI assistant. Patients get answers and symptom guidance that
          cite their sources; pharma teams get help drafting quality documents and answering compliance questions;
          admins see the background jobs, users and audit trail behind it all.
        </p>
      </section>

      <HealthCard />

      {NAV.map((section) => (
        <section key={section.title} aria-labelledby={`home-${section.title}`} className="space-y-3">
          <h2 id={`home-${section.title}`} className="text-lg font-semibold">
            {section.title}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {section.items.map((item) => {
              const Icon = item.icon;
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className="flex h-full flex-col gap-1.5 rounded-xl border bg-card p-4 outline-none transition-colors hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring"
                  >
                    <span className="flex items-center gap-2 font-medium">
                      <Icon className="size-4 text-primary" aria-hidden="true" />
                      {item.label}
                      {!item.ready && (
                        <Badge tone="neutral" className="ml-auto">
                          Soon
                        </Badge>
                      )}
                    </span>
                    <span className="text-sm text-muted-foreground">{item.summary}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
