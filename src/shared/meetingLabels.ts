import type { MeetingKind, MeetingMode, MeetingStatus } from './enums';

/** Vietnamese labels of meeting kinds, modes and statuses, for documents and feeds (the UI uses i18n). */
const kinds: Record<MeetingKind, string> = {
  demo_lesson: 'Thao giảng, dự giờ',
  lesson_study: 'Nghiên cứu bài học',
  topic_report: 'Chuyên đề',
  workshop: 'Hội thảo',
  seminar: 'Tọa đàm',
  exchange: 'Giao lưu',
  exam_review: 'Ôn thi tốt nghiệp',
  gifted_training: 'Bồi dưỡng học sinh giỏi',
  remedial: 'Phụ đạo học sinh',
  experience_initiative: 'Sáng kiến kinh nghiệm',
  research: 'Nghiên cứu khoa học',
  teaching_aids: 'Làm đồ dùng dạy học',
  experiential: 'Trải nghiệm, hướng nghiệp',
  local_production: 'Dạy học gắn với sản xuất địa phương',
  dossier_display: 'Trưng bày hồ sơ, báo cáo video',
  extracurricular: 'Ngoại khóa, văn nghệ, thể thao',
  science_fair: 'Khoa học kỹ thuật',
  other: 'Khác',
};
const modes: Record<MeetingMode, string> = { in_person: 'Trực tiếp', online: 'Trực tuyến', hybrid: 'Kết hợp' };
const statuses: Record<MeetingStatus, string> = {
  draft: 'Nháp',
  scheduled: 'Đã lên lịch',
  held: 'Đã diễn ra',
  minutes_locked: 'Đã khóa biên bản',
  postponed: 'Tạm hoãn',
  cancelled: 'Đã hủy',
};

/** "Thao giảng, dự giờ" for demo_lesson… */
export const meetingKindLabel = (k: MeetingKind): string => kinds[k];
/** "Trực tiếp", "Trực tuyến", "Kết hợp". */
export const meetingModeLabel = (m: MeetingMode): string => modes[m];
/** "Đã lên lịch", "Tạm hoãn"… */
export const meetingStatusLabel = (s: MeetingStatus): string => statuses[s];
