import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { IDLE_TIMEOUT_MS, IDLE_WARNING_MS, createIdleTimer, isIdleExpired } from "./idle";

const MIN = 60_000;

describe("idle logoff", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-11-22T09:00:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is 15 minutes in the build, with a warning one minute before", () => {
    expect(IDLE_TIMEOUT_MS).toBe(15 * MIN);
    expect(IDLE_WARNING_MS).toBe(MIN);
  });

  it("warns at 14 minutes and signs out at 15 without activity", () => {
    const onIdle = vi.fn();
    const onWarn = vi.fn();
    createIdleTimer({ onIdle, onWarn });

    vi.advanceTimersByTime(14 * MIN - 1);
    expect(onWarn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onWarn).toHaveBeenCalledTimes(1);
    expect(onWarn).toHaveBeenCalledWith(MIN);
    expect(onIdle).not.toHaveBeenCalled();

    vi.advanceTimersByTime(MIN - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);

    // Once signed out it stays quiet.
    vi.advanceTimersByTime(60 * MIN);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(onWarn).toHaveBeenCalledTimes(1);
  });

  it("activity pushes the deadline back to 15 minutes after the last input", () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer({ onIdle });
    vi.advanceTimersByTime(10 * MIN);
    timer.activity();
    vi.advanceTimersByTime(14 * MIN);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MIN);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("activity during the warning cancels it ('Stay signed in')", () => {
    const onIdle = vi.fn();
    const onWarn = vi.fn();
    const onActive = vi.fn();
    const timer = createIdleTimer({ onIdle, onWarn, onActive });
    vi.advanceTimersByTime(14 * MIN + 30_000);
    expect(onWarn).toHaveBeenCalledTimes(1);

    timer.activity();
    expect(onActive).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(MIN);
    expect(onIdle).not.toHaveBeenCalled();
    // A new full period, with a new warning.
    vi.advanceTimersByTime(13 * MIN);
    expect(onWarn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(MIN);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("counts from a restored last-activity time (a reload does not restart the clock)", () => {
    const onIdle = vi.fn();
    createIdleTimer({ onIdle, lastActivity: Date.now() - 10 * MIN });
    vi.advanceTimersByTime(5 * MIN);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("signs out at once when the clock jumped past the limit (laptop asleep, throttled tab)", () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer({ onIdle });
    // The system clock moves 20 minutes while no timer got to run.
    vi.setSystemTime(Date.now() + 20 * MIN);
    timer.check();
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("stop() cancels the logoff (signed out by other means)", () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer({ onIdle });
    timer.stop();
    vi.advanceTimersByTime(30 * MIN);
    expect(onIdle).not.toHaveBeenCalled();
    timer.activity();
    expect(onIdle).not.toHaveBeenCalled();
  });

  it("isIdleExpired refuses a stored session older than the limit", () => {
    const now = Date.now();
    expect(isIdleExpired(now - 15 * MIN, now)).toBe(true);
    expect(isIdleExpired(now - 15 * MIN + 1, now)).toBe(false);
  });
});
