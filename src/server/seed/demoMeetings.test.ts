import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/testApp';
import { queryRows } from '../db/client';
import { seedDemo } from './demo';

/** The demo meetings of Nhóm liên trường số 1: held ones with attendance, coming ones with invitations. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.db.transaction((tx) => seedDemo(tx));
});
afterAll(() => t.close());

describe('demo meetings', () => {
  it('the demo teacher is invited to the two coming meetings, one of them hybrid from a bridge point', async () => {
    const rows = await queryRows<{ title: string; mode: string; venue: string; central: boolean; url: string | null }>(
      t.db,
      sql`select m.title, m.mode::text as mode, v.name as venue, v.is_central as central, v.online_url as url
          from invitations i join meetings m on m.id = i.meeting_id join venues v on v.id = i.venue_id
          join accounts a on a.person_id = i.person_id
          where a.email = 'giaovien@lientruong.vn' and m.status = 'scheduled' order by m.starts_at`,
    );
    expect(rows).toEqual([
      {
        title: 'Nghiên cứu bài học: Hàm số bậc nhất (Toán 9)',
        mode: 'hybrid',
        venue: 'Điểm cầu Trường THCS Hòa Phú',
        central: false,
        url: 'https://meet.example.edu.vn/nhom1-toan-hoa-phu',
      },
      {
        title: 'Giao lưu: Kinh nghiệm ôn thi vào lớp 10 môn Toán',
        mode: 'in_person',
        venue: 'Trường THCS Tân Thạnh Đông — Thư viện',
        central: true,
        url: null,
      },
    ]);
  });

  it('the held demo lesson has attendance for every invitee, two absent with reasons, and Toán as subject', async () => {
    const [m] = await queryRows<{
      id: string;
      planned: number;
      invited: number;
      recorded: number;
      subject: string;
      chair: string;
      secretary: string;
    }>(
      t.db,
      sql`select m.id, m.planned_count as planned,
            (select count(*)::int from invitations i where i.meeting_id = m.id) as invited,
            (select count(*)::int from attendance a where a.meeting_id = m.id) as recorded,
            (select s.name from meeting_subjects ms join subjects s on s.id = ms.subject_id where ms.meeting_id = m.id) as subject,
            (select full_name from people where id = m.chair_person_id) as chair,
            (select full_name from people where id = m.secretary_person_id) as secretary
          from meetings m where m.title = 'Thao giảng Toán 8: Định lí Pythagore'`,
    );
    expect(m.invited).toBe(m.planned);
    expect(m.recorded).toBe(m.invited);
    expect(m.invited).toBeGreaterThanOrEqual(9);
    expect(m.subject).toBe('Toán');
    expect(m.chair).toBe('Hồ Văn Nghĩa');
    expect(m.secretary).toBeTruthy();
    const absent = await queryRows<{ status: string; reason: string }>(
      t.db,
      sql`select status::text as status, reason from attendance where meeting_id = ${m.id} and status in ('excused', 'absent') order by status`,
    );
    expect(absent).toEqual([
      { status: 'absent', reason: 'Trùng lịch coi kiểm tra giữa kỳ' },
      { status: 'excused', reason: 'Ốm, có giấy xin phép' },
    ]);
  });
});
