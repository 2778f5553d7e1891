import type { Role } from "@/lib/api/types";

/** Every role, least to most privileged, for filters and pickers. */
export const ROLES: readonly Role[] = ["patient", "clinician", "pharma", "researcher", "admin"];

const ROLE_LABELS: Record<Role, string> = {
  patient: "Patient",
  clinician: "Clinician",
  pharma: "Pharma",
  researcher: "Researcher",
  admin: "Admin",
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}

/** No list means any signed-in role. */
export function hasRole(role: Role, allowed?: readonly Role[] | null): boolean {
  return !allowed || allowed.length === 0 || allowed.includes(role);
}

/** Parse a ?role= value, ignoring anything that is not a real role. */
export function parseRole(value: string | null | undefined): Role | null {
  return value && (ROLES as readonly string[]).includes(value) ? (value as Role) : null;
}
