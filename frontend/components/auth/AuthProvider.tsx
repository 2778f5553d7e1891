"use client";

import { TimerIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { useAuth } from "@/lib/auth/hooks";
import { ACTIVITY_EVENTS, createIdleTimer, type IdleTimer } from "@/lib/auth/idle";
import { signInHref } from "@/lib/auth/redirect";
import { recordActivity, signOut, startSession } from "@/lib/auth/session";
import { readLastActivity } from "@/lib/auth/storage";

/** Persist the activity time at most this often (pointermove fires constantly). */
const PERSIST_EVERY_MS = 5000;

/**
 * Restores the session on load and runs the idle logoff while signed in:
 * a warning a minute before, then sign-out and the sign-in page with a notice.
 * Renders only the warning.
 */
export function AuthProvider() {
  const auth = useAuth();
  const router = useRouter();
  const [warning, setWarning] = useState(false);
  const timerRef = useRef<IdleTimer | null>(null);
  const signedIn = auth.status === "signedIn";

  useEffect(() => {
    void startSession();
  }, []);

  useEffect(() => {
    if (!signedIn) return;
    let lastPersisted = 0;
    const timer = createIdleTimer({
      lastActivity: readLastActivity() ?? Date.now(),
      onWarn: () => setWarning(true),
      onActive: () => setWarning(false),
      onIdle: () => {
        setWarning(false);
        const here = `${window.location.pathname}${window.location.search}`;
        void signOut("idle");
        router.replace(signInHref(here, "idle"));
      },
    });
    timerRef.current = timer;
    const onActivity = () => {
      timer.activity();
      const now = Date.now();
      if (now - lastPersisted > PERSIST_EVERY_MS) {
        lastPersisted = now;
        recordActivity(now);
      }
    };
    const onVisible = () => {
      if (document.visibilityState === "visible") timer.check();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      timer.stop();
      timerRef.current = null;
      setWarning(false);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [signedIn, router]);

  if (!warning || !signedIn) return null;
  return (
    <div
      role="alert"
      className="fixed right-4 bottom-4 left-4 z-50 mx-auto flex max-w-lg flex-col gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 shadow-lg sm:flex-row sm:items-center dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
    >
      <TimerIcon className="size-5 shrink-0" aria-hidden="true" />
      <p className="flex-1">
        For your privacy you will be signed out in about a minute because of inactivity.
      </p>
      <Button size="sm" onClick={() => timerRef.current?.activity()}>
        Stay signed in
      </Button>
    </div>
  );
}
