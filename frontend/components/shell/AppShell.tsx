"use client";

import { MenuIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";

import { AuthProvider } from "@/components/auth/AuthProvider";

import { NavLinks } from "./NavLinks";
import { ThemeToggle } from "./ThemeToggle";
import { UserMenu } from "./UserMenu";

function Logo() {
  return (
    <Link
      href="/"
      className="flex items-center gap-2 rounded-md font-semibold tracking-tight outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-primary text-sm font-bold text-primary-foreground">
        L
      </span>
      <span>LUMEN</span>
    </Link>
  );
}

/** Header (with the account menu), sidebar (a sheet on small screens), main landmark and the disclaimer footer. */
export function AppShell({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  // Remember the page the menu was opened on: any navigation (a link, back/forward)
  // changes the path and so closes it, with no effect needed.
  const [menuOpenedAt, setMenuOpenedAt] = useState<string | null>(null);
  const menuOpen = menuOpenedAt === pathname;
  const setMenuOpen = (open: boolean) => setMenuOpenedAt(open ? pathname : null);

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary px-3 py-2 text-primary-foreground focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-3 focus:py-2 focus:ring-2 focus:ring-ring focus:ring-offset-2 focus:ring-offset-background"
      >
        Skip to main content
      </a>

      <header className="sticky top-0 z-30 border-b bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/80">
        <div className="flex h-14 items-center gap-2 px-4">
          <Sheet open={menuOpen} onOpenChange={setMenuOpen}>
            <SheetTrigger asChild>
              <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open navigation menu">
                <MenuIcon aria-hidden="true" />
              </Button>
            </SheetTrigger>
            <SheetContent closeLabel="Close navigation menu">
              <SheetTitle className="pr-10">
                <Logo />
              </SheetTitle>
              <SheetDescription className="sr-only">Site navigation</SheetDescription>
              <nav aria-label="Main">
                <NavLinks onNavigate={() => setMenuOpen(false)} />
              </nav>
            </SheetContent>
          </Sheet>
          <Logo />
          <span className="hidden text-sm text-muted-foreground sm:inline">Grounded medical &amp; pharma AI</span>
          <div className="ml-auto flex items-center gap-1">
            <ThemeToggle />
            <UserMenu />
          </div>
        </div>
      </header>

      <div className="flex flex-1">
        <aside className="hidden w-60 shrink-0 border-r md:block">
          <nav aria-label="Main" className="sticky top-14 max-h-[calc(100dvh-3.5rem)] overflow-y-auto p-4">
            <NavLinks />
          </nav>
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8">
          <div className="mx-auto max-w-5xl">{children}</div>
        </main>
      </div>

      <AuthProvider />

      <footer className="border-t px-4 py-3 text-center text-xs text-muted-foreground">
        <p>
          LUMEN is not medical advice. Always consult a qualified healthcare professional; in an emergency call your
          local emergency number.
        </p>
      </footer>
    </div>
  );
}
