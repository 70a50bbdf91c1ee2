import type { MinutesDocument } from './mau2';

/** A locked Mẫu 2 with every part filled, for tests of the PDF/A copy and its signature. */
export function minutesFixture(over: Partial<MinutesDocument> = {}): MinutesDocument {
  const startsAt = new Date('2026-10-15T07:30:00+07:00');
  return {
    body: { parent: 'UBND THÀNH PHỐ HỒ CHÍ MINH', name: 'TRƯỜNG THCS TÂN THẠNH ĐÔNG' },
    place: 'Thành phố Hồ Chí Minh',
    scope: 'Cụm Củ Chi 1 - Môn Toán',
    meetingTitle: 'Dạy học phân hóa trong tiết luyện tập hình học lớp 8',
    startsAt,
    endsAt: new Date('2026-10-15T10:30:00+07:00'),
    venue: 'Phòng họp Trường THCS Tân Thạnh Đông',
    bridgePoints: [],
    presenters: [{ name: 'Nguyễn Thị Hồng', unit: 'Trường THCS Tân Thạnh Đông', topic: 'Tiết minh họa' }],
    plannedCount: 12,
    actualCount: 11,
    absentees: [{ name: 'Trần Văn Bình', unit: 'Trường THCS Phú Hòa Đông', reason: 'ốm', excused: true }],
    discussion: '<p>Tiết dạy đạt mục tiêu; học sinh được chia nhóm theo mức độ.</p>',
    recommendations: '<p>Nhân rộng cách tổ chức nhóm ở các trường trong cụm.</p>',
    secretary: { title: 'Người ghi biên bản', name: 'Lê Thị Thu' },
    chair: { title: 'Chủ trì', name: 'Phạm Quốc Dũng' },
    participants: [
      { name: 'Lê Thị Thu', unit: 'Trường THCS Tân Thạnh Đông', role: 'Thư ký', signedAt: startsAt },
      { name: 'Phạm Quốc Dũng', unit: 'Trường THCS Tân Thạnh Đông', role: 'Chủ trì', signedAt: startsAt },
    ],
    locked: true,
    lockedAt: startsAt,
    textHash: 'a'.repeat(64),
    electronic: {
      verifyUrl: `http://127.0.0.1:3000/verify/minutes/00000000-0000-4000-8000-000000000001?h=${'a'.repeat(64)}`,
      seal: { signer: 'Trường THCS Tân Thạnh Đông', org: 'Trường THCS Tân Thạnh Đông', signedAt: new Date('2026-10-16T09:00:00+07:00') },
    },
    ...over,
  };
}
