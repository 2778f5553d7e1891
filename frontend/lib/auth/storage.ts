// Where the tokens live in the browser.
//
// The access token (short-lived JWT) is kept only in memory: script on the page
// can use it while the page is open, but it is never written anywhere, so a
// reload or a closed tab leaves nothing behind to steal.
//
// The refresh token is kept in sessionStorage, trading some safety for usability:
//  + a reload or a link opened in the same tab keeps you signed in (memory alone
//    would sign you out on every full page load);
//  + unlike localStorage it is scoped to one tab and is gone when the tab closes,
//    which suits shared clinical workstations (no session left in the browser);
//  - like any storage readable by script, an XSS bug could read it. An HttpOnly
//    cookie would not be readable, but it needs CSRF protection and a cookie-based
//    refresh endpoint on the API; our defences are React's escaping (the UI never renders HTML from data),
//    rotation with reuse detection on the server (a stolen token that is used
//    after ours kills the whole session family), and the 15-minute idle logoff;
//  - each new tab signs in on its own. A *duplicated* tab copies sessionStorage,
//    so two tabs then hold the same refresh token: the second to refresh trips
//    reuse detection and both are signed out. Safe, if surprising.
//
// Every access is wrapped: storage can be blocked (privacy modes) or absent (tests, SSR).

const REFRESH_KEY = "lumen.auth.refresh";
const ACTIVITY_KEY = "lumen.auth.lastActivity";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    const s = storage();
    if (!s) return;
    if (value === null) s.removeItem(key);
    else s.setItem(key, value);
  } catch {
    // Blocked storage: the session still works until the page is reloaded.
  }
}

export const readRefreshToken = (): string | null => read(REFRESH_KEY);
export const writeRefreshToken = (token: string | null): void => write(REFRESH_KEY, token);

/** Last user activity (ms since epoch), so a reload after the idle limit does not resume the session. */
export function readLastActivity(): number | null {
  const value = Number(read(ACTIVITY_KEY));
  return Number.isFinite(value) && value > 0 ? value : null;
}
export const writeLastActivity = (at: number | null): void => write(ACTIVITY_KEY, at === null ? null : String(at));
