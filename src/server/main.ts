import { buildApp } from './app';
import { loadConfig } from './config';
import { migrateDatabase, openDatabase } from './db/client';
import { createFileStore } from './lib/files/create';
import { createMailer } from './lib/mail';
import { storeMaterialFile } from './modules/materials/files';
import { startScheduler } from './modules/notifications/scheduler';
import { seedFirstStart } from './seed/bootstrap';
import { seedDemoMaterials } from './seed/demo/materials';
import { ensureReferenceData } from './seed/reference';

/** Starts Liên Trường: opens and migrates the database, seeds on first start, serves the API and the web UI. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  await migrateDatabase(database, config.databaseUrl);
  await ensureReferenceData(database.db);
  const lines: string[] = [];
  const first = await seedFirstStart(database, config.seedDemo);
  if (first?.kind === 'demo') {
    // The library's demo items are files too: stored in DATA_DIR, then recorded (outside the seed's transaction).
    const files = createFileStore(config);
    await seedDemoMaterials(database.db, (data) => storeMaterialFile(files, data));
    lines.push(`Dữ liệu mẫu đã được tạo. Tài khoản dùng thử (mật khẩu chung: ${first.password}):`);
    for (const l of first.accounts) lines.push(`  - ${l.role.padEnd(34)} ${l.email}`);
  } else if (first?.kind === 'admin') {
    lines.push(`Tài khoản quản trị đầu tiên: ${first.email} / mật khẩu: ${first.password} (hãy đổi ngay sau khi đăng nhập)`);
  }
  const mailer = createMailer(config.smtpUrl, config.mailFrom, (m) => console.log(`[mail] to=${m.to} subject=${m.subject}`));
  const app = await buildApp({ database, config, mailer });
  await app.listen({ host: config.host, port: config.port });
  const scheduler = startScheduler({ database, config, mailer }, (err) => app.log.error({ err }, 'scheduler tick failed'));
  const where = database.kind === 'pglite' ? `PGlite nhúng tại ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  if (lines.length === 0) lines.push('Đăng nhập bằng tài khoản đã có (tài khoản dùng thử: xem README.md).');
  console.log(
    [
      '',
      `Liên Trường đang chạy: ${config.publicUrl}  (cơ sở dữ liệu: ${where})`,
      `Đăng nhập: ${config.publicUrl}/login · Tài liệu API: ${config.publicUrl}/api/docs`,
      ...lines,
      '',
    ].join('\n'),
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await scheduler.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
