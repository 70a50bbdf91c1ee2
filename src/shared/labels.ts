/** Vietnamese labels of input fields, used in validation messages ("«Tên đơn vị» là bắt buộc") and in forms. */
export const fieldLabels: Record<string, string> = {
  email: 'Email',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  code: 'Mã',
  name: 'Tên',
  shortName: 'Tên viết tắt',
  type: 'Loại đơn vị',
  levels: 'Cấp học',
  address: 'Địa chỉ',
  phone: 'Số điện thoại',
  parentId: 'Đơn vị cấp trên',
  validFrom: 'Ngày bắt đầu hiệu lực',
  validTo: 'Ngày kết thúc hiệu lực',
  startDate: 'Ngày bắt đầu',
  endDate: 'Ngày kết thúc',
  terms: 'Học kỳ',
  number: 'Số học kỳ',
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  subjectIds: 'Môn giảng dạy',
  positions: 'Chức vụ',
  position: 'Chức vụ',
  orgId: 'Đơn vị',
  personId: 'Người',
  isAdmin: 'Quyền quản trị',
  kind: 'Loại mạng lưới',
  schoolYearId: 'Năm học',
  supervisingOrgId: 'Đơn vị quản lý',
  parentNetworkId: 'Mạng lưới cấp trên',
  leadOrgId: 'Đơn vị nhóm trưởng',
  leadershipMode: 'Cách chọn trưởng',
  decisionNumber: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  description: 'Mô tả',
  memberOrgIds: 'Đơn vị thành viên',
  leaders: 'Lãnh đạo mạng lưới',
  role: 'Vai trò',
  q: 'Từ khóa',
  date: 'Ngày',
  after: 'Vị trí trang',
  limit: 'Số dòng mỗi trang',
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
  locale: 'Ngôn ngữ',
  file: 'Tệp',
  title: 'Tiêu đề',
  notes: 'Ghi chú',
  items: 'Các buổi sinh hoạt',
  content: 'Nội dung',
  grade: 'Khối lớp',
  hostOrgId: 'Đơn vị tổ chức',
  presenterPersonId: 'Người thực hiện',
  presenterOrgId: 'Đơn vị thực hiện',
  proposedDate: 'Ngày dự kiến',
  proposedTime: 'Giờ dự kiến',
  place: 'Địa điểm',
  mode: 'Hình thức',
  plannedCount: 'Số GV dự kiến',
  termNumber: 'Học kỳ',
  networkId: 'Mạng lưới',
  comment: 'Ý kiến',
  reason: 'Lý do',
  meetingId: 'Buổi sinh hoạt',
  status: 'Trạng thái',
  // reports
  documentNumber: 'Số báo cáo',
  advantages: 'Những thuận lợi và khó khăn',
  photoIds: 'Ảnh hoạt động',
  // rules
  preset: 'Mẫu quy định',
  quotas: 'Số buổi tối thiểu',
  target: 'Đối tượng',
  per: 'Tính theo',
  minCount: 'Số buổi tối thiểu',
  perSubject: 'Tính cho từng môn',
  teamIntervalDays: 'Số ngày giữa hai lần sinh hoạt tổ',
  planDueDate: 'Hạn nộp kế hoạch',
  preparationDaysBefore: 'Số ngày nộp báo cáo chuẩn bị trước buổi',
  term1ReportDue: 'Hạn báo cáo học kỳ I',
  yearReportDue: 'Hạn báo cáo năm học',
  dossierDaysBefore: 'Số ngày nộp hồ sơ trước buổi',
  breaks: 'Thời gian nghỉ',
  // programme (Phụ lục I) and inspections (Phụ lục II)
  unitOrgId: 'Đơn vị',
  subjectId: 'Môn học',
  level: 'Cấp học',
  month: 'Tháng',
  label: 'Địa bàn',
  areaOrgIds: 'Đơn vị trên địa bàn',
  areaId: 'Địa bàn kiểm tra',
  visitDate: 'Ngày kiểm tra',
  inspectors: 'Thành viên đoàn kiểm tra',
  checklist: 'Nội dung kiểm tra',
  rating: 'Mức đánh giá',
  finding: 'Nhận xét',
  findings: 'Nhận xét chung',
  recommendations: 'Kiến nghị',
  documentKind: 'Loại tài liệu',
  provinceOrgId: 'Sở GD&ĐT',
  // plan proposals
  termId: 'Học kỳ',
  count: 'Số buổi',
  // notifications
  preferences: 'Cài đặt thông báo',
  category: 'Loại thông báo',
  channel: 'Cách nhận thông báo',
  // lesson study and observations
  observedAt: 'Thời điểm ghi',
  text: 'Nội dung ghi chép',
  tags: 'Hoạt động của bài học',
  seat: 'Chỗ ngồi',
  photo: 'Ảnh',
  bodyHtml: 'Nội dung kế hoạch bài dạy',
  layout: 'Sơ đồ lớp',
  rows: 'Số dãy bàn',
  cols: 'Số bàn mỗi dãy',
  groupNames: 'Tên nhóm',
  step: 'Bước nghiên cứu bài học',
  from: 'Từ ngày',
  to: 'Đến ngày',
  teacherShare: 'Giáo viên dạy minh họa chia sẻ',
  evidence: 'Minh chứng từ phiếu quan sát',
  expertView: 'Ý kiến chuyên gia',
  // rubrics, materials, panels
  ownerOrgId: 'Đơn vị ban hành',
  purpose: 'Mục đích sử dụng',
  noGrading: 'Không chấm điểm',
  groups: 'Nhóm tiêu chí',
  criteria: 'Tiêu chí',
  maxPoints: 'Điểm tối đa',
  materialKind: 'Loại học liệu',
  textbookSeries: 'Bộ sách giáo khoa',
  lesson: 'Bài học',
  visibility: 'Phạm vi chia sẻ',
  attachmentId: 'Tệp đính kèm',
  atSeconds: 'Thời điểm trong video',
  body: 'Nội dung nhận xét',
  organiserOrgId: 'Đơn vị tổ chức',
  eventDate: 'Ngày tổ chức',
  submissionDeadline: 'Hạn nộp hồ sơ',
  selectCount: 'Số tổ được chọn',
  rubricId: 'Bộ tiêu chí chấm',
  headPersonId: 'Tổ trưởng tổ điều hành',
  memberIds: 'Thành viên tổ điều hành',
  teamOrgId: 'Tổ chuyên môn',
  presenterIds: 'Người báo cáo',
  dossier: 'Hồ sơ',
  part: 'Thành phần hồ sơ',
  url: 'Đường dẫn',
  materialId: 'Học liệu',
  points: 'Điểm',
  entryIds: 'Các tổ được chọn',
};

