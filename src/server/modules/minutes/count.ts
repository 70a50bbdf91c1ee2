import type { TeamMeetingCount } from '../../../shared/minutes';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { fieldError, notFound } from '../../lib/errors';
import * as orgsRepo from '../orgs/repo';
import { authorize } from './policy';
import * as repo from './repo';

/**
 * How many meetings count as the team's own in a period (school charter: at least one every two weeks): the team's
 * own held meetings plus the locked minutes of its school group's meetings about one of its subjects (seed 001:
 * group minutes replace the team's own meeting).
 */
export async function teamMeetingCount(db: Executor, actor: Actor, teamId: string, from: string, to: string): Promise<TeamMeetingCount> {
  if (to < from) throw fieldError('to', 'Ngày kết thúc phải sau ngày bắt đầu');
  const team = await orgsRepo.findById(db, teamId);
  if (team?.type !== 'team') throw notFound('tổ chuyên môn');
  const chain = await orgsRepo.ancestorChain(db, teamId, todayIso());
  authorize(actor, 'teamCount.read', { teamChain: chain });
  const rows = await repo.teamMeetings(db, teamId, chain[1] ?? null, from, to);
  const seen = new Set<string>();
  const meetings = rows
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((r) => ({ id: r.id, title: r.title, startsAt: new Date(r.startsAt).toISOString(), source: r.source }));
  const own = meetings.filter((x) => x.source === 'own').length;
  return { teamId, from, to, own, group: meetings.length - own, total: meetings.length, meetings };
}
