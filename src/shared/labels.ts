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

export const networkKindLabels = {
  cluster: 'Cụm chuyên môn',
  school_group: 'Nhóm liên trường',
  district_group: 'Nhóm trường theo huyện',
  custom: 'Mạng lưới khác',
} as const;

export const networkRoleLabels = { leader: 'Trưởng', deputy: 'Phó' } as const;
