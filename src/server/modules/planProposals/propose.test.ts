import { describe, expect, it } from 'vitest';
import { breakOn, type CalendarBreak, weekday } from './calendar';
import { proposeItems } from './propose';
import { shiftItems } from './shift';

const hosts = [
  { id: 'a', name: 'Trường THCS Tân Thạnh Đông' },
  { id: 'b', name: 'Trường THCS Hòa Phú' },
  { id: 'c', name: 'Trường THCS Tân Thạnh Tây' },
];
const subjects = [
  { id: 'toan', name: 'Toán' },
  { id: 'van', name: 'Ngữ văn' },
  { id: 'khtn', name: 'Khoa học tự nhiên' },
  { id: 'tin', name: 'Tin học' },
  { id: 'gdcd', name: 'Giáo dục công dân' },
];
const term2 = { termStart: '2027-01-20', termEnd: '2027-05-31' };
const breaks: CalendarBreak[] = [
  { startDate: '2027-01-31', endDate: '2027-02-12', label: 'Nghỉ Tết Nguyên đán', kind: 'holiday' },
  { startDate: '2027-03-22', endDate: '2027-03-28', label: 'Kiểm tra giữa học kỳ II', kind: 'exam' },
  { startDate: '2027-05-18', endDate: '2027-05-31', label: 'Kiểm tra cuối học kỳ II', kind: 'exam' },
];

