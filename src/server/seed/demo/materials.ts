import { AlignmentType, Document, Packer, type Paragraph } from 'docx';
import type { MaterialFields } from '../../../shared/materials';
import type { Executor } from '../../db/client';
import { loadActor } from '../../lib/actor';
import { bodyParagraph, documentTitle, fieldLine, line, run } from '../../lib/documents/nd30';
import { findAccountByEmail } from '../../modules/auth/repo';
import { create, type StoredFile } from '../../modules/materials/service';
import * as schoolYearsRepo from '../../modules/schoolYears/repo';
import { CU_CHI_LOGINS } from './cuChi';

/** Stores a file's bytes where the library keeps its files; returns the hash and storage key. */
export type StoreBytes = (data: Buffer) => Promise<{ sha256: string; storageKey: string }>;

interface DemoMaterial {
  by: string;
  fields: Omit<MaterialFields, 'subjectId'> & { subject: string };
  fileName: string;
  heading: string[];
  sections: Array<[string, string[]]>;
}

/**
 * A few real-looking items of the library (issue 15, "the materials library has a few real-looking items"): lesson
 * plans laid out as Công văn 5512's Phụ lục IV (objectives, equipment, the activities with their four steps) and a
 * topic outline, shared by the demo teacher and team head at the reach a teacher would choose.
 */
const MATERIALS: DemoMaterial[] = [
  {
    by: CU_CHI_LOGINS.teacher,
    fileName: 'KHBD-Toan8-Dinh-li-Pythagore.docx',
    fields: {
      title: 'Kế hoạch bài dạy: Định lí Pythagore',
      materialKind: 'lesson_plan',
      subject: 'toan',
      grade: 8,
      textbookSeries: 'ket_noi',
      lesson: 'Bài 1. Định lí Pythagore (Chương VI)',
      description: 'Dạy theo nghiên cứu bài học, đã dạy minh họa tại THCS Hòa Phú; kèm phiếu học tập nhóm.',
      visibility: 'network',
    },
    heading: ['KẾ HOẠCH BÀI DẠY', 'Môn Toán, lớp 8 — Bài 1. Định lí Pythagore', 'Thời gian thực hiện: 2 tiết'],
    sections: [
      [
        'I. Mục tiêu',
        [
          '1. Kiến thức: phát biểu được định lí Pythagore thuận và đảo; nhận biết tam giác vuông khi biết độ dài ba cạnh.',
          '2. Năng lực: giải quyết vấn đề toán học khi tính độ dài cạnh; giao tiếp toán học khi trình bày lời giải theo nhóm.',
          '3. Phẩm chất: chăm chỉ, trung thực khi đo đạc và báo cáo kết quả.',
        ],
      ],
      [
        'II. Thiết bị dạy học và học liệu',
        ['Bộ ghép hình vuông trên ba cạnh tam giác vuông, thước, ê ke; phiếu học tập số 1 và 2; máy chiếu.'],
      ],
      [
        'III. Tiến trình dạy học',
        [
          'Hoạt động 1 (Mở đầu, 7 phút): bài toán chiếc thang dựa vào tường; học sinh dự đoán độ dài cần tìm.',
          'Hoạt động 2 (Hình thành kiến thức, 30 phút): ghép hình theo nhóm bốn, so sánh diện tích, rút ra định lí; giáo viên chốt.',
          'Hoạt động 3 (Luyện tập, 35 phút): phiếu học tập số 2, ba mức độ; nhóm trình bày, nhóm khác nhận xét.',
          'Hoạt động 4 (Vận dụng, 18 phút): đo đường chéo màn hình, kiểm tra góc vuông của bồn hoa trong sân trường.',
        ],
      ],
    ],
  },
  {
    by: CU_CHI_LOGINS.teamHead,
    fileName: 'Chuyen-de-Toan7-Duong-trung-tuyen.docx',
    fields: {
      title: 'Kế hoạch bài dạy: Tính chất ba đường trung tuyến của tam giác',
      materialKind: 'lesson_plan',
      subject: 'toan',
      grade: 7,
      textbookSeries: 'chan_troi',
      lesson: 'Bài 7. Tính chất ba đường trung tuyến của tam giác',
      description: 'Tiết dạy chuyên đề của Tổ Toán - Tin, đã chỉnh sửa sau góp ý của nhóm liên trường.',
      visibility: 'province',
    },
    heading: ['KẾ HOẠCH BÀI DẠY', 'Môn Toán, lớp 7 — Bài 7. Tính chất ba đường trung tuyến của tam giác', 'Thời gian thực hiện: 1 tiết'],
    sections: [
      [
        'I. Mục tiêu',
        [
          '1. Kiến thức: nhận biết đường trung tuyến, trọng tâm; tính chất trọng tâm cách mỗi đỉnh 2/3 độ dài trung tuyến.',
          '2. Năng lực: tư duy và lập luận toán học qua gấp giấy và đo đạc; sử dụng công cụ vẽ hình.',
          '3. Phẩm chất: hợp tác trong nhóm, trách nhiệm với nhiệm vụ được giao.',
        ],
      ],
      ['II. Thiết bị dạy học và học liệu', ['Giấy A4 hình tam giác, thước chia khoảng, phần mềm GeoGebra, phiếu học tập.']],
      [
        'III. Tiến trình dạy học',
        [
          'Hoạt động 1 (Mở đầu): thăng bằng tấm bìa tam giác trên đầu bút chì — điểm đặt ở đâu?',
          'Hoạt động 2 (Hình thành kiến thức): gấp giấy tìm trung điểm, vẽ ba trung tuyến, đo và lập tỉ số.',
          'Hoạt động 3 (Luyện tập): bài 1, 2, 3 sách giáo khoa; GeoGebra kiểm chứng với tam giác bất kì.',
          'Hoạt động 4 (Vận dụng): xác định trọng tâm của miếng gỗ hình tam giác cho giờ Công nghệ.',
        ],
      ],
    ],
  },
  {
    by: CU_CHI_LOGINS.teamHead,
    fileName: 'De-cuong-chuyen-de-Danh-gia-thuong-xuyen.docx',
    fields: {
      title: 'Đề cương chuyên đề: Đánh giá thường xuyên bằng phiếu học tập trong giờ Toán',
      materialKind: 'outline',
      subject: 'toan',
      grade: null,
      textbookSeries: null,
      lesson: null,
      description: 'Đề cương trình bày tại buổi sinh hoạt chuyên môn cụm; dùng cho các tổ xây dựng chuyên đề của trường.',
      visibility: 'network',
    },
    heading: ['ĐỀ CƯƠNG CHUYÊN ĐỀ', 'Đánh giá thường xuyên bằng phiếu học tập trong giờ Toán THCS'],
    sections: [
      [
        '1. Lí do chọn chuyên đề',
        ['Thông tư 22/2021/TT-BGDĐT coi trọng đánh giá thường xuyên; giáo viên còn lúng túng khi ghi nhận tiến bộ của học sinh.'],
      ],
      [
        '2. Nội dung',
        [
          'a) Thiết kế phiếu học tập ba mức độ gắn với yêu cầu cần đạt.',
          'b) Ghi nhận kết quả nhanh trong giờ học: bảng kiểm, thang đo.',
          'c) Phản hồi cho học sinh và điều chỉnh hoạt động dạy học.',
        ],
      ],
      ['3. Tổ chức thực hiện', ['Mỗi tổ dạy minh họa một tiết; nhóm liên trường dự, góp ý theo phiếu quan sát và tổng hợp kinh nghiệm.']],
    ],
  },
];

