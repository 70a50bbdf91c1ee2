import type { MeetingKind } from '../../src/shared/enums';
import type { Level } from './world';

/** The 34 provinces and cities after the merger of 1/7/2025. */
export const PROVINCES = [
  'Hà Nội',
  'Huế',
  'Lai Châu',
  'Điện Biên',
  'Sơn La',
  'Lạng Sơn',
  'Quảng Ninh',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Cao Bằng',
  'Tuyên Quang',
  'Lào Cai',
  'Thái Nguyên',
  'Phú Thọ',
  'Bắc Ninh',
  'Hưng Yên',
  'Hải Phòng',
  'Ninh Bình',
  'Quảng Trị',
  'Đà Nẵng',
  'Quảng Ngãi',
  'Gia Lai',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đắk Lắk',
  'Thành phố Hồ Chí Minh',
  'Đồng Nai',
  'Tây Ninh',
  'Cần Thơ',
  'Vĩnh Long',
  'Đồng Tháp',
  'Cà Mau',
  'An Giang',
];

const PLACE_A = [
  'Tân',
  'Phú',
  'An',
  'Hòa',
  'Bình',
  'Long',
  'Thạnh',
  'Vĩnh',
  'Mỹ',
  'Phước',
  'Thái',
  'Hưng',
  'Xuân',
  'Quang',
  'Minh',
  'Đông',
];
const PLACE_B = [
  'Lợi',
  'Thành',
  'Hiệp',
  'Hưng',
  'Thịnh',
  'Lộc',
  'Điền',
  'Sơn',
  'Hải',
  'Lâm',
  'Tiến',
  'Đức',
  'Thuận',
  'Quý',
  'Khánh',
  'Nghĩa',
];

/** A commune's place name ("Tân Lợi"), from its index. */
export function placeName(c: number): string {
  return `${PLACE_A[c % PLACE_A.length]} ${PLACE_B[Math.floor(c / PLACE_A.length) % PLACE_B.length]}`;
}

/** People schools are often named after. */
export const NAMESAKES = [
  'Lê Lợi',
  'Nguyễn Du',
  'Trần Hưng Đạo',
  'Lê Quý Đôn',
  'Chu Văn An',
  'Nguyễn Trãi',
  'Lý Thường Kiệt',
  'Quang Trung',
  'Hai Bà Trưng',
  'Võ Thị Sáu',
  'Nguyễn Thị Minh Khai',
  'Kim Đồng',
  'Trần Phú',
  'Phan Bội Châu',
  'Phan Châu Trinh',
  'Huỳnh Thúc Kháng',
  'Nguyễn Đình Chiểu',
  'Ngô Quyền',
  'Lê Hồng Phong',
  'Nguyễn Văn Trỗi',
  'Trần Quốc Toản',
  'Nguyễn Khuyến',
  'Tô Hiến Thành',
  'Mạc Đĩnh Chi',
  'Lương Thế Vinh',
  'Nguyễn Bỉnh Khiêm',
  'Trương Định',
  'Đoàn Thị Điểm',
  'Nguyễn Hiền',
  'Lý Tự Trọng',
];

export const LEVEL_LABEL: Record<Level, string> = {
  primary: 'Tiểu học',
  lower_secondary: 'Trung học cơ sở',
  upper_secondary: 'Trung học phổ thông',
};

export const LEVEL_CODE: Record<Level, string> = { primary: 'TH', lower_secondary: 'THCS', upper_secondary: 'THPT' };

/** The four subject teams of a school of each level, with the subjects (reference codes) each covers. */
export const TEAMS: Record<Level, Array<{ name: string; subjects: string[] }>> = {
  primary: [
    { name: 'Tổ khối 1', subjects: ['tieng-viet', 'toan', 'dao-duc', 'tnxh'] },
    { name: 'Tổ khối 2–3', subjects: ['toan', 'tieng-viet', 'tnxh'] },
    { name: 'Tổ khối 4–5', subjects: ['toan', 'tieng-viet', 'khoa-hoc', 'lich-su-dia-li'] },
    { name: 'Tổ chuyên biệt', subjects: ['tieng-anh', 'tin-hoc', 'am-nhac', 'mi-thuat', 'gdtc'] },
  ],
  lower_secondary: [
    { name: 'Tổ Toán – Tin học', subjects: ['toan', 'tin-hoc'] },
    { name: 'Tổ Ngữ văn – Lịch sử và Địa lí – GDCD', subjects: ['ngu-van', 'lich-su-dia-li', 'gdcd'] },
    { name: 'Tổ Khoa học tự nhiên – Công nghệ', subjects: ['khtn', 'cong-nghe'] },
    { name: 'Tổ Ngoại ngữ – Nghệ thuật – Thể chất', subjects: ['tieng-anh', 'am-nhac', 'mi-thuat', 'gdtc'] },
  ],
  upper_secondary: [
    { name: 'Tổ Toán – Tin học', subjects: ['toan', 'tin-hoc'] },
    { name: 'Tổ Ngữ văn – Lịch sử – Địa lí – GDKT&PL', subjects: ['ngu-van', 'lich-su', 'dia-li', 'gdktpl'] },
    { name: 'Tổ Vật lí – Hóa học – Sinh học – Công nghệ', subjects: ['vat-li', 'hoa-hoc', 'sinh-hoc', 'cong-nghe'] },
    { name: 'Tổ Ngoại ngữ – GDTC – GDQP-AN', subjects: ['tieng-anh', 'gdtc', 'gdqp-an'] },
  ],
};

