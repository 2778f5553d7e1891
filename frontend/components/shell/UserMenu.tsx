"use client";

import { ChevronDownIcon, LogInIcon, LogOutIcon, UserIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";

import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useAuth } from "@/lib/auth/hooks";
import { roleLabel } from "@/lib/auth/roles";
import { signOut } from "@/lib/auth/session";

/** The header's account control: the signed-in user's menu, or a Sign in link. */
export function UserMenu() {
  const auth = useAuth();
  const router = useRouter();

  // Keep the header steady while the stored session is checked.
  if (auth.status === "loading") return <span className="inline-block h-9 w-20" aria-hidden="true" />;

  if (auth.status === "signedOut") {
    return (
      <Button asChild variant="outline" size="sm">
        <Link href="/sign-in/">
          <LogInIcon aria-hidden="true" /> Sign in
        </Link>
      </Button>
    );
  }

  const { user } = auth;
  const name = user.display_name || user.email;
  return (
    // Not modal: a modal menu aria-hides the page while leaving it focusable (axe: aria-hidden-focus).
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" className="max-w-[14rem]" aria-label={`Account menu for ${name}`} data-testid="user-menu">
          <UserIcon aria-hidden="true" />
          <span className="truncate max-sm:sr-only">{name}</span>
          <ChevronDownIcon aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>
          <span className="block truncate font-medium">{name}</span>
          <span className="block truncate text-xs text-muted-foreground">
            {user.email !== name && `${user.email} · `}
            {roleLabel(user.role)}
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account/">
            <UserIcon aria-hidden="true" /> Account
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem
          onSelect={() => {
            void signOut("user");
            router.push("/sign-in/");
          }}
        >
          <LogOutIcon aria-hidden="true" /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
