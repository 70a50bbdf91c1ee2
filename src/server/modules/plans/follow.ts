import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import * as repo from './repo';
import * as scheduleRepo from './scheduleRepo';

/** What a meeting tells its plan item (issue 15, point 6). */
export type MeetingEvent =
  /** Its minutes were locked: the item was carried out. */
  | { kind: 'held' }
  /** It was cancelled, with the meeting's reason. */
  | { kind: 'cancelled'; reason: string }
  /** Its time changed (rescheduled, or postponed to a new time): `postponeReason` when postponed. */
  | { kind: 'moved'; startsAt: Date; postponeReason?: string }
  /** It was postponed without a new time. */
  | { kind: 'postponed'; reason: string };

const VN_OFFSET_MS = 7 * 3_600_000;
const vnDay = (d: Date) => new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
const viDay = (day: string) => day.split('-').reverse().join('/');

type Status = 'planned' | 'held' | 'moved' | 'cancelled';

/** The item's new status and reason for an event, or null to leave it as it is. */
export function nextItemStatus(
  item: { status: Status; proposedDate: string | null; statusReason: string | null },
  e: MeetingEvent,
): { status: Status; reason: string | null } | null {
  if (e.kind === 'held') return { status: 'held', reason: null };
  // A held or cancelled item has its outcome; only a lock (held) overrides a cancelled one, never the other way round.
  if (item.status === 'held' || item.status === 'cancelled') return null;
  if (e.kind === 'cancelled') return { status: 'cancelled', reason: e.reason };
  if (e.kind === 'postponed') return { status: 'moved', reason: `Tạm hoãn: ${e.reason}` };
  const day = vnDay(e.startsAt);
  if (day === item.proposedDate && !e.postponeReason) return item.status === 'moved' ? { status: 'planned', reason: null } : null;
  const reason = `Dời sang ngày ${viDay(day)}${e.postponeReason ? `: ${e.postponeReason}` : ''}`;
  return { status: 'moved', reason };
}

/**
 * The plan item a meeting carries out follows the meeting, in the meeting service's transaction: held when its minutes
 * lock, moved (with the new day) when it is rescheduled or postponed, cancelled with the meeting's reason. Plan items
 * are not part of the signed record, so the record guard's triggers (migration 0019) do not refuse this write.
 */
export async function followMeeting(
  tx: Executor,
  actor: Pick<Actor, 'accountId' | 'fullName'>,
  meeting: { id: string; planItemId: string | null },
  e: MeetingEvent,
): Promise<void> {
  if (!meeting.planItemId) return;
  const found = await scheduleRepo.itemForUpdate(tx, meeting.planItemId);
  if (!found) return;
  const next = nextItemStatus(found.item, e);
  if (!next || (next.status === found.item.status && next.reason === found.item.statusReason)) return;
  const after = await repo.setItemStatus(tx, found.item.id, next.status, next.reason);
  await audit(tx, actor, {
    action: 'item_status',
    entityType: 'plan_item',
    entityId: found.item.id,
    orgId: found.reviewerOrgId,
    before: { status: found.item.status, statusReason: found.item.statusReason },
    after: { status: after.status, statusReason: after.statusReason, meetingId: meeting.id },
  });
}
