"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { toApiError } from "@/lib/api/errors";
import { useAuth } from "@/lib/auth/hooks";
import { signInErrorMessage } from "@/lib/auth/messages";
import { reasonNotice, safeNext } from "@/lib/auth/redirect";
import { clearSignOutReason, signIn, takeRememberedEmail } from "@/lib/auth/session";

import { AuthCard, linkClass } from "./AuthCard";

/** Email + password, then (when the account has MFA) the 6-digit code; back to ?next= afterwards. */
export function SignInForm() {
  const params = useSearchParams();
  const router = useRouter();
  const auth = useAuth();
  const next = safeNext(params.get("next"));
  const registered = params.get("registered") === "1";
  const notice = reasonNotice(params.get("reason"));

  const [email, setEmail] = useState(() => (registered ? takeRememberedEmail() ?? "" : ""));
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [needCode, setNeedCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // Signed in (just now, or already when the page opened): go where the user was headed.
  useEffect(() => {
    if (auth.status === "signedIn") router.replace(next);
  }, [auth.status, next, router]);

  useEffect(() => {
    if (needCode) codeRef.current?.focus();
  }, [needCode]);

  useEffect(() => {
    if (auth.status === "signedOut" && auth.reason !== null) clearSignOutReason();
  }, [auth]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    if (needCode && !/^\d{6}$/.test(code)) {
      setError("Enter the 6-digit code from your authenticator app.");
      codeRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await signIn(email.trim(), password, needCode ? code : undefined);
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.code === "mfa_required") {
        setNeedCode(true);
      } else {
        setError(signInErrorMessage(apiError));
        if (apiError.code === "invalid_credentials") {
          setNeedCode(false);
          setCode("");
          setPassword("");
          passwordRef.current?.focus();
        } else if (apiError.code === "invalid_mfa_code") {
          setCode("");
          codeRef.current?.focus();
        }
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title="Sign in"
      description="Sign in to LUMEN with your email and password."
      footer={
        <p>
          New to LUMEN?{" "}
          <Link href="/sign-up/" className={linkClass}>
            Create an account
          </Link>
        </p>
      }
    >
      {notice && (
        <Alert tone="warning" role="status" data-testid="sign-in-notice">
          <p>{notice}</p>
        </Alert>
      )}
      {registered && (
        <Alert tone="success" role="status">
          <p>Your account is ready. Sign in to continue.</p>
        </Alert>
      )}
      {error && (
        <Alert tone="danger" role="alert" data-testid="sign-in-error">
          <p>{error}</p>
        </Alert>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
        <TextField
          id="email"
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          readOnly={needCode}
        />
        <TextField
          ref={passwordRef}
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          readOnly={needCode}
        />
        {needCode && (
          <>
            <Alert tone="info" role="status">
              <p>This account uses two-step sign-in. Enter the 6-digit code from your authenticator app.</p>
            </Alert>
            <TextField
              ref={codeRef}
              id="totp-code"
              label="Authentication code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 6))}
              className="max-w-48"
            />
          </>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={busy || auth.status === "signedIn"}>
            {busy ? "Signing in…" : needCode ? "Verify and sign in" : "Sign in"}
          </Button>
          {needCode && (
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                setNeedCode(false);
                setCode("");
                setPassword("");
                setError(null);
              }}
            >
              Use a different account
            </Button>
          )}
        </div>
      </form>
    </AuthCard>
  );
}
