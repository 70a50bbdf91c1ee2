import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long one QR check-in code is shown before the secretary's screen draws the next one. */
export const CHECKIN_CODE_WINDOW_MS = 30_000;
/** Characters of base64url kept from the HMAC (16 characters = 96 bits). */
const CODE_LENGTH = 16;

/** The number of the 30-second window `now` falls in. */
export function codeWindow(now: Date): number {
  return Math.floor(now.getTime() / CHECKIN_CODE_WINDOW_MS);
}

/** The code for one window: HMAC-SHA256 keyed by the meeting's stored secret, truncated base64url. */
export function checkinCodeFor(secret: string, meetingId: string, window: number): string {
  return createHmac('sha256', secret).update(`${meetingId}:${window}`).digest('base64url').slice(0, CODE_LENGTH);
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** When the code of the window `now` falls in stops being the one on screen. */
export function codeWindowEndsAt(now: Date): Date {
  return new Date((codeWindow(now) + 1) * CHECKIN_CODE_WINDOW_MS);
}

/**
 * When `code` stops being accepted, if it is the code of the current window or of the one before it (so a
 * photographed or forwarded code stops working within a minute of leaving the secretary's screen); else null.
 */
export function recentCodeExpiresAt(secret: string, meetingId: string, code: string, now: Date): Date | null {
  const w = codeWindow(now);
  // Both comparisons always run, so the answer's timing does not tell which window matched.
  const current = same(checkinCodeFor(secret, meetingId, w), code);
  const previous = same(checkinCodeFor(secret, meetingId, w - 1), code);
  if (current) return new Date((w + 2) * CHECKIN_CODE_WINDOW_MS);
  return previous ? new Date((w + 1) * CHECKIN_CODE_WINDOW_MS) : null;
}

/** The code the secretary's screen shows at `now` (for scripts and tests that play the scanning phone). */
export function liveCheckinCode(secret: string, meetingId: string, now = new Date()): string {
  return checkinCodeFor(secret, meetingId, codeWindow(now));
}
