import type { Executor } from '../db/client';
import { ensurePresets as ensureRubricPresets } from '../modules/rubrics/service';
import * as schoolYearsRepo from '../modules/schoolYears/repo';

/** Subjects of the 2018 general-education programme (GDPT 2018), with stable codes. */
export const SUBJECTS: Array<{ code: string; name: string }> = [
  { code: 'toan', name: 'Toán' },
  { code: 'ngu-van', name: 'Ngữ văn' },
  { code: 'tieng-viet', name: 'Tiếng Việt' },
  { code: 'tieng-anh', name: 'Tiếng Anh' },
  { code: 'khtn', name: 'Khoa học tự nhiên' },
  { code: 'vat-li', name: 'Vật lí' },
  { code: 'hoa-hoc', name: 'Hóa học' },
  { code: 'sinh-hoc', name: 'Sinh học' },
  { code: 'lich-su-dia-li', name: 'Lịch sử và Địa lí' },
  { code: 'lich-su', name: 'Lịch sử' },
  { code: 'dia-li', name: 'Địa lí' },
  { code: 'gdcd', name: 'Giáo dục công dân' },
  { code: 'gdktpl', name: 'Giáo dục kinh tế và pháp luật' },
  { code: 'tin-hoc', name: 'Tin học' },
  { code: 'cong-nghe', name: 'Công nghệ' },
  { code: 'gdtc', name: 'Giáo dục thể chất' },
  { code: 'am-nhac', name: 'Âm nhạc' },
  { code: 'mi-thuat', name: 'Mĩ thuật' },
  { code: 'hdtn-hn', name: 'Hoạt động trải nghiệm, hướng nghiệp' },
  { code: 'gdqp-an', name: 'Giáo dục quốc phòng và an ninh' },
  { code: 'dao-duc', name: 'Đạo đức' },
  { code: 'tnxh', name: 'Tự nhiên và Xã hội' },
  { code: 'khoa-hoc', name: 'Khoa học' },
];

/** Makes sure reference data every installation needs exists (idempotent). */
export async function ensureReferenceData(db: Executor): Promise<void> {
  await schoolYearsRepo.upsertSubjects(
    db,
    SUBJECTS.map((s, i) => ({ ...s, sortOrder: i + 1 })),
  );
  await ensureRubricPresets(db);
}