async function docxOf(m: DemoMaterial): Promise<Buffer> {
  const children: Paragraph[] = [...documentTitle(m.heading[0], m.heading.slice(1))];
  for (const [title, paragraphs] of m.sections) {
    children.push(line([run(title, { bold: true })], { align: AlignmentType.LEFT, before: 6, after: 6 }));
    for (const p of paragraphs) children.push(bodyParagraph(p, { indent: true }));
  }
  children.push(
    fieldLine(
      'Người soạn',
      m.by === CU_CHI_LOGINS.teacher ? 'Giáo viên Toán, THCS Hòa Phú' : 'Tổ trưởng Tổ Toán - Tin, THCS Tân Thạnh Đông',
    ),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/**
 * Puts the demo library's items in place: each file stored through `store`, then recorded as its author would share
 * it (the materials service with the author's own rights), so the owner school and province are the author's.
 */
export async function seedDemoMaterials(db: Executor, store: StoreBytes): Promise<number> {
  const subjects = new Map((await schoolYearsRepo.listSubjects(db)).map((s) => [s.code, s.id]));
  let n = 0;
  for (const m of MATERIALS) {
    const found = await findAccountByEmail(db, m.by);
    if (!found) continue;
    const actor = await loadActor(db, {
      accountId: found.account.id,
      personId: found.account.personId,
      fullName: found.fullName,
      isAdmin: found.account.isAdmin,
    });
    const data = await docxOf(m);
    const stored: StoredFile = {
      fileName: m.fileName,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: data.length,
      ...(await store(data)),
    };
    const { subject, ...fields } = m.fields;
    await create(db, actor, { ...fields, subjectId: subjects.get(subject) ?? null }, stored);
    n++;
  }
  return n;
}
