"use client";

import { useRouter } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";

import type { Role, User } from "@/lib/api/types";

import { signInHref } from "./redirect";
import { hasRole } from "./roles";
import { type AuthState, getAuthState, getServerAuthState, subscribe } from "./session";

/** The current session; "loading" until the stored session has been checked with the server. */
export function useAuth(): AuthState {
  return useSyncExternalStore(subscribe, getAuthState, getServerAuthState);
}

/** The signed-in user, or null (signed out or still loading). */
export function useUser(): User | null {
  const auth = useAuth();
  return auth.status === "signedIn" ? auth.user : null;
}

export type RequireAuth =
  | { status: "loading" }
  | { status: "forbidden"; user: User; roles: readonly Role[] }
  | { status: "ok"; user: User };

/**
 * For pages that need a signed-in user (of one of `roles`, when given): sends a
 * signed-out visitor to /sign-in?next=<this page>; a user with the wrong role
 * gets "forbidden" so the page can say so rather than show nothing.
 */
export function useRequireAuth(roles?: readonly Role[]): RequireAuth {
  const auth = useAuth();
  const router = useRouter();

  useEffect(() => {
    if (auth.status !== "signedOut") return;
    // Signing out on purpose goes to a plain sign-in page (the menu navigates there too);
    // otherwise come back here afterwards, and say why the session ended.
    const here = `${window.location.pathname}${window.location.search}`;
    router.replace(auth.reason === "user" ? "/sign-in/" : signInHref(here, auth.reason));
  }, [auth, router]);

  if (auth.status !== "signedIn") return { status: "loading" };
  if (!hasRole(auth.user.role, roles)) return { status: "forbidden", user: auth.user, roles: roles ?? [] };
  return { status: "ok", user: auth.user };
}
