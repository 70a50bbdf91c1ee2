import { type AppProcess, sleep } from './app';
import { type User, vietnameseError } from './http';
import type { PrivatePostgres } from './pg';
import type { Result } from './result';

const RECOVERY_LIMIT_S = 10;

/**
 * Scenario c: users keep reading and writing while the private PostgreSQL is stopped (fast shutdown: connections cut),
 * kept down 3 s, and started again. Failures during the outage are expected and counted; the app must answer 2xx
 * again within RECOVERY_LIMIT_S seconds of the database being back, without being restarted, and /api/health must
 * go 503 during the outage and 200 after. Every failed request must be a JSON answer with a Vietnamese message.
 */
/** When the last failure came, relative to the database being back (it may come just before pg_ctl returns). */
function lastFailureText(ms: number): string {
  return ms >= 0 ? `${(ms / 1000).toFixed(1)} s sau khi CSDL chạy lại` : `${(-ms / 1000).toFixed(1)} s trước khi pg_ctl báo đã chạy lại`;
}

export async function databaseRestart(app: AppProcess, pg: PrivatePostgres, users: User[], meetingIds: string[]): Promise<Result> {
  const pidBefore = app.pid;
  const startsBefore = app.starts;
  const t0 = Date.now();
  let stopAt = 0;
  let backAt = 0;
  let stopLoad = false;
  const answers: Array<{ at: number; ok: boolean; status: number; vietnamese: boolean }> = [];
  const health: Array<{ at: number; status: number }> = [];

  const load = users.map(async (user, i) => {
    await sleep(i * 10);
    while (!stopLoad) {
      const url =
        Math.random() < 0.5 ? '/api/meetings/mine' : `/api/meetings/${meetingIds[Math.floor(Math.random() * meetingIds.length)]}/minutes`;
      const write = Math.random() < 0.25;
      const a = write
        ? await user.send('POST', `/api/meetings/${meetingIds[Math.floor(Math.random() * meetingIds.length)]}/minutes/sign`, {}, 10_000)
        : await user.send('GET', url, undefined, 10_000);
      const ok = a.status >= 200 && a.status < 300;
      answers.push({ at: Date.now(), ok, status: a.status, vietnamese: !ok && vietnameseError(a.body) });
      await sleep(50 + Math.random() * 100);
    }
  });
  const poller = (async () => {
    while (!stopLoad) {
      health.push({ at: Date.now(), status: await app.health() });
      await sleep(100);
    }
  })();

  await sleep(5000);
  stopAt = Date.now();
  pg.stop();
  await sleep(3000);
  pg.start();
  backAt = Date.now();
  await sleep(15_000);
  stopLoad = true;
  await Promise.all([...load, poller]);

  const before = answers.filter((a) => a.at < stopAt);
  const failures = answers.filter((a) => !a.ok);
  const lateFailures = failures.filter((a) => a.at > backAt + RECOVERY_LIMIT_S * 1000);
  const lastFailure = failures.length ? Math.max(...failures.map((a) => a.at)) : backAt;
  const firstOkAfter = answers.filter((a) => a.ok && a.at > backAt).map((a) => a.at);
  const recovery = firstOkAfter.length ? (Math.min(...firstOkAfter) - backAt) / 1000 : Number.POSITIVE_INFINITY;
  const saw503 = health.some((h) => h.status === 503 && h.at >= stopAt && h.at <= backAt + RECOVERY_LIMIT_S * 1000);
  const healthAfter = health.filter((h) => h.at > backAt + RECOVERY_LIMIT_S * 1000);
  const healthyAfter = healthAfter.length > 0 && healthAfter.every((h) => h.status === 200);
  const firstHealthy = health.find((h) => h.at > backAt && h.status === 200);
  const byStatus = new Map<string, number>();
  for (const f of failures) byStatus.set(String(f.status || 'socket'), (byStatus.get(String(f.status || 'socket')) ?? 0) + 1);
  const sameProcess = app.pid === pidBefore && app.starts === startsBefore && app.alive;
  const lines = [
    `${users.length} người dùng, ${answers.length} yêu cầu trong ${((Date.now() - t0) / 1000).toFixed(1)} s; PostgreSQL dừng (fast) ở giây ${((stopAt - t0) / 1000).toFixed(1)}, chạy lại ở giây ${((backAt - t0) / 1000).toFixed(1)}`,
    `lỗi trước sự cố: ${before.filter((a) => !a.ok).length}/${before.length} · lỗi trong sự cố (dự kiến): ${failures.length} (${[...byStatus].map(([s, n]) => `${s}: ${n}`).join(', ')}), trong đó có thông báo tiếng Việt: ${failures.filter((f) => f.vietnamese).length}`,
    `phục hồi: yêu cầu 2xx đầu tiên ${recovery.toFixed(1)} s sau khi CSDL chạy lại; lỗi cuối cùng ${lastFailureText(lastFailure - backAt)}; lỗi sau ${RECOVERY_LIMIT_S} s: ${lateFailures.length}`,
    `/api/health: 503 trong sự cố: ${saw503 ? 'có' : 'không'} · 200 trở lại sau ${firstHealthy ? ((firstHealthy.at - backAt) / 1000).toFixed(1) : '—'} s · luôn 200 sau ${RECOVERY_LIMIT_S} s: ${healthyAfter ? 'có' : 'không'}`,
    `ứng dụng vẫn chạy, không khởi động lại (cùng PID ${pidBefore}): ${sameProcess ? 'đúng' : 'sai'}`,
  ];
  return {
    name: 'c. Khởi động lại PostgreSQL khi đang có tải',
    pass:
      before.every((a) => a.ok) &&
      failures.every((f) => f.vietnamese) &&
      before.length > 0 &&
      lateFailures.length === 0 &&
      recovery <= RECOVERY_LIMIT_S &&
      saw503 &&
      healthyAfter &&
      sameProcess,
    lines,
  };
}
