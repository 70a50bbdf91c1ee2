import type { Executor } from '../../db/client';
import * as outboxRepo from '../../modules/notifications/outboxRepo';

/**
 * One invitation e-mail the mail server refused at every attempt (a mistyped school address), so the administrator's
 * "Việc cần làm" and the outbox page have something real to look at: fix the address in the person's record, resend.
 */
export async function buildDemoOutbox(db: Executor, today: string): Promise<void> {
  const [key] = await outboxRepo.enqueue(db, [
    {
      dedupeKey: `demo:failed-invitation:${today}`,
      personId: null,
      toAddress: 'thuvien.thcshoaphu@lientruong.vn.vn',
      subject: 'Thư mời dự sinh hoạt chuyên môn: Chuyên đề Toán 8',
      text: 'Kính mời thầy/cô dự buổi sinh hoạt chuyên môn của Nhóm liên trường số 1.',
    },
  ]);
  if (key) await outboxRepo.markFailedByKey(db, key, '550 5.1.1 Địa chỉ người nhận không tồn tại (thuvien.thcshoaphu@lientruong.vn.vn)');
}
