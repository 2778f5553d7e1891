"use client";

import { KeyRoundIcon, PlusIcon, TriangleAlertIcon } from "lucide-react";
import { useCallback, useEffect, useState } from "react";

import { CopyButton } from "@/components/CopyButton";
import { EmptyState, ErrorState, LoadingState } from "@/components/states";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogTitle,
  AlertDialogTrigger,
  DialogFooter,
} from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { createApiKey, listApiKeys, listApiScopes, revokeApiKey } from "@/lib/api/auth";
import { ApiError, toApiError } from "@/lib/api/errors";
import type { ApiKey, ApiKeyCreated, ApiScope } from "@/lib/api/types";
import { formatDateTime } from "@/lib/format";

function RevokeButton({ apiKey, onRevoked, onError }: { apiKey: ApiKey; onRevoked: () => void; onError: (e: ApiError) => void }) {
  const [busy, setBusy] = useState(false);
  async function revoke() {
    setBusy(true);
    try {
      await revokeApiKey(apiKey.id);
      onRevoked();
    } catch (e) {
      onError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={busy} aria-label={`Revoke key ${apiKey.name}`}>
          Revoke
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>Revoke “{apiKey.name}”?</AlertDialogTitle>
        <AlertDialogDescription>
          Programs using the key starting <span className="font-mono">{apiKey.prefix}</span> will stop working at once.
          This cannot be undone.
        </AlertDialogDescription>
        <DialogFooter>
          <AlertDialogCancel asChild>
            <Button variant="outline">Keep key</Button>
          </AlertDialogCancel>
          <AlertDialogAction asChild>
            <Button variant="destructive" onClick={() => void revoke()}>
              Revoke key
            </Button>
          </AlertDialogAction>
        </DialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

/** The new key's secret, shown once, right after creation. */
function NewKey({ created, onDone }: { created: ApiKeyCreated; onDone: () => void }) {
  return (
    <Alert tone="warning" role="status" data-testid="new-api-key">
      <p className="font-medium">Copy your new key “{created.name}” now: it will not be shown again.</p>
      <p>Store it like a password. Anyone with it can act as you within its scopes.</p>
      <div className="flex flex-wrap items-center gap-2 pt-1">
        <code data-testid="new-api-key-value" className="rounded bg-background/80 px-2 py-1 font-mono text-xs break-all text-foreground">
          {created.key}
        </code>
        <CopyButton value={created.key} label="Copy key" />
        <Button variant="ghost" size="sm" onClick={onDone}>
          I have saved it
        </Button>
      </div>
    </Alert>
  );
}

function CreateKeyForm({ scopes, onCreated }: { scopes: ApiScope[]; onCreated: (key: ApiKeyCreated) => void }) {
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ name?: string; scopes?: string }>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const found: typeof errors = {};
    if (!name.trim()) found.name = "Give the key a name, e.g. where it is used.";
    if (chosen.length === 0) found.scopes = "Choose at least one scope.";
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setFormError(null);
    try {
      onCreated(await createApiKey({ name: name.trim(), scopes: chosen }));
      setName("");
      setChosen([]);
    } catch (err) {
      setFormError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4 rounded-lg border p-4">
      <h3 className="text-sm font-semibold">Create a key</h3>
      {formError && <ErrorState error={formError} title="Could not create the key" onDismiss={() => setFormError(null)} />}
      <TextField id="api-key-name" label="Name" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} className="max-w-sm" />
      <fieldset aria-describedby={errors.scopes ? "api-key-scopes-error" : undefined} className="space-y-2">
        <legend className="text-sm font-medium">Scopes</legend>
        {scopes.length === 0 && <p className="text-sm text-muted-foreground">No scopes are available to your role.</p>}
        {scopes.map((s) => {
          const id = `scope-${s.scope.replace(/[^a-z0-9]/gi, "-")}`;
          return (
            <div key={s.scope} className="flex items-start gap-2">
              <input
                id={id}
                type="checkbox"
                className="mt-0.5 size-4 accent-primary"
                checked={chosen.includes(s.scope)}
                onChange={(e) =>
                  setChosen((c) => (e.target.checked ? [...c, s.scope] : c.filter((x) => x !== s.scope)))
                }
              />
              <label htmlFor={id} className="text-sm">
                <span className="font-mono">{s.scope}</span>
                <span className="text-muted-foreground"> — {s.description}</span>
              </label>
            </div>
          );
        })}
        {errors.scopes && (
          <p id="api-key-scopes-error" className="text-xs font-medium text-red-700 dark:text-red-300">
            {errors.scopes}
          </p>
        )}
      </fieldset>
      <Button type="submit" disabled={busy}>
        <PlusIcon aria-hidden="true" />
        {busy ? "Creating…" : "Create key"}
      </Button>
    </form>
  );
}

/** API keys for scripts and integrations: list, create (secret shown once), revoke. */
export function ApiKeysCard() {
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const load = useCallback(async () => {
    try {
      const [k, s] = await Promise.all([listApiKeys(), listApiScopes()]);
      setKeys(k);
      setScopes(s);
      setLoadError(null);
    } catch (e) {
      setLoadError(toApiError(e));
    }
  }, []);

  useEffect(() => {
    // Fetch on mount; setState happens after the await, not synchronously in the effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  return (
    <Card>
      <CardHeader>
        <CardTitle>API keys</CardTitle>
        <CardDescription>
          For scripts and integrations: send <code className="font-mono text-xs">Authorization: Bearer &lt;key&gt;</code>.
          A key can do only what its scopes allow, and never manage your account.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="sr-only" aria-live="polite">
          {announcement}
        </p>
        {created && <NewKey created={created} onDone={() => setCreated(null)} />}
        {actionError && <ErrorState error={actionError} title="That did not work" onDismiss={() => setActionError(null)} />}
        {!keys && !loadError && <LoadingState label="Loading API keys…" className="py-2" />}
        {loadError && <ErrorState error={loadError} title="Could not load API keys" onRetry={() => void load()} />}
        {keys && keys.length === 0 && (
          <EmptyState title="No API keys yet" className="py-6">
            Create one below when a script needs to call LUMEN.
          </EmptyState>
        )}
        {keys && keys.length > 0 && (
          // `relative`: the header's sr-only span is absolutely positioned; without a positioned
          // scroll box it escapes the clipping and widens the whole page on phones.
          <div className="relative overflow-x-auto rounded-lg border">
            <table className="w-full min-w-[640px] text-sm" data-testid="api-keys-table">
              <caption className="sr-only">Your API keys</caption>
              <thead className="bg-muted/60 text-left text-xs text-muted-foreground">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Name</th>
                  <th scope="col" className="px-3 py-2 font-medium">Scopes</th>
                  <th scope="col" className="px-3 py-2 font-medium">Created</th>
                  <th scope="col" className="px-3 py-2 font-medium">Last used</th>
                  <th scope="col" className="px-3 py-2 font-medium">Status</th>
                  <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.id} className="border-t align-top" data-key-id={k.id} data-testid="api-key-row">
                    <td className="px-3 py-2.5">
                      <div className="flex items-center gap-1.5 font-medium">
                        <KeyRoundIcon className="size-3.5 text-muted-foreground" aria-hidden="true" />
                        {k.name}
                      </div>
                      <div className="font-mono text-xs text-muted-foreground">{k.prefix}…</div>
                    </td>
                    <td className="px-3 py-2.5">
                      <div className="flex flex-wrap gap-1">
                        {k.scopes.map((s) => (
                          <Badge key={s} tone="info" className="font-mono">{s}</Badge>
                        ))}
                      </div>
                    </td>
                    <td className="px-3 py-2.5 whitespace-nowrap text-muted-foreground">{formatDateTime(k.created_at, { compact: true })}</td>
                    <td className="px-3 py-2.5 whitespace-nowrap text-muted-foreground">{k.last_used_at ? formatDateTime(k.last_used_at, { compact: true }) : "Never"}</td>
                    <td className="px-3 py-2.5">
                      {k.revoked_at ? (
                        <Badge tone="danger" title={`Revoked ${formatDateTime(k.revoked_at)}`}>
                          <TriangleAlertIcon aria-hidden="true" /> Revoked
                        </Badge>
                      ) : (
                        <Badge tone="success">Active</Badge>
                      )}
                    </td>
                    <td className="px-3 py-2.5 text-right">
                      {!k.revoked_at && (
                        <RevokeButton
                          apiKey={k}
                          onError={setActionError}
                          onRevoked={() => {
                            setAnnouncement(`Key ${k.name} revoked.`);
                            void load();
                          }}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {keys && (
          <CreateKeyForm
            scopes={scopes}
            onCreated={(key) => {
              setCreated(key);
              setAnnouncement(`Key ${key.name} created.`);
              void load();
            }}
          />
        )}
      </CardContent>
    </Card>
  );
}
