/** The choice of a network's saved online meeting link, shared by the bridge-point rule and the meeting form. */

/**
 * The saved link a venue of a network meeting takes, most specific first: the bridge point's org with the meeting's
 * subject, the org alone, the subject alone, the network's general link.
 */
export function pickLink(
  links: ReadonlyArray<{ subjectId: string | null; orgId: string | null; url: string }>,
  orgId: string | null,
  subjectIds: readonly string[],
): { url: string; from: 'network_org' | 'network_subject' | 'network' } | null {
  const bySubject = (l: { subjectId: string | null }) => l.subjectId !== null && subjectIds.includes(l.subjectId);
  const org = orgId ? links.filter((l) => l.orgId === orgId) : [];
  const hit = org.find(bySubject) ?? org.find((l) => l.subjectId === null) ?? links.find((l) => l.orgId === null && bySubject(l));
  if (hit) return { url: hit.url, from: hit.orgId ? 'network_org' : 'network_subject' };
  const general = links.find((l) => l.orgId === null && l.subjectId === null);
  return general ? { url: general.url, from: 'network' } : null;
}
