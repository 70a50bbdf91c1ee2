import { request, type Session, send } from './http';
import type { LoadRequest } from './load';
import type { Samples } from './samples';

/**
 * The main reads as the web UI sends them, spread over several users and ids: my meetings (the page's two lists,
 * upcoming and past as of the sample day, twenty lines each), a network's month calendar, a meeting page, the office dashboard and a cluster's term report.
 */
export async function readRequests(
  base: string,
  s: Samples,
  sessions: Map<string, Session>,
  createdReports: string[],
): Promise<Map<string, LoadRequest[]>> {
  const teachers = s.teachers.flatMap((t) => {
    const session = sessions.get(t.email);
    return session ? [{ session, meetingIds: t.meetingIds }] : [];
  });
  const leaders = s.leaders.flatMap((l) => {
    const session = sessions.get(l.email);
    return session ? [{ session, networkId: l.networkId }] : [];
  });
  const out = new Map<string, LoadRequest[]>();
  // The page "Lịch của tôi" opens with the first twenty of each of its two lists, both asked at once.
  out.set(
    'my meetings',
    teachers.flatMap((t) =>
      (['upcoming', 'past'] as const).map((period) => request(t.session, 'GET', `/api/meetings/mine/${period}?date=${s.day}&limit=20`)),
    ),
  );
  out.set(
    "a network's calendar (month)",
    leaders.map((l) => request(l.session, 'GET', `/api/meetings?networkId=${l.networkId}&from=${s.month.from}&to=${s.month.to}`)),
  );
  out.set(
    'a meeting page',
    teachers.flatMap((t) => t.meetingIds.map((id) => request(t.session, 'GET', `/api/meetings/${id}`))),
  );
  out.set(
    'the dashboard (province office)',
    s.specialists.flatMap((e) => {
      const session = sessions.get(e);
      return session ? [request(session, 'GET', `/api/dashboard/compliance${s.dayParam ? `?date=${s.dayParam}` : ''}`)] : [];
    }),
  );
  const reports: LoadRequest[] = [];
  for (const l of leaders) {
    const id = await termReportOf(base, l.session, l.networkId, s, createdReports);
    if (id) reports.push(request(l.session, 'GET', `/api/reports/${id}`));
  }
  out.set('a term report (cluster)', reports);
  return out;
}

/** The cluster's report of the current term: the existing one, else a draft the leader creates over HTTP. */
async function termReportOf(base: string, leader: Session, networkId: string, s: Samples, created: string[]): Promise<string | undefined> {
  const listed = await send(base, request(leader, 'GET', `/api/reports?networkId=${networkId}&schoolYearId=${s.schoolYearId}`));
  if (listed.status === 200) {
    const rows = JSON.parse(listed.text) as Array<{ id: string; termNumber: number | null }>;
    const found = rows.find((r) => r.termNumber === s.termNumber);
    if (found) return found.id;
  }
  const res = await send(
    base,
    request(leader, 'POST', '/api/reports', { networkId, schoolYearId: s.schoolYearId, termNumber: s.termNumber }),
  );
  if (res.status !== 201) return undefined;
  const id = (JSON.parse(res.text) as { id: string }).id;
  created.push(id);
  return id;
}
