"use client";

import { LockIcon } from "lucide-react";
import Link from "next/link";

import { LoadingState } from "@/components/states";
import type { Role, User } from "@/lib/api/types";
import { useRequireAuth } from "@/lib/auth/hooks";
import { roleLabel } from "@/lib/auth/roles";

/** What a signed-in user sees on a page their role may not open. */
export function NotAllowed({ user, roles }: { user: User; roles: readonly Role[] }) {
  return (
    <div className="space-y-4" data-testid="not-allowed">
      <div className="flex items-center gap-3">
        <LockIcon className="size-6 text-muted-foreground" aria-hidden="true" />
        <h1 className="text-2xl font-semibold tracking-tight">Not allowed</h1>
      </div>
      <p className="max-w-prose text-muted-foreground">
        This page is for {roles.map(roleLabel).join(" or ").toLowerCase()} accounts. You are signed in as{" "}
        <span className="font-medium text-foreground">{user.email}</span> ({roleLabel(user.role).toLowerCase()}). Ask
        an administrator if you need access.
      </p>
      <Link href="/" className="inline-block rounded text-primary underline underline-offset-4 outline-none focus-visible:ring-2 focus-visible:ring-ring">
        Go to the home page
      </Link>
    </div>
  );
}

/**
 * Render children only for a signed-in user with one of `roles` (any role when
 * omitted). Signed-out visitors are sent to the sign-in page and come back after.
 */
export function AuthGuard({ roles, children }: { roles?: readonly Role[]; children: React.ReactNode }) {
  const auth = useRequireAuth(roles);
  if (auth.status === "loading") return <LoadingState label="Checking your session…" />;
  if (auth.status === "forbidden") return <NotAllowed user={auth.user} roles={auth.roles} />;
  return <>{children}</>;
}
