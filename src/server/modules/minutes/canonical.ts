import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level: the same data always gives the same string. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/**
 * The canonical string that is signed: version tag, meeting, frozen facts, frozen signers and attachments (decision
 * 0024; absent on minutes signed before it, whose string is then unchanged) and the two texts (NFC-normalised).
 */
export function canonicalMinutes(m: {
  meetingId: string;
  facts: unknown;
  frozen?: unknown;
  discussion: string;
  recommendations: string;
}): string {
  return stableStringify({
    format: 'lien-truong/minutes/v1',
    meetingId: m.meetingId,
    facts: m.facts,
    frozen: m.frozen,
    discussion: m.discussion.normalize('NFC'),
    recommendations: m.recommendations.normalize('NFC'),
  });
}

/** The canonical string of an addendum. */
export function canonicalAddendum(a: { minutesId: string; minutesHash: string; content: string }): string {
  return stableStringify({ format: 'lien-truong/addendum/v1', ...a, content: a.content.normalize('NFC') });
}

/** Hex SHA-256 of a UTF-8 string. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
