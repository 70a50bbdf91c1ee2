import type { ScheduleMeeting } from '../../lib/documents/mau1';
import type { PlannedRow } from './plannedRepo';

const HOURS = 3;

/**
 * A plan item as a line of Mẫu 1: its planned day and time (07:30 when none; three hours, as a meeting made from it),
 * its host and place, marked "Theo kế hoạch" (and "Dời lịch: …" when it was moved) until its meeting exists.
 */
export function plannedLine(r: PlannedRow): ScheduleMeeting {
  const startsAt = new Date(`${r.proposedDate}T${(r.proposedTime ?? '07:30').slice(0, 5)}:00+07:00`);
  const room = r.place && r.place !== r.hostName ? r.place : null;
  const place =
    r.mode === 'online' ? `Trực tuyến${r.hostName ? ` (${r.hostName} chủ trì)` : ''}` : [r.hostName, room].filter(Boolean).join(', ');
  return {
    startsAt,
    endsAt: new Date(startsAt.getTime() + HOURS * 3_600_000),
    subjects: r.subjects,
    title: r.content,
    content: null,
    place,
    count: r.plannedCount,
    mode: r.mode,
    status: 'planned',
    statusReason: null,
    notes: r.status === 'moved' && r.statusReason ? `Theo kế hoạch; ${r.statusReason}` : 'Theo kế hoạch',
  };
}

/** Meetings and planned lines together, by start. */
export function withPlanned(meetings: ScheduleMeeting[], planned: PlannedRow[]): ScheduleMeeting[] {
  return [...meetings, ...planned.map(plannedLine)].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
