import type { MeetingKind, MeetingStatus } from '../../src/shared/enums';
import { CANCEL_REASONS, NETWORK_KINDS, POSTPONE_REASONS, SUBJECT_NAME, TEAM_KINDS, TEAMS, TOPICS } from './catalogue';
import { hash2, rand, TAG, uid, type World } from './world';

/**
 * The year's meetings, enumerated in one fixed order (school by school: its four teams' meetings, then those of the
 * school group and the cluster it leads), so every table pass sees meeting m with the same facts.
 */

/** Dates the data set is seen from: meetings after it are still scheduled. */
export const AS_OF = '2026-05-15';

function schoolDays(from: string, to: string): string[] {
  const days: string[] = [];
  const holidays = new Set(['2026-04-27', '2026-04-30', '2026-05-01']);
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    const dow = d.getUTCDay();
    const tet = iso >= '2026-02-14' && iso <= '2026-02-22';
    if (dow !== 0 && dow !== 6 && !tet && !holidays.has(iso)) days.push(iso);
  }
  return days;
}

/** School days of term 1 and term 2 of 2025-2026 (terms as the factory's buildSchoolYear makes them). */
export const TERM_DAYS = [schoolDays('2025-09-08', '2026-01-16'), schoolDays('2026-01-20', '2026-05-29')];

export type MeetingScopeKind = 'team' | 'group' | 'cluster';

/** One generated meeting. Person fields are global staff indices (see World.person). */
export interface GenMeeting {
  m: number;
  scope: MeetingScopeKind;
  /** School that hosts (its team for team meetings). */
  hostSchool: number;
  hostOrgId: string;
  networkId: string | null;
  /** Plan of the network for the term (network meetings only). */
  planId: string | null;
  k: number;
  n: number;
  term: 1 | 2;
  date: string;
  startsAt: string;
  endsAt: string;
  kind: MeetingKind;
  title: string;
  subjectCode: string;
  status: MeetingStatus;
  statusReason: string | null;
  chair: number;
  secretary: number;
  presenter: number;
  /** Invited staff; those of a held meeting each have an attendance row. */
  invitees: number[];
}

/** The network id of a school group or cluster, keyed by its first school. */
export function networkId(kind: 'group' | 'cluster', first: number): string {
  return uid(kind === 'group' ? TAG.group : TAG.cluster, first);
}

/** The approved plan of a network for a term. */
export function planId(kind: 'group' | 'cluster', first: number, term: 1 | 2): string {
  return uid(TAG.plan, (first * 2 + (kind === 'cluster' ? 1 : 0)) * 2 + term - 1);
}

function statusOf(m: number, date: string): [MeetingStatus, string | null] {
  if (date > AS_OF) return ['scheduled', null];
  const r = rand(m, 11);
  if (r < 0.02) return ['cancelled', CANCEL_REASONS[hash2(m, 12) % CANCEL_REASONS.length]];
  if (r < 0.03) return ['postponed', POSTPONE_REASONS[hash2(m, 12) % POSTPONE_REASONS.length]];
  return rand(m, 13) < 0.85 ? ['minutes_locked', null] : ['held', null];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Yields every meeting of the year in the fixed order. */
export function* meetingsOf(w: World): Generator<GenMeeting> {
  const spec = w.spec;
  let m = 0;
  const one = (
    scope: MeetingScopeKind,
    s: number,
    k: number,
    n: number,
    count: number,
    members: [number, number] | null,
    net: string | null,
    plan: string | null,
  ): GenMeeting => {
    const info = w.school(s);
    const level = info.level;
    const half = Math.max(1, Math.ceil(count / 2));
    const term: 1 | 2 = n < half ? 1 : 2;
    const days = TERM_DAYS[term - 1];
    const slot = (n % half) + 0.5;
    const jitter = (hash2(m, 1) % 5) - 2;
    const day = Math.min(days.length - 1, Math.max(0, Math.floor((slot * days.length) / half) + jitter));
    const date = days[day];
    const team = TEAMS[level][k];
    const subjectCode = team.subjects[(n + s) % team.subjects.length];
    const kinds = scope === 'team' ? TEAM_KINDS : NETWORK_KINDS;
    const [kind, label] = kinds[hash2(m, 2) % kinds.length];
    const topic = TOPICS[hash2(m, 3) % TOPICS.length];
    const [startH, hours] = scope === 'cluster' ? [7, 4] : scope === 'group' ? [13, 3] : [14, 2];
    const teamSize = w.teamSize[k];
    const presenterRank = teamSize > 1 ? 1 + (hash2(m, 4) % (teamSize - 1)) : 0;
    let invitees: number[];
    let chair: number;
    if (members) {
      invitees = [];
      for (let x = members[0]; x < members[1]; x++) for (let r = 0; r < teamSize; r++) invitees.push(w.teamMember(x, k, r));
      // a cluster meeting is chaired by the cluster's leader (principal of its first school), who also attends
      chair = scope === 'cluster' ? w.person(members[0], 0) : w.teamMember(s, k, 0);
      if (scope === 'cluster') invitees.unshift(chair);
    } else {
      invitees = [];
      for (let r = 0; r < teamSize; r++) invitees.push(w.teamMember(s, k, r));
      chair = w.teamMember(s, k, 0);
    }
    const [status, statusReason] = statusOf(m, date);
    const g: GenMeeting = {
      m,
      scope,
      hostSchool: s,
      hostOrgId: scope === 'team' ? uid(TAG.team, w.team(s, k)) : uid(TAG.school, s),
      networkId: net,
      planId: plan,
      k,
      n,
      term,
      date,
      startsAt: `${date} ${pad(startH)}:${scope === 'cluster' ? '30' : '00'}:00+07`,
      endsAt: `${date} ${pad(startH + hours)}:${scope === 'cluster' ? '30' : '00'}:00+07`,
      kind,
      title: `${label} môn ${SUBJECT_NAME[subjectCode]}: ${topic}`,
      subjectCode,
      status,
      statusReason,
      chair,
      secretary: w.teamMember(s, k, teamSize > 1 ? 1 : 0),
      presenter: w.teamMember(s, k, presenterRank),
      invitees,
    };
    m++;
    return g;
  };
  for (let s = 0; s < spec.schools; s++) {
    for (let k = 0; k < 4; k++) for (let n = 0; n < spec.teamMeetings; n++) yield one('team', s, k, n, spec.teamMeetings, null, null, null);
    const info = w.school(s);
    if (info.groupFirst === s) {
      const net = networkId('group', s);
      for (let k = 0; k < 4; k++)
        for (let n = 0; n < spec.groupMeetings; n++) {
          const host = s + ((n + k) % (info.groupEnd - s));
          const term = n < Math.ceil(spec.groupMeetings / 2) ? 1 : 2;
          yield one('group', host, k, n, spec.groupMeetings, [s, info.groupEnd], net, planId('group', s, term));
        }
    }
    if (info.clusterFirst === s) {
      const net = networkId('cluster', s);
      for (let k = 0; k < 4; k++)
        for (let n = 0; n < spec.clusterMeetings; n++) {
          const host = s + ((n * 3 + k) % (info.clusterEnd - s));
          const term = n < Math.ceil(spec.clusterMeetings / 2) ? 1 : 2;
          yield one('cluster', host, k, n, spec.clusterMeetings, [s, info.clusterEnd], net, planId('cluster', s, term));
        }
    }
  }
}
