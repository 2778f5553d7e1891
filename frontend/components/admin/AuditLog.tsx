"use client";

import { FlagIcon, ShieldCheckIcon, ShieldXIcon } from "lucide-react";
import { useCallback, useState } from "react";

import { AuthGuard } from "@/components/auth/AuthGuard";
import { PageHeader } from "@/components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "@/components/states";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { listAudit, verifyAudit } from "@/lib/api/admin";
import { ApiError, toApiError } from "@/lib/api/errors";
import type { AuditEvent, AuditVerify } from "@/lib/api/types";
import { formatDateTime, shortId } from "@/lib/format";
import { usePolling } from "@/lib/hooks/usePolling";

import { Pagination } from "./Pagination";

const PAGE_SIZE = 50;

const OUTCOME_TONES: Record<string, BadgeTone> = { ok: "success", denied: "warning", error: "danger" };

/**
 * The actions the backend records (the filter matches exactly). Keep in step
 * with the audit.record(...) calls in backend/.
 */
const ACTIONS: { value: string; label: string }[] = [
  { value: "auth.login", label: "Sign-in" },
  { value: "auth.login_failed", label: "Failed sign-in" },
  { value: "auth.lockout", label: "Account locked" },
  { value: "auth.logout", label: "Sign-out" },
  { value: "auth.refresh", label: "Session refreshed" },
  { value: "auth.register", label: "Account created" },
  { value: "auth.password_changed", label: "Password changed" },
  { value: "auth.password_reset", label: "Password reset used" },
  { value: "auth.reset_issued", label: "Password reset issued" },
  { value: "auth.mfa_enabled", label: "MFA turned on" },
  { value: "auth.mfa_disabled", label: "MFA turned off" },
  { value: "auth.api_key_created", label: "API key created" },
  { value: "auth.api_key_revoked", label: "API key revoked" },
  { value: "admin.user_updated", label: "User changed by admin" },
  { value: "admin.created_by_cli", label: "Admin created (CLI)" },
  { value: "admin.break_glass", label: "Break-glass access" },
];

function Id({ value }: { value: string | null }) {
  if (!value) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="font-mono text-xs" title={value}>
      {shortId(value)}
    </span>
  );
}

function VerifyResult({ result }: { result: AuditVerify }) {
  if (result.ok) {
    return (
      <Alert tone="success" role="status" data-testid="audit-verify">
        <p className="font-medium">Chain OK</p>
        <p>
          {result.checked} event{result.checked === 1 ? "" : "s"} checked; every hash and link matches.
        </p>
        {result.last_hash && (
          // The head lets an operator compare with a copy kept outside the database (truncation shows up there).
          <p className="font-mono text-xs break-all">
            Head #{result.last_seq} · {result.last_hash}
          </p>
        )}
      </Alert>
    );
  }
  return (
    <Alert tone="danger" role="alert" data-testid="audit-verify">
      <p className="font-medium">Chain broken{result.first_bad_seq !== null ? ` at event #${result.first_bad_seq}` : ""}</p>
      <p>
        {result.message ?? "An event does not match its recorded hash."} {result.checked} event
        {result.checked === 1 ? "" : "s"} checked.
      </p>
    </Alert>
  );
}

