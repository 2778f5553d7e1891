import {
  ActivityIcon,
  ArrowLeftRightIcon,
  BookOpenIcon,
  ClipboardListIcon,
  FileTextIcon,
  HistoryIcon,
  type LucideIcon,
  MessageSquareIcon,
  PillIcon,
  ShieldCheckIcon,
  StethoscopeIcon,
  UsersIcon,
} from "lucide-react";

import type { Role } from "@/lib/api/types";

export type NavItem = {
  href: string;
  label: string;
  icon: LucideIcon;
  /** One line shown on the page and the home screen. */
  summary: string;
  ready: boolean;
  /** Roles that may open the page once signed in; omitted means anyone (signed in or not, as the page decides). */
  roles?: readonly Role[];
};

export type NavSection = { title: string; items: NavItem[] };

// The single source of truth for the navigation, the home page cards and the
// e2e tests' list of pages. Flip `ready` when a feature ships.
export const NAV: NavSection[] = [
  {
    title: "Patient",
    items: [
      { href: "/chat", label: "Chat", icon: MessageSquareIcon, ready: false,
        summary: "Grounded medical Q&A with citations to the sources behind every answer." },
      { href: "/symptom-check", label: "Symptom check", icon: StethoscopeIcon, ready: false,
        summary: "Guided symptom triage that tells you how urgently to seek care." },
      { href: "/medicines", label: "Medicines", icon: PillIcon, ready: true,
        summary: "Look up medicines by generic or brand name: uses, side effects and who should not take them." },
      { href: "/interactions", label: "Interaction checker", icon: ArrowLeftRightIcon, ready: true,
        summary: "Check your medicines together, and against your allergies and conditions, for known interactions." },
      { href: "/record", label: "My record", icon: ClipboardListIcon, ready: true,
        summary: "Your encrypted health record: profile, medicines, allergies, a symptom log with charts, consent, export and erasure." },
    ],
  },
  {
    title: "Pharma",
    items: [
      { href: "/documents", label: "Documents", icon: FileTextIcon, ready: true, roles: ["pharma", "admin"],
        summary: "Generate SOPs, logbooks and validation protocols from templates, with live MACO limits, e-signed review and approval, version diffs and PDF/DOCX export." },
      { href: "/compliance", label: "Compliance Q&A", icon: ShieldCheckIcon, ready: false,
        summary: "Questions answered from GMP guidance and your own SOPs, with citations." },
    ],
  },
  {
    title: "Admin",
    items: [
      { href: "/jobs", label: "Jobs", icon: ActivityIcon, ready: true,
        summary: "Background work — ingestion, exports, self-checks — with live progress. Admins see everyone's." },
      { href: "/users", label: "Users", icon: UsersIcon, ready: true, roles: ["admin"],
        summary: "Accounts, roles and access for patients, clinicians, pharma staff, researchers and admins." },
      { href: "/audit", label: "Audit log", icon: HistoryIcon, ready: true, roles: ["admin"],
        summary: "Who did what and when, for every action that touches data." },
      { href: "/knowledge", label: "Knowledge base", icon: BookOpenIcon, ready: false,
        summary: "The documents LUMEN answers from: upload, index and inspect sources." },
    ],
  },
];

/** Hide pages a signed-in user's role cannot open; signed-out visitors see them all (they lead to sign-in). */
export function visibleItems(items: NavItem[], role: Role | null): NavItem[] {
  return role ? items.filter((i) => !i.roles || i.roles.includes(role)) : items;
}

export const ALL_NAV_ITEMS: NavItem[] = NAV.flatMap((s) => s.items);

/** Find a page's nav entry by path; throws at build time if a page names an unknown path. */
export function navItem(href: string): NavItem {
  const item = ALL_NAV_ITEMS.find((i) => i.href === href);
  if (!item) throw new Error(`No nav item for ${href}`);
  return item;
}

/** "/jobs/" and "/jobs" are the same page (static export uses trailing slashes). */
export function isActivePath(pathname: string | null, href: string): boolean {
  if (!pathname) return false;
  const clean = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return clean === href || clean.startsWith(`${href}/`);
}
