// Admin API calls (/api/v1/admin/...): users and the audit log. Admin role only.
import { api } from "./client";
import { unwrap } from "./errors";
import type { AdminUser, AdminUserPage, AdminUserUpdate, AuditPage, AuditVerify, PasswordResetIssued, Role } from "./types";

export type UserListQuery = { q?: string | null; role?: Role | null; limit?: number; offset?: number };

export function listUsers({ q, role, limit = 25, offset = 0 }: UserListQuery = {}): Promise<AdminUserPage> {
  return unwrap(
    api.GET("/api/v1/admin/users", {
      params: { query: { q: q || undefined, role: role ?? undefined, limit, offset } },
    }),
  );
}

export function updateUser(id: string, body: AdminUserUpdate): Promise<AdminUser> {
  return unwrap(api.PATCH("/api/v1/admin/users/{user_id}", { params: { path: { user_id: id } }, body }));
}

/** A one-time password-reset token for the user; shown to the admin once, to pass on out of band. */
export function issuePasswordReset(id: string): Promise<PasswordResetIssued> {
  return unwrap(api.POST("/api/v1/admin/users/{user_id}/password-reset", { params: { path: { user_id: id } } }));
}

export type AuditQuery = { action?: string | null; flagged?: boolean; limit?: number; offset?: number };

export function listAudit({ action, flagged, limit = 50, offset = 0 }: AuditQuery = {}): Promise<AuditPage> {
  return unwrap(
    api.GET("/api/v1/admin/audit", {
      params: { query: { action: action || undefined, flagged: flagged ? true : undefined, limit, offset } },
    }),
  );
}

/** Recompute the audit hash chain on the server: ok, or the first row that does not match. */
export function verifyAudit(): Promise<AuditVerify> {
  return unwrap(api.GET("/api/v1/admin/audit/verify"));
}