function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border">
      <table className="w-full min-w-[960px] text-sm" data-testid="audit-table">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="bg-muted/60 text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">#</th>
            <th scope="col" className="px-3 py-2 font-medium">Time</th>
            <th scope="col" className="px-3 py-2 font-medium">Action</th>
            <th scope="col" className="px-3 py-2 font-medium">Outcome</th>
            <th scope="col" className="px-3 py-2 font-medium">Actor</th>
            <th scope="col" className="px-3 py-2 font-medium">Role</th>
            <th scope="col" className="px-3 py-2 font-medium">Subject</th>
            <th scope="col" className="px-3 py-2 font-medium">Target</th>
            <th scope="col" className="px-3 py-2 font-medium">IP</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-t align-top" data-testid="audit-row" data-action={e.action}>
              <td className="px-3 py-2 font-mono text-xs text-muted-foreground">{e.seq}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(e.at, { compact: true })}</td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap items-center gap-1.5">
                  <span className="font-mono text-xs">{e.action}</span>
                  {e.flagged && (
                    <Badge tone="danger" data-testid="audit-flagged">
                      <FlagIcon aria-hidden="true" /> Flagged
                    </Badge>
                  )}
                </div>
              </td>
              <td className="px-3 py-2">
                <Badge tone={OUTCOME_TONES[e.outcome] ?? "neutral"}>{e.outcome}</Badge>
              </td>
              <td className="px-3 py-2"><Id value={e.actor_id} /></td>
              <td className="px-3 py-2 text-xs">{e.actor_role ?? "—"}</td>
              <td className="px-3 py-2"><Id value={e.subject_user_id} /></td>
              <td className="px-3 py-2 text-xs">
                {e.target_type ? (
                  <>
                    <span>{e.target_type}</span>
                    {e.target_id && (
                      <span className="block font-mono text-muted-foreground" title={e.target_id}>
                        {e.target_id.length > 12 ? shortId(e.target_id) : e.target_id}
                      </span>
                    )}
                  </>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </td>
              <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{e.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditView() {
  const [action, setAction] = useState("");
  const [flagged, setFlagged] = useState(false);
  const [offset, setOffset] = useState(0);
  const [verify, setVerify] = useState<AuditVerify | null>(null);
  const [verifyError, setVerifyError] = useState<ApiError | null>(null);
  const [verifying, setVerifying] = useState(false);
  const actionQuery = action;

  const fetcher = useCallback(
    () => listAudit({ action: actionQuery, flagged, limit: PAGE_SIZE, offset }),
    [actionQuery, flagged, offset],
  );
  // Refresh every 15 s on the first page so new events show up; later pages stay put while being read.
  const events = usePolling(fetcher, {
    key: JSON.stringify([actionQuery, flagged, offset]),
    interval: () => (offset === 0 ? 15000 : null),
  });
  const items = events.data?.items ?? [];

  async function runVerify() {
    setVerifying(true);
    setVerifyError(null);
    setVerify(null);
    try {
      setVerify(await verifyAudit());
    } catch (e) {
      setVerifyError(toApiError(e));
    } finally {
      setVerifying(false);
    }
  }

  return (
    <div>
      <PageHeader
        title="Audit log"
        description="An append-only, hash-chained record of sign-ins, account changes and data access. It holds who, what, when and where, never health data."
        actions={
          <Button variant="outline" onClick={() => void runVerify()} disabled={verifying}>
            {verify && !verify.ok ? <ShieldXIcon aria-hidden="true" /> : <ShieldCheckIcon aria-hidden="true" />}
            {verifying ? "Verifying…" : "Verify chain"}
          </Button>
        }
      />
      {verify && <div className="mb-4"><VerifyResult result={verify} /></div>}
      {verifyError && <ErrorState error={verifyError} title="Could not verify the chain" className="mb-4" onDismiss={() => setVerifyError(null)} />}

      <div className="mb-4 flex flex-wrap items-end gap-4" role="search" aria-label="Filter audit events">
        <div className="grid gap-1.5">
          <label htmlFor="audit-action" className="text-sm font-medium">
            Action
          </label>
          <NativeSelect
            id="audit-action"
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
              setOffset(0);
            }}
          >
            <option value="">All actions</option>
            {ACTIONS.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label} ({a.value})
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex h-9 items-center gap-2">
          <input
            id="audit-flagged"
            type="checkbox"
            className="size-4 accent-primary"
            checked={flagged}
            onChange={(e) => {
              setFlagged(e.target.checked);
              setOffset(0);
            }}
          />
          <label htmlFor="audit-flagged" className="text-sm font-medium">
            Flagged only
          </label>
        </div>
        {events.data && (
          <span className="pb-2 text-sm text-muted-foreground" data-testid="audit-summary">
            {events.data.total} event{events.data.total === 1 ? "" : "s"}
          </span>
        )}
      </div>

      {events.loading && <LoadingState label="Loading audit events…" />}
      {!events.loading && events.error && (
        <ErrorState error={events.error} title="Could not load the audit log" onRetry={events.refresh} className="mb-4" />
      )}
      {events.data && items.length === 0 && (
        <EmptyState title="No events match">{actionQuery || flagged ? "Try another action or clear the filters." : "Nothing has been recorded yet."}</EmptyState>
      )}
      {items.length > 0 && <AuditTable events={items} />}
      {events.data && (
        <Pagination label="Audit log pages" total={events.data.total} limit={events.data.limit} offset={events.data.offset} onOffset={setOffset} />
      )}
    </div>
  );
}

/** /audit: admins read and verify the audit trail. */
export function AuditLog() {
  return (
    <AuthGuard roles={["admin"]}>
      <AuditView />
    </AuthGuard>
  );
}