/** Subject names by reference code (titles only; the ids come from the subjects table). */
export const SUBJECT_NAME: Record<string, string> = {
  toan: 'Toán',
  'ngu-van': 'Ngữ văn',
  'tieng-viet': 'Tiếng Việt',
  'tieng-anh': 'Tiếng Anh',
  khtn: 'Khoa học tự nhiên',
  'vat-li': 'Vật lí',
  'hoa-hoc': 'Hóa học',
  'sinh-hoc': 'Sinh học',
  'lich-su-dia-li': 'Lịch sử và Địa lí',
  'lich-su': 'Lịch sử',
  'dia-li': 'Địa lí',
  gdcd: 'Giáo dục công dân',
  gdktpl: 'Giáo dục kinh tế và pháp luật',
  'tin-hoc': 'Tin học',
  'cong-nghe': 'Công nghệ',
  gdtc: 'Giáo dục thể chất',
  'am-nhac': 'Âm nhạc',
  'mi-thuat': 'Mĩ thuật',
  'gdqp-an': 'Giáo dục quốc phòng và an ninh',
  'dao-duc': 'Đạo đức',
  tnxh: 'Tự nhiên và Xã hội',
  'khoa-hoc': 'Khoa học',
};

/** Kinds a team or a network meeting is drawn from, with the label that opens its title. */
export const TEAM_KINDS: Array<[MeetingKind, string]> = [
  ['topic_report', 'Chuyên đề'],
  ['topic_report', 'Chuyên đề'],
  ['demo_lesson', 'Dạy minh họa'],
  ['lesson_study', 'Nghiên cứu bài học'],
  ['exchange', 'Trao đổi chuyên môn'],
  ['exam_review', 'Thống nhất đề kiểm tra'],
];
export const NETWORK_KINDS: Array<[MeetingKind, string]> = [
  ['demo_lesson', 'Dạy minh họa'],
  ['topic_report', 'Chuyên đề'],
  ['seminar', 'Tọa đàm'],
  ['lesson_study', 'Nghiên cứu bài học'],
  ['workshop', 'Hội thảo'],
];

export const TOPICS = [
  'Đổi mới phương pháp dạy học theo hướng phát triển năng lực',
  'Kiểm tra, đánh giá học sinh theo chương trình GDPT 2018',
  'Ứng dụng công nghệ thông tin trong dạy học',
  'Dạy học STEM',
  'Xây dựng kế hoạch bài dạy theo Công văn 5512',
  'Bồi dưỡng học sinh giỏi',
  'Phụ đạo học sinh chưa đạt yêu cầu',
  'Dạy học phân hóa',
  'Giáo dục kĩ năng sống qua bài học',
  'Sử dụng thiết bị dạy học hiệu quả',
  'Dạy học tích hợp liên môn',
  'Ôn tập và kiểm tra cuối học kỳ',
];

export const EXCUSED_REASONS = ['Ốm', 'Con ốm', 'Đi công tác', 'Tập huấn tại Sở', 'Việc gia đình', 'Trùng lịch dạy'];
export const ABSENT_REASONS = ['Không báo lý do', 'Quên lịch sinh hoạt', 'Không liên lạc được'];
export const CANCEL_REASONS = ['Trùng lịch kiểm tra học kỳ', 'Mưa bão, học sinh nghỉ học', 'Báo cáo viên bị ốm'];
export const POSTPONE_REASONS = ['Dời do trùng lịch hội nghị của Sở', 'Dời theo đề nghị của trường chủ trì'];
