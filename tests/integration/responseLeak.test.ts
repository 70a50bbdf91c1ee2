import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMeetingWorld, type MeetingWorld, meetingInput } from '../helpers/meetingWorld';
import { clientPool } from '../helpers/minutesWorld';
import { createTestApp, type TestApp } from '../helpers/testApp';

/**
 * The class is closed: a service that returns a key its route does not declare (here the meeting's check-in secret,
 * an account's password hash, nested or at the top) does not leak, because Fastify serialises through the declared
 * zod schema. The services are wrapped to add those keys, as a careless change to a service or a query would.
 */
const SECRET = 'do-not-leak-0123456789abcdef';

vi.mock('../../src/server/modules/meetings/detail', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/server/modules/meetings/detail')>();
  return {
    ...real,
    get: async (...args: Parameters<typeof real.get>) => {
      const m = await real.get(...args);
      const invitations = m.invitations.map((i) => ({ ...i, person: { ...i.person, passwordHash: SECRET } }));
      return { ...m, checkinSecret: SECRET, invitations };
    },
    list: async (...args: Parameters<typeof real.list>) => (await real.list(...args)).map((m) => ({ ...m, checkinSecret: SECRET })),
  };
});

vi.mock('../../src/server/modules/people/service', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/server/modules/people/service')>();
  return {
    ...real,
    get: async (...args: Parameters<typeof real.get>) => ({ ...(await real.get(...args)), passwordHash: SECRET }),
  };
});

let t: TestApp;
let w: MeetingWorld;
let as: ReturnType<typeof clientPool>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildMeetingWorld(t.db);
  as = clientPool(t);
});
afterAll(() => t.close());

describe('undeclared keys never leave', () => {
  it('strips an undeclared secret from the meeting page, its invitations and the schedule', async () => {
    const c = await as(w.users.principal);
    const created = await c.post('/api/meetings', meetingInput(w));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const invited = await c.post(`/api/meetings/${id}/invitations`, { personIds: [w.users.teacher.person.id] });
    expect(invited.statusCode).toBe(201);
    const page = await c.get(`/api/meetings/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().invitations.length).toBeGreaterThan(0);
    const list = await c.get('/api/meetings');
    expect(list.statusCode).toBe(200);
    expect(list.json().length).toBeGreaterThan(0);
    for (const res of [created, page, list]) {
      expect(res.body).not.toContain(SECRET);
      expect(res.body).not.toContain('checkinSecret');
      expect(res.body).not.toContain('passwordHash');
    }
  });

  it('strips an undeclared password hash from a person page', async () => {
    const res = await (await as(w.users.principal)).get(`/api/people/${w.users.teacher.person.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().fullName).toBeTruthy();
    expect(res.body).not.toContain(SECRET);
  });
});