/** The label of a field path: the last non-numeric segment's label, with row numbers for array items. */
export function labelOf(path: string): string {
  const parts = path.split('.').filter(Boolean);
  const named = [...parts].reverse().find((p) => !/^\d+$/.test(p));
  const base = named ? (fieldLabels[named] ?? named) : 'Dữ liệu';
  const index = parts.find((p) => /^\d+$/.test(p));
  return index === undefined ? base : `${base} (mục ${Number(index) + 1})`;
}

export const orgTypeLabels = {
  province_department: 'Sở GD&ĐT',
  district_office: 'Phòng GD&ĐT',
  commune: 'UBND xã/phường',
  school: 'Trường',
  center: 'Trung tâm GDNN-GDTX',
  team: 'Tổ chuyên môn',
} as const;

export const levelLabels = {
  preschool: 'Mầm non',
  primary: 'TH',
  lower_secondary: 'THCS',
  upper_secondary: 'THPT',
} as const;

export const positionLabels = {
  principal: 'Hiệu trưởng',
  vice_principal: 'Phó hiệu trưởng',
  team_head: 'Tổ trưởng',
  team_deputy: 'Tổ phó',
  teacher: 'Giáo viên',
  office_leader: 'Lãnh đạo phòng/sở',
  specialist: 'Chuyên viên',
} as const;

/** The office leader's title as each office writes it (a Sở, a Phòng GD&ĐT before 1/7/2025, a commune's UBND after). */
export const officeLeaderLabels = {
  province_department: 'Lãnh đạo Sở',
  district_office: 'Lãnh đạo Phòng',
  commune: 'Lãnh đạo UBND xã',
} as const;

/** A position's label in an org of a given type: the office leader is named after the office kind. */
export function positionLabelIn(position: keyof typeof positionLabels, orgType?: string | null): string {
  if (position === 'office_leader' && orgType && orgType in officeLeaderLabels)
    return officeLeaderLabels[orgType as keyof typeof officeLeaderLabels];
  return positionLabels[position];
}

export const networkKindLabels = {
  cluster: 'Cụm chuyên môn',
  school_group: 'Nhóm liên trường',
  district_group: 'Nhóm trường theo huyện',
  custom: 'Mạng lưới khác',
} as const;

export const networkRoleLabels = { leader: 'Trưởng', deputy: 'Phó' } as const;
