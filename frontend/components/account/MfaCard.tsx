"use client";

import { ShieldCheckIcon } from "lucide-react";
import { useState } from "react";

import { CopyButton } from "@/components/CopyButton";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { disableMfa, enableMfa, setupMfa } from "@/lib/api/auth";
import { toApiError } from "@/lib/api/errors";
import type { MfaSetup, User } from "@/lib/api/types";
import { reloadUser } from "@/lib/auth/session";

import { QrCode } from "./QrCode";

const CODE_RE = /^\d{6}$/;
const digits = (value: string) => value.replace(/\D/g, "").slice(0, 6);

/** "JBSW Y3DP EHPK 3PXP": easier to read and type than one long run of letters. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

function codeMessage(code: string, fallback: string): string {
  return code === "invalid_mfa_code" || code === "invalid_code"
    ? "That code is not right or has expired. Enter the current code from your app."
    : fallback;
}

/** Two-step sign-in (TOTP): set up with an authenticator app, confirm with a code, or turn off. */
export function MfaCard({ user }: { user: User }) {
  const [setup, setSetup] = useState<MfaSetup | null>(null);
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ code?: string; password?: string }>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  }

  const start = () =>
    run(async () => {
      try {
        setSetup(await setupMfa());
        setCode("");
      } catch (e) {
        setError(toApiError(e).message);
      }
    });

  const confirm = (e: React.FormEvent) => {
    e.preventDefault();
    if (!CODE_RE.test(code)) {
      setFieldError({ code: "Enter the 6-digit code your app shows." });
      return;
    }
    setFieldError({});
    void run(async () => {
      try {
        await enableMfa(code);
        setSetup(null);
        setCode("");
        await reloadUser();
        setNotice("Two-step sign-in is on. You will be asked for a code each time you sign in.");
      } catch (err) {
        const apiError = toApiError(err);
        setFieldError({ code: codeMessage(apiError.code, apiError.message) });
      }
    });
  };

  const turnOff = (e: React.FormEvent) => {
    e.preventDefault();
    const found: { code?: string; password?: string } = {};
    if (!password) found.password = "Enter your password.";
    if (!CODE_RE.test(code)) found.code = "Enter the 6-digit code your app shows.";
    setFieldError(found);
    if (Object.keys(found).length) return;
    void run(async () => {
      try {
        await disableMfa({ password, code });
        setPassword("");
        setCode("");
        await reloadUser();
        setNotice("Two-step sign-in is off.");
      } catch (err) {
        const apiError = toApiError(err);
        if (apiError.code === "invalid_credentials") setFieldError({ password: "That is not your password." });
        else setFieldError({ code: codeMessage(apiError.code, apiError.message) });
      }
    });
  };

  return (
    <Card>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle>Two-step sign-in</CardTitle>
          <Badge tone={user.mfa_enabled ? "success" : "neutral"} data-testid="mfa-status">
            {user.mfa_enabled ? "On" : "Off"}
          </Badge>
        </div>
        <CardDescription>
          A 6-digit code from an authenticator app (such as Google Authenticator, 1Password or Authy) in addition to your
          password.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {notice && (
          <Alert tone="success" role="status">
            <p>{notice}</p>
          </Alert>
        )}
        {error && (
          <Alert tone="danger" role="alert">
            <p>{error}</p>
          </Alert>
        )}

        {!user.mfa_enabled && !setup && (
          <Button onClick={() => void start()} disabled={busy}>
            <ShieldCheckIcon aria-hidden="true" />
            {busy ? "Starting…" : "Set up two-step sign-in"}
          </Button>
        )}

        {!user.mfa_enabled && setup && (
          <div className="space-y-4" data-testid="mfa-setup">
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              <li>Scan the QR code with your authenticator app, or enter the key by hand.</li>
              <li>Type the 6-digit code the app shows to turn two-step sign-in on.</li>
            </ol>
            <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
              <QrCode value={setup.otpauth_uri} label="QR code for your authenticator app" />
              <div className="min-w-0 flex-1 space-y-3 text-sm">
                <div className="space-y-1">
                  <p className="font-medium" id="mfa-secret-label">Setup key</p>
                  <div className="flex flex-wrap items-center gap-2">
                    <code
                      aria-labelledby="mfa-secret-label"
                      data-testid="mfa-secret"
                      data-secret={setup.secret}
                      className="rounded bg-muted px-2 py-1 font-mono text-sm break-all"
                    >
                      {groupSecret(setup.secret)}
                    </code>
                    <CopyButton value={setup.secret} label="Copy key" />
                  </div>
                </div>
                <div className="space-y-1">
                  <p className="font-medium" id="mfa-uri-label">Setup link</p>
                  <div className="flex flex-wrap items-center gap-2">
                    <code aria-labelledby="mfa-uri-label" className="rounded bg-muted px-2 py-1 font-mono text-xs break-all">
                      {setup.otpauth_uri}
                    </code>
                    <CopyButton value={setup.otpauth_uri} label="Copy link" />
                  </div>
                </div>
              </div>
            </div>
            <form onSubmit={confirm} noValidate className="flex flex-wrap items-end gap-3">
              <TextField
                id="mfa-enable-code"
                label="Code from your app"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(digits(e.target.value))}
                error={fieldError.code}
                className="w-48"
              />
              <Button type="submit" disabled={busy}>
                Turn on
              </Button>
              <Button type="button" variant="ghost" onClick={() => setSetup(null)} disabled={busy}>
                Cancel
              </Button>
            </form>
          </div>
        )}

        {user.mfa_enabled && (
          <form onSubmit={turnOff} noValidate className="grid max-w-sm gap-4">
            <p className="text-sm text-muted-foreground">To turn it off, confirm with your password and a current code.</p>
            <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
            <TextField id="mfa-disable-password" label="Password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={fieldError.password} />
            <TextField
              id="mfa-disable-code"
              label="Code from your app"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(digits(e.target.value))}
              error={fieldError.code}
              className="w-48"
            />
            <div>
              <Button type="submit" variant="destructive" disabled={busy}>
                Turn off two-step sign-in
              </Button>
            </div>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
