import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, calendarTokens, invitations, meetings, networks, orgs, people, venues } from '../../db/schema';

export type TokenKind = 'person' | 'network';

/** The token of one reader for a person's or network's feed, if any. */
export async function findToken(db: Executor, kind: TokenKind, ownerId: string, personId: string) {
  const rows = await db
    .select()
    .from(calendarTokens)
    .where(and(eq(calendarTokens.kind, kind), eq(calendarTokens.ownerId, ownerId), eq(calendarTokens.personId, personId)))
    .limit(1);
  return rows[0];
}

/** The feed a token opens and its reader's account (none when the person has no account); undefined if unknown. */
export async function tokenReader(db: Executor, kind: TokenKind, token: string) {
  const rows = await db
    .select({
      ownerId: calendarTokens.ownerId,
      personId: calendarTokens.personId,
      accountId: accounts.id,
      fullName: people.fullName,
      isAdmin: accounts.isAdmin,
      disabledAt: accounts.disabledAt,
    })
    .from(calendarTokens)
    .innerJoin(people, eq(people.id, calendarTokens.personId))
    .leftJoin(accounts, eq(accounts.personId, calendarTokens.personId))
    .where(and(eq(calendarTokens.kind, kind), eq(calendarTokens.token, token)))
    .limit(1);
  return rows[0];
}

/** Stores (or replaces) one reader's token of a feed. */
export async function upsertToken(db: Executor, kind: TokenKind, ownerId: string, personId: string, token: string): Promise<void> {
  await db
    .insert(calendarTokens)
    .values({ kind, ownerId, personId, token })
    .onConflictDoUpdate({
      target: [calendarTokens.kind, calendarTokens.ownerId, calendarTokens.personId],
      set: { token, createdAt: new Date() },
    });
}

/** Meetings for a feed with host name and venues. */
export async function feedRows(db: Executor, ids: string[]) {
  if (ids.length === 0) return { rows: [], venues: [] };
  const rows = await db
    .select({ meeting: meetings, hostName: orgs.name, networkName: networks.name })
    .from(meetings)
    .innerJoin(orgs, eq(orgs.id, meetings.hostOrgId))
    .leftJoin(networks, eq(networks.id, meetings.networkId))
    .where(inArray(meetings.id, ids))
    .orderBy(asc(meetings.startsAt));
  const v = await db.select().from(venues).where(inArray(venues.meetingId, ids)).orderBy(asc(venues.sortOrder));
  return { rows, venues: v };
}

/** The venue each of a person's invitations names (meeting id → venue id), for the meetings of a feed. */
export async function invitedVenues(db: Executor, personId: string, meetingIds: string[]): Promise<Map<string, string>> {
  if (meetingIds.length === 0) return new Map();
  const rows = await db
    .select({ meetingId: invitations.meetingId, venueId: invitations.venueId })
    .from(invitations)
    .where(and(eq(invitations.personId, personId), inArray(invitations.meetingId, meetingIds)));
  return new Map(rows.flatMap((r) => (r.venueId ? [[r.meetingId, r.venueId] as const] : [])));
}

/** A network's name. */
export async function networkOf(db: Executor, id: string) {
  const rows = await db
    .select({ id: networks.id, name: networks.name, supervisingOrgId: networks.supervisingOrgId })
    .from(networks)
    .where(eq(networks.id, id))
    .limit(1);
  return rows[0];
}
