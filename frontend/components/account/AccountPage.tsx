"use client";

import { AuthGuard } from "@/components/auth/AuthGuard";
import { PageHeader } from "@/components/PageHeader";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { User } from "@/lib/api/types";
import { formatDateTime } from "@/lib/format";
import { useUser } from "@/lib/auth/hooks";
import { roleLabel } from "@/lib/auth/roles";

import { ApiKeysCard } from "./ApiKeysCard";
import { ChangePasswordCard } from "./ChangePasswordCard";
import { MfaCard } from "./MfaCard";

function Profile({ user }: { user: User }) {
  const facts: [string, React.ReactNode][] = [
    ["Email", user.email],
    ["Display name", user.display_name || "—"],
    ["Role", <Badge key="role" tone="info">{roleLabel(user.role)}</Badge>],
    ["Member since", formatDateTime(user.created_at)],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Profile</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-muted-foreground">{term}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

function AccountSections() {
  const user = useUser();
  if (!user) return null;
  return (
    <div>
      <PageHeader title="Account" description="Your profile, password, two-step sign-in and API keys." />
      {/* minmax(0, 1fr): wide tables scroll inside their card instead of widening the page on phones. */}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4">
        <Profile user={user} />
        <ChangePasswordCard user={user} />
        <MfaCard user={user} />
        <ApiKeysCard />
      </div>
    </div>
  );
}

/** /account: any signed-in user manages their own credentials here. */
export function AccountPage() {
  return (
    <AuthGuard>
      <AccountSections />
    </AuthGuard>
  );
}