function countBy<T>(xs: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

describe('proposeItems', () => {
  it('proposes the quota per subject, dates in the term, on weekdays, outside every break, in date order', () => {
    const items = proposeItems({ ...term2, breaks, hosts, subjects, quota: 2 });
    expect(items).toHaveLength(10);
    expect(countBy(items, (i) => i.subjectIds[0])).toEqual({ toan: 2, van: 2, khtn: 2, tin: 2, gdcd: 2 });
    for (const i of items) {
      const d = i.proposedDate as string;
      expect(d >= term2.termStart && d <= term2.termEnd).toBe(true);
      expect(breakOn(d, breaks)).toBeUndefined();
      expect([1, 2, 3, 4, 5]).toContain(weekday(d));
    }
    const dates = items.map((i) => i.proposedDate as string);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(10);
  });

  it('rotates hosts fairly (4, 3, 3 of 10) and gives each subject two different hosts', () => {
    const items = proposeItems({ ...term2, breaks, hosts, subjects, quota: 2 });
    expect(Object.values(countBy(items, (i) => i.hostOrgId as string)).sort()).toEqual([3, 3, 4]);
    expect(items.map((i) => i.hostOrgId).slice(0, 4)).toEqual(['a', 'b', 'c', 'a']);
    for (const s of subjects) {
      const own = items.filter((i) => i.subjectIds[0] === s.id);
      expect(own[0].hostOrgId).not.toBe(own[1].hostOrgId);
    }
  });

  it('starts the rotation after last term’s last host', () => {
    const items = proposeItems({ ...term2, breaks, hosts, subjects: [], quota: 3, lastHostId: 'b' });
    expect(items.map((i) => i.hostOrgId)).toEqual(['c', 'a', 'b']);
  });

  it('alternates demo lessons and topic reports, with Vietnamese content, place = host, 7:30 in person', () => {
    const items = proposeItems({ ...term2, breaks, hosts, subjects: subjects.slice(0, 1), quota: 2 });
    expect(items.map((i) => [i.kind, i.content])).toEqual([
      ['demo_lesson', 'Thao giảng, dự giờ môn Toán'],
      ['topic_report', 'Báo cáo chuyên đề môn Toán'],
    ]);
    expect(items[0]).toMatchObject({ place: hosts[0].name, proposedTime: '07:30', mode: 'in_person', presenterOrgId: 'a' });
  });

  it('mixes kinds over the term: each subject gets one demo lesson and one topic report, neighbours differ', () => {
    const items = proposeItems({ ...term2, breaks, hosts, subjects, quota: 2 });
    for (const s of subjects) {
      expect(
        items
          .filter((i) => i.subjectIds[0] === s.id)
          .map((i) => i.kind)
          .sort(),
      ).toEqual(['demo_lesson', 'topic_report']);
    }
    expect(items.slice(0, 5).map((i) => i.kind)).toEqual(['demo_lesson', 'topic_report', 'demo_lesson', 'topic_report', 'demo_lesson']);
    expect(items[1].content).toBe('Báo cáo chuyên đề môn Ngữ văn');
    expect(items[0].plannedCount).toBeNull();
    const counted = proposeItems({ ...term2, breaks, hosts, subjects: [{ id: 'toan', name: 'Toán', teachers: 12 }], quota: 2 });
    expect(counted.map((i) => i.plannedCount)).toEqual([12, 12]);
  });

  it('spreads a subject’s meetings over the term (one in each half)', () => {
    const items = proposeItems({ ...term2, breaks, hosts, subjects, quota: 2 });
    for (const s of subjects) {
      const [first, second] = items.filter((i) => i.subjectIds[0] === s.id).map((i) => i.proposedDate as string);
      expect(first < '2027-03-25').toBe(true);
      expect(second > '2027-03-25').toBe(true);
    }
  });

  it('avoids days on which the host already hosts', () => {
    const plain = proposeItems({ ...term2, breaks, hosts, subjects: [], quota: 1 });
    const day = plain[0].proposedDate as string;
    const items = proposeItems({ ...term2, breaks, hosts, subjects: [], quota: 1, busy: new Map([['a', new Set([day])]]) });
    expect(items[0].hostOrgId).toBe('a');
    expect(items[0].proposedDate).not.toBe(day);
    expect(breakOn(items[0].proposedDate as string, breaks)).toBeUndefined();
  });

  it('starts no earlier than `from` and still stays in the term', () => {
    const items = proposeItems({ ...term2, from: '2027-04-01', breaks, hosts, subjects, quota: 2 });
    expect(items).toHaveLength(10);
    for (const i of items) expect((i.proposedDate as string) >= '2027-04-01' && (i.proposedDate as string) <= term2.termEnd).toBe(true);
  });

  it('holds for many quotas and term shapes (dates never in a break, never outside the term, hosts balanced)', () => {
    for (let quota = 0; quota <= 6; quota++) {
      for (const n of [1, 2, 3, 5]) {
        const h = hosts.concat([{ id: 'd', name: 'D' }]).slice(0, n);
        const items = proposeItems({ ...term2, breaks, hosts: h, subjects, quota });
        expect(items).toHaveLength(quota * subjects.length);
        for (const i of items) {
          expect(i.proposedDate).not.toBeNull();
          expect(breakOn(i.proposedDate as string, breaks)).toBeUndefined();
          expect((i.proposedDate as string) >= term2.termStart && (i.proposedDate as string) <= term2.termEnd).toBe(true);
        }
        const counts = Object.values(countBy(items, (i) => i.hostOrgId as string));
        if (counts.length > 0) expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('proposes nothing for a zero quota and no dates when the term has no school day left', () => {
    expect(proposeItems({ ...term2, breaks, hosts, subjects, quota: 0 })).toEqual([]);
    const items = proposeItems({ ...term2, from: '2027-05-20', breaks, hosts, subjects: [], quota: 1 });
    expect(items[0].proposedDate).toBeNull();
  });
});

describe('shiftItems', () => {
  const term1 = { start: '2026-09-05', end: '2027-01-17' };
  it('moves dates by whole weeks into the new term, keeps hosts, stays clear of breaks', () => {
    const source = [
      { proposedDate: '2026-09-16', hostOrgId: 'a', content: 'x' },
      { proposedDate: '2026-10-07', hostOrgId: 'b', content: 'y' },
      { proposedDate: null, hostOrgId: 'c', content: 'z' },
    ];
    const out = shiftItems(source, {
      sourceTermStart: term1.start,
      targetTermStart: term2.termStart,
      targetTermEnd: term2.termEnd,
      breaks,
    });
    // 20 weeks later: 16/9 → 3/2 is in Tết, so the nearest school day after the break; 7/10 → 24/2.
    expect(out.map((i) => [i.proposedDate, i.hostOrgId])).toEqual([
      ['2027-02-15', 'a'],
      ['2027-02-24', 'b'],
      [null, 'c'],
    ]);
    expect(weekday('2027-02-24')).toBe(weekday('2026-10-07'));
  });

  it('clamps dates beyond the new term into it and never puts one host twice on a day', () => {
    const source = [
      { proposedDate: '2027-01-15', hostOrgId: 'a' },
      { proposedDate: '2027-01-15', hostOrgId: 'a' },
    ];
    const out = shiftItems(source, {
      sourceTermStart: term1.start,
      targetTermStart: term2.termStart,
      targetTermEnd: term2.termEnd,
      breaks,
    });
    const dates = out.map((i) => i.proposedDate as string);
    expect(new Set(dates).size).toBe(2);
    for (const d of dates) {
      expect(d <= term2.termEnd && d >= term2.termStart).toBe(true);
      expect(breakOn(d, breaks)).toBeUndefined();
    }
  });
});
