import { ConstructionIcon } from "lucide-react";

import { navItem } from "@/components/shell/nav";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";

/** An honest placeholder for a feature that is not built yet: what it will do, and that it is coming. */
export function ComingSoon({ href, children }: { href: string; children?: React.ReactNode }) {
  const item = navItem(href);
  const Icon = item.icon;
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <Icon className="size-6 text-primary" aria-hidden="true" />
        <h1 className="text-2xl font-semibold tracking-tight">{item.label}</h1>
        <Badge tone="warning">Coming soon</Badge>
      </div>
      <Card>
        <CardContent className="flex gap-4 pt-5">
          <ConstructionIcon className="mt-0.5 size-5 shrink-0 text-muted-foreground" aria-hidden="true" />
          <div className="space-y-2 text-sm">
            <p className="font-medium">{item.summary}</p>
            {children && <p className="text-muted-foreground">{children}</p>}
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
