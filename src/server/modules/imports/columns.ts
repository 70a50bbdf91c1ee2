import { ORG_TYPES, type OrgType, POSITIONS, type Position, SCHOOL_LEVELS, type SchoolLevel } from '../../../shared/enums';
import { levelLabels, officeLeaderLabels, orgTypeLabels, positionLabels } from '../../../shared/labels';

/** What can be imported. */
export const IMPORT_KINDS = ['orgs', 'staff'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One column of an import file: its key in code, the Vietnamese header, and help for the "Hướng dẫn" sheet. */
export interface ColumnSpec {
  key: string;
  header: string;
  required: boolean;
  help: string;
  width: number;
}

export const ORG_COLUMNS: readonly ColumnSpec[] = [
  { key: 'code', header: 'Mã đơn vị', required: true, width: 16, help: 'Mã duy nhất của đơn vị; dùng để nhận ra đơn vị khi nhập lại.' },
  { key: 'name', header: 'Tên đơn vị', required: true, width: 36, help: 'Tên đầy đủ, ví dụ: Trường THCS Tân Thạnh Đông.' },
  {
    key: 'type',
    header: 'Loại đơn vị',
    required: true,
    width: 20,
    help: `Một trong: ${ORG_TYPES.map((t) => orgTypeLabels[t]).join('; ')}.`,
  },
  {
    key: 'levels',
    header: 'Cấp học',
    required: false,
    width: 14,
    help: `Bắt buộc với trường: ${SCHOOL_LEVELS.map((l) => levelLabels[l]).join(', ')}; nhiều cấp cách nhau bằng dấu phẩy (TH, THCS).`,
  },
  {
    key: 'parentCode',
    header: 'Mã đơn vị cấp trên',
    required: true,
    width: 18,
    help: 'Mã của đơn vị cấp trên đã có trong hệ thống, hoặc của một dòng khác trong cùng tệp.',
  },
  {
    key: 'linkFrom',
    header: 'Trực thuộc từ ngày',
    required: false,
    width: 16,
    help: 'Ngày bắt đầu trực thuộc đơn vị cấp trên (dd/mm/yyyy); chỉ dùng khi tạo đơn vị hoặc chuyển sang đơn vị cấp trên khác. Để trống: ngày «Hiệu lực từ ngày» nếu có, nếu không là ngày đầu năm học hiện tại (xem dòng «Mặc định» bên dưới).',
  },
  {
    key: 'validFrom',
    header: 'Hiệu lực từ ngày',
    required: false,
    width: 16,
    help: 'Ngày đơn vị bắt đầu hoạt động (dd/mm/yyyy), ví dụ 01/07/2025 cho UBND xã mới. Để trống: giữ ngày đã có; đơn vị mới thì không giới hạn.',
  },
  {
    key: 'validTo',
    header: 'Hiệu lực đến ngày',
    required: false,
    width: 16,
    help: 'Ngày cuối cùng đơn vị hoạt động (dd/mm/yyyy), ví dụ 30/06/2025 cho phòng giáo dục giải thể; quan hệ trực thuộc của đơn vị kết thúc cùng ngày. Các trường trực thuộc không tự chuyển: ghi dòng của từng trường với mã đơn vị cấp trên mới. Để trống: giữ ngày đã có (đơn vị mới: còn hoạt động).',
  },
  { key: 'address', header: 'Địa chỉ', required: false, width: 30, help: 'Địa chỉ của đơn vị.' },
  { key: 'phone', header: 'Điện thoại', required: false, width: 14, help: 'Số điện thoại, ví dụ 0283 7950 123.' },
  { key: 'email', header: 'Email', required: false, width: 26, help: 'Địa chỉ email của đơn vị.' },
  { key: 'subjects', header: 'Môn', required: false, width: 24, help: 'Chỉ cho tổ chuyên môn: tên các môn, cách nhau bằng dấu phẩy.' },
];

export const STAFF_COLUMNS: readonly ColumnSpec[] = [
  { key: 'code', header: 'Mã cán bộ', required: false, width: 14, help: 'Mã cán bộ (nếu có); không trùng với người khác.' },
  { key: 'fullName', header: 'Họ và tên', required: true, width: 26, help: 'Họ và tên đầy đủ, có dấu.' },
  { key: 'email', header: 'Email', required: true, width: 28, help: 'Email của cán bộ; dùng để nhận ra người khi nhập lại.' },
  { key: 'phone', header: 'Điện thoại', required: false, width: 14, help: 'Số điện thoại.' },
  { key: 'gender', header: 'Giới tính', required: false, width: 10, help: 'Nam hoặc Nữ.' },
  {
    key: 'orgCode',
    header: 'Mã đơn vị',
    required: true,
    width: 16,
    help: 'Mã của trường, tổ chuyên môn hoặc phòng/sở nơi cán bộ công tác.',
  },
  {
    key: 'position',
    header: 'Chức vụ',
    required: true,
    width: 18,
    help: `Một trong: ${POSITIONS.map((p) => (p === 'office_leader' ? Object.values(officeLeaderLabels).join('; ') : positionLabels[p])).join('; ')}. Mỗi dòng là một chức vụ; người giữ nhiều chức vụ ghi nhiều dòng.`,
  },
  {
    key: 'subjects',
    header: 'Môn giảng dạy',
    required: false,
    width: 24,
    help: 'Tên các môn, cách nhau bằng dấu phẩy, ví dụ: Toán, Tin học.',
  },
  {
    key: 'teachingLevels',
    header: 'Cấp dạy',
    required: false,
    width: 12,
    help: `Cấp học giáo viên dạy: ${SCHOOL_LEVELS.map((l) => levelLabels[l]).join(', ')}; nhiều cấp cách nhau bằng dấu phẩy. Để trống: giữ cấp đã lưu; người mới thì theo trường (trường một cấp học) hoặc theo tên tổ, môn dạy (trường nhiều cấp học).`,
  },
];

/** The columns of a kind. */
export function columnsOf(kind: ImportKind): readonly ColumnSpec[] {
  return kind === 'orgs' ? ORG_COLUMNS : STAFF_COLUMNS;
}

/** Lower case, NFC, single spaces: how headers and labels are compared. */
export function norm(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Like norm, and also without diacritics ("Giáo viên" → "giao vien"). */
export function fold(s: string): string {
  return norm(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}

function lookup<T extends string>(entries: Array<[string, T]>): (s: string) => T | undefined {
  const map = new Map<string, T>();
  for (const [k, v] of entries) {
    map.set(norm(k), v);
    map.set(fold(k), v);
  }
  return (s) => map.get(norm(s)) ?? map.get(fold(s));
}

/** Org type from its Vietnamese label, code name or a common short form. */
export const orgTypeOf = lookup<OrgType>([
  ...ORG_TYPES.map((t): [string, OrgType] => [t, t]),
  ...ORG_TYPES.map((t): [string, OrgType] => [orgTypeLabels[t], t]),
  ['Sở', 'province_department'],
  ['Phòng', 'district_office'],
  ['UBND xã', 'commune'],
  ['UBND phường', 'commune'],
  ['Xã', 'commune'],
  ['Phường', 'commune'],
  ['Trung tâm', 'center'],
  ['Tổ', 'team'],
]);

/** School level from TH, THCS, THPT, Mầm non or the code name. */
export const levelOf = lookup<SchoolLevel>([
  ...SCHOOL_LEVELS.map((l): [string, SchoolLevel] => [l, l]),
  ...SCHOOL_LEVELS.map((l): [string, SchoolLevel] => [levelLabels[l], l]),
]);

/** Position from its Vietnamese label or code name. */
export const positionOf = lookup<Position>([
  ...POSITIONS.map((p): [string, Position] => [p, p]),
  ...POSITIONS.map((p): [string, Position] => [positionLabels[p], p]),
  ...Object.values(officeLeaderLabels).map((l): [string, Position] => [l, 'office_leader']),
  ['GV', 'teacher'],
  ['HT', 'principal'],
  ['PHT', 'vice_principal'],
]);

/** Gender from Nam/Nữ (or male/female). */
export const genderOf = lookup<'male' | 'female'>([
  ['Nam', 'male'],
  ['Nữ', 'female'],
  ['male', 'male'],
  ['female', 'female'],
]);

/** Splits a comma- or semicolon-separated cell into trimmed non-empty parts. */
export function splitList(s: string): string[] {
  return s
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/**
 * The values a coded column accepts, for the template's guide: org types, levels, positions, gender, and the
 * subjects of the installation (passed in, they are data).
 */
export function allowedValues(kind: ImportKind, subjectNames: string[]): Array<{ header: string; values: string[] }> {
  const subjects = subjectNames.length > 0 ? subjectNames : ['(chưa có môn học nào trong hệ thống)'];
  if (kind === 'orgs')
    return [
      { header: 'Loại đơn vị', values: ORG_TYPES.map((t) => orgTypeLabels[t]) },
      { header: 'Cấp học', values: SCHOOL_LEVELS.map((l) => levelLabels[l]) },
      { header: 'Môn', values: subjects },
    ];
  return [
    {
      header: 'Chức vụ',
      values: POSITIONS.flatMap((p) => (p === 'office_leader' ? Object.values(officeLeaderLabels) : [positionLabels[p]])),
    },
    { header: 'Giới tính', values: ['Nam', 'Nữ'] },
    { header: 'Môn giảng dạy', values: subjects },
  ];
}
