"use client";

import { KeyRoundIcon, SearchIcon } from "lucide-react";
import { useCallback, useState } from "react";

import { AuthGuard } from "@/components/auth/AuthGuard";
import { CopyButton } from "@/components/CopyButton";
import { PageHeader } from "@/components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogClose } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { issuePasswordReset, listUsers, updateUser } from "@/lib/api/admin";
import { ApiError, toApiError } from "@/lib/api/errors";
import type { AdminUser, AdminUserUpdate, PasswordResetIssued, Role } from "@/lib/api/types";
import { useUser } from "@/lib/auth/hooks";
import { ROLES, roleLabel } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import { usePolling } from "@/lib/hooks/usePolling";
import { useDebounced } from "@/lib/hooks/useDebounced";

import { Pagination } from "./Pagination";

const PAGE_SIZE = 25;

type Issued = PasswordResetIssued & { email: string };

function ResetTokenDialog({ issued, onClose }: { issued: Issued | null; onClose: () => void }) {
  const link = issued && typeof window !== "undefined" ? `${window.location.origin}/reset-password/?token=${encodeURIComponent(issued.token)}` : "";
  return (
    <Dialog open={issued !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel="Close reset token">
        <DialogTitle>Password reset for {issued?.email}</DialogTitle>
        <DialogDescription>
          Give this link to the user through a trusted channel. It works once and expires {issued ? formatDateTime(issued.expires_at) : ""}.
          It is shown only now.
        </DialogDescription>
        {issued && (
          <div className="space-y-3 text-sm">
            <div className="space-y-1">
              <p className="font-medium" id="reset-token-label">Token</p>
              <div className="flex flex-wrap items-center gap-2">
                <code aria-labelledby="reset-token-label" data-testid="reset-token" className="rounded bg-muted px-2 py-1 font-mono text-xs break-all">
                  {issued.token}
                </code>
                <CopyButton value={issued.token} label="Copy token" />
              </div>
            </div>
            <div className="space-y-1">
              <p className="font-medium" id="reset-link-label">Reset link</p>
              <div className="flex flex-wrap items-center gap-2">
                <code aria-labelledby="reset-link-label" className="rounded bg-muted px-2 py-1 font-mono text-xs break-all">
                  {link}
                </code>
                <CopyButton value={link} label="Copy link" />
              </div>
            </div>
          </div>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button>Done</Button>
          </DialogClose>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function stripNulls(body: AdminUserUpdate): Partial<AdminUser> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null && v !== undefined));
}

function UserRow({
  user,
  now,
  isSelf,
  onChanged,
  onError,
  onIssued,
}: {
  user: AdminUser;
  /** When the page was fetched: "locked" is judged against it. */
  now: number;
  isSelf: boolean;
  onChanged: (user: AdminUser, what: string) => void;
  onError: (e: ApiError) => void;
  onIssued: (issued: Issued) => void;
}) {
  const [busy, setBusy] = useState(false);
  // Show a change at once; the pending edit applies only to the row data it was made on,
  // so the refreshed row from the server replaces it without an effect.
  const [pending, setPending] = useState<{ base: AdminUser; body: AdminUserUpdate } | null>(null);
  const shown: AdminUser = pending && pending.base === user ? { ...user, ...stripNulls(pending.body) } : user;
  const name = user.display_name || user.email;
  const locked = user.locked_until !== null && new Date(user.locked_until).getTime() > now;

  async function patch(body: AdminUserUpdate, what: string) {
    setBusy(true);
    setPending({ base: user, body });
    try {
      onChanged(await updateUser(user.id, body), what);
    } catch (e) {
      setPending(null);
      onError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  async function issue() {
    setBusy(true);
    try {
      onIssued({ ...(await issuePasswordReset(user.id)), email: user.email });
    } catch (e) {
      onError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const roleId = `role-${user.id}`;
  const activeId = `active-${user.id}`;
  return (
    <tr className="border-t align-top" data-user-id={user.id} data-testid="user-row">
      <td className="px-3 py-2.5">
        <div className="font-medium break-all">{user.email}</div>
        <div className="text-xs text-muted-foreground">
          {user.display_name || "No display name"}
          {isSelf && " · you"}
        </div>
      </td>
      <td className="px-3 py-2.5">
        <label htmlFor={roleId} className="sr-only">
          Role for {name}
        </label>
        <NativeSelect
          id={roleId}
          value={shown.role}
          disabled={busy || isSelf}
          title={isSelf ? "You cannot change your own role" : undefined}
          onChange={(e) => void patch({ role: e.target.value as Role }, `role set to ${roleLabel(e.target.value as Role)}`)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </NativeSelect>
      </td>
      <td className="px-3 py-2.5">
        <div className="flex items-center gap-2">
          <Switch
            id={activeId}
            checked={shown.is_active}
            disabled={busy || isSelf}
            aria-label={`Active: ${name}`}
            onCheckedChange={(checked) => void patch({ is_active: checked }, checked ? "activated" : "deactivated")}
          />
          <span className="text-xs text-muted-foreground" aria-hidden="true">
            {shown.is_active ? "Active" : "Inactive"}
          </span>
        </div>
      </td>
      <td className="px-3 py-2.5">
        <div className="flex flex-wrap gap-1">
          {user.mfa_enabled ? <Badge tone="success">MFA on</Badge> : <Badge tone="neutral">MFA off</Badge>}
          {locked && <Badge tone="danger" title={`Locked until ${formatDateTime(user.locked_until)}`}>Locked</Badge>}
          {user.failed_logins > 0 && <Badge tone="warning">{user.failed_logins} failed</Badge>}
        </div>
      </td>
      <td className="px-3 py-2.5 whitespace-nowrap text-muted-foreground">{formatDateTime(user.created_at, { compact: true })}</td>
      <td className="px-3 py-2.5 text-right">
        <Button variant="outline" size="sm" disabled={busy} onClick={() => void issue()} aria-label={`Issue reset token for ${name}`}>
          <KeyRoundIcon aria-hidden="true" /> Issue reset token
        </Button>
      </td>
    </tr>
  );
}

function UsersTable() {
  const me = useUser();
  const [q, setQ] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [offset, setOffset] = useState(0);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [issued, setIssued] = useState<Issued | null>(null);
  const query = useDebounced(q.trim(), 300);

  const fetcher = useCallback(
    async () => ({ page: await listUsers({ q: query, role: role || null, limit: PAGE_SIZE, offset }), at: Date.now() }),
    [query, role, offset],
  );
  const result = usePolling(fetcher, { key: JSON.stringify([query, role, offset]), interval: () => null });
  const users = { ...result, data: result.data?.page };
  const items = users.data?.items ?? [];

  return (
    <div>
      <PageHeader title="Users" description="Search accounts, change roles, deactivate accounts and issue password resets." />
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <div className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Filter users">
        <div className="grid gap-1.5">
          <label htmlFor="user-search" className="text-sm font-medium">
            Search
          </label>
          <div className="relative">
            <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
            <Input
              id="user-search"
              type="search"
              placeholder="Email or name"
              className="w-64 pl-8"
              value={q}
              onChange={(e) => {
                setQ(e.target.value);
                setOffset(0);
              }}
            />
          </div>
        </div>
        <div className="grid gap-1.5">
          <label htmlFor="role-filter" className="text-sm font-medium">
            Role
          </label>
          <NativeSelect
            id="role-filter"
            value={role}
            onChange={(e) => {
              setRole(e.target.value as Role | "");
              setOffset(0);
            }}
          >
            <option value="">All roles</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </NativeSelect>
        </div>
        {users.data && (
          <span className="pb-2 text-sm text-muted-foreground" data-testid="users-summary">
            {users.data.total} user{users.data.total === 1 ? "" : "s"}
          </span>
        )}
      </div>

      {actionError && <ErrorState error={actionError} title="That did not work" className="mb-4" onDismiss={() => setActionError(null)} />}
      {users.loading && <LoadingState label="Loading users…" />}
      {!users.loading && users.error && <ErrorState error={users.error} title="Could not load users" onRetry={users.refresh} className="mb-4" />}
      {users.data && items.length === 0 && (
        <EmptyState title="No users match">{query || role ? "Try another search or role." : "No accounts yet."}</EmptyState>
      )}
      {items.length > 0 && (
        <div className="relative overflow-x-auto rounded-lg border">
          <table className="w-full min-w-[820px] text-sm">
            <caption className="sr-only">Users</caption>
            <thead className="bg-muted/60 text-left text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">User</th>
                <th scope="col" className="px-3 py-2 font-medium">Role</th>
                <th scope="col" className="px-3 py-2 font-medium">Active</th>
                <th scope="col" className="px-3 py-2 font-medium">Security</th>
                <th scope="col" className="px-3 py-2 font-medium">Created</th>
                <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((u) => (
                <UserRow
                  key={u.id}
                  user={u}
                  now={result.data?.at ?? 0}
                  isSelf={u.id === me?.id}
                  onError={setActionError}
                  onIssued={setIssued}
                  onChanged={(updated, what) => {
                    setActionError(null);
                    setAnnouncement(`${updated.email}: ${what}.`);
                    users.refresh();
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {users.data && (
        <Pagination label="Users pages" total={users.data.total} limit={users.data.limit} offset={users.data.offset} onOffset={setOffset} />
      )}
      <ResetTokenDialog issued={issued} onClose={() => setIssued(null)} />
    </div>
  );
}

/** /users: admins manage accounts. */
export function UsersAdmin() {
  return (
    <AuthGuard roles={["admin"]}>
      <UsersTable />
    </AuthGuard>
  );
}
