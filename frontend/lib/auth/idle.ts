// Automatic logoff after inactivity (HIPAA §164.312(a)(2)(iii)). Pure timer
// logic with no DOM or React, so it is unit-tested with fake timers; the
// AuthProvider feeds it user events and acts on onIdle.

/** Sign out after this long with no keyboard, pointer, touch or scroll input. Fixed in the build on purpose. */
export const IDLE_TIMEOUT_MS = 15 * 60 * 1000;
/** Show "you will be signed out" this long before it happens, so a present user can stay. */
export const IDLE_WARNING_MS = 60 * 1000;

/** DOM events that count as a person being there. API polling does not count: a page left open must still time out. */
export const ACTIVITY_EVENTS = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart", "scroll"] as const;

export type IdleTimerOptions = {
  timeoutMs?: number;
  warnBeforeMs?: number;
  /** When the user was last active (e.g. restored after a reload); defaults to now. */
  lastActivity?: number;
  onIdle: () => void;
  /** Called once when the warning period starts, with the milliseconds left. */
  onWarn?: (remainingMs: number) => void;
  /** Called when activity ends a warning period. */
  onActive?: () => void;
  now?: () => number;
};

export type IdleTimer = {
  /** Record user activity; cheap enough to call on every pointermove (no timer is reset). */
  activity: () => void;
  /** Re-check against the clock now (e.g. when the tab becomes visible again after sleep). */
  check: () => void;
  stop: () => void;
  lastActivity: () => number;
};

/** True when `lastActivity` is at least `timeoutMs` ago (used at start-up to refuse a stale session). */
export function isIdleExpired(lastActivity: number, now: number, timeoutMs: number = IDLE_TIMEOUT_MS): boolean {
  return now - lastActivity >= timeoutMs;
}

/**
 * Watch for inactivity. The deadline is computed from wall-clock time each time
 * the single timer fires, so throttled background tabs and a sleeping laptop
 * still sign out on time (as soon as the timer or check() runs).
 */
export function createIdleTimer({
  timeoutMs = IDLE_TIMEOUT_MS,
  warnBeforeMs = IDLE_WARNING_MS,
  lastActivity,
  onIdle,
  onWarn,
  onActive,
  now = () => Date.now(),
}: IdleTimerOptions): IdleTimer {
  let last = lastActivity ?? now();
  let warned = false;
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function schedule(ms: number) {
    clearTimeout(timer);
    timer = setTimeout(check, Math.max(0, ms));
  }

  function check() {
    if (done) return;
    const idleFor = now() - last;
    if (idleFor >= timeoutMs) {
      done = true;
      clearTimeout(timer);
      onIdle();
      return;
    }
    const warnAt = timeoutMs - warnBeforeMs;
    if (idleFor >= warnAt) {
      if (!warned) {
        warned = true;
        onWarn?.(timeoutMs - idleFor);
      }
      schedule(timeoutMs - idleFor);
    } else {
      schedule(warnAt - idleFor);
    }
  }

  function activity() {
    if (done) return;
    last = now();
    if (warned) {
      warned = false;
      onActive?.();
      check(); // move the timer back to the next warning time
    }
  }

  check();
  return {
    activity,
    check,
    stop: () => {
      done = true;
      clearTimeout(timer);
    },
    lastActivity: () => last,
  };
}
