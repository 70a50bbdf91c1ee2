import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { networkMeetingLinks, orgs, subjects } from '../../db/schema';

/** A network's saved online meeting links, with the names of their subject and bridge-point org. */
export async function linksOf(db: Executor, networkId: string) {
  return db
    .select({
      id: networkMeetingLinks.id,
      url: networkMeetingLinks.url,
      subjectId: networkMeetingLinks.subjectId,
      subjectName: subjects.name,
      orgId: networkMeetingLinks.orgId,
      orgName: orgs.name,
    })
    .from(networkMeetingLinks)
    .leftJoin(subjects, eq(subjects.id, networkMeetingLinks.subjectId))
    .leftJoin(orgs, eq(orgs.id, networkMeetingLinks.orgId))
    .where(eq(networkMeetingLinks.networkId, networkId))
    .orderBy(asc(orgs.name), asc(subjects.sortOrder));
}

/** Replaces a network's saved meeting links. */
export async function replaceLinks(
  db: Executor,
  networkId: string,
  links: Array<{ subjectId: string | null; orgId: string | null; url: string }>,
): Promise<void> {
  await db.delete(networkMeetingLinks).where(eq(networkMeetingLinks.networkId, networkId));
  if (links.length) await db.insert(networkMeetingLinks).values(links.map((l) => ({ ...l, networkId })));
}

/** Saves one link (a bridge point's or a subject's), replacing the one of the same key. */
export async function saveLink(db: Executor, networkId: string, key: { subjectId: string | null; orgId: string | null }, url: string) {
  await db
    .insert(networkMeetingLinks)
    .values({ networkId, ...key, url })
    .onConflictDoUpdate({
      target: [networkMeetingLinks.networkId, networkMeetingLinks.subjectId, networkMeetingLinks.orgId],
      set: { url },
    });
}

/** Every saved link of a network, plain (to choose the one a venue needs). */
export async function plainLinks(db: Executor, networkId: string) {
  return db
    .select({ subjectId: networkMeetingLinks.subjectId, orgId: networkMeetingLinks.orgId, url: networkMeetingLinks.url })
    .from(networkMeetingLinks)
    .where(eq(networkMeetingLinks.networkId, networkId));
}

/** Orgs as bridge-point choices: name, type and address (teams left out). */
export async function bridgeOrgs(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: orgs.id, name: orgs.name, type: orgs.type, address: orgs.address })
    .from(orgs)
    .where(and(inArray(orgs.id, ids), ne(orgs.type, 'team')))
    .orderBy(asc(orgs.name));
}
