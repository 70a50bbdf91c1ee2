/**
 * Củ Chi, school year 2024-2025 (seed 001: Hướng dẫn 1671/HD-PGDĐT-THCS and Quyết định 140/QĐ-PGDĐT).
 * Schools are keyed by the place name the seed uses ("Tân Thạnh Đông", "Thị Trấn 2", …).
 */

/** The seven communes that took over Củ Chi's schools on 1 July 2025. */
export const CU_CHI_COMMUNES = ['Củ Chi', 'Tân An Hội', 'Thái Mỹ', 'An Nhơn Tây', 'Nhuận Đức', 'Phú Hòa Đông', 'Bình Mỹ'] as const;
export type CuChiCommune = (typeof CU_CHI_COMMUNES)[number];

/** One school of seed 001. */
export interface CuChiSchool {
  /** The name used in the seed's lists. */
  key: string;
  /** The school's prefix: THCS, or TH-THCS for Tân Trung. */
  prefix: 'THCS' | 'TH-THCS';
  /** The commune the school moved to on 1 July 2025 (approximate: see CU_CHI_SCHOOLS). */
  commune: CuChiCommune;
}

/**
 * The 24 schools, in the seed's order (Cụm 01, then Cụm 02).
 * The commune of each school is APPROXIMATE DEMO DATA: chosen from the old commune's name and location,
 * not taken from the official 2025 decisions that reassigned the schools.
 */
export const CU_CHI_SCHOOLS: CuChiSchool[] = [
  { key: 'Tân Phú Trung', prefix: 'THCS', commune: 'Củ Chi' },
  { key: 'Phước Vĩnh An', prefix: 'THCS', commune: 'Củ Chi' },
  { key: 'Tân Tiến', prefix: 'THCS', commune: 'Củ Chi' },
  { key: 'Tân Thông Hội', prefix: 'THCS', commune: 'Củ Chi' },
  { key: 'Thị Trấn', prefix: 'THCS', commune: 'Tân An Hội' },
  { key: 'Tân An Hội', prefix: 'THCS', commune: 'Tân An Hội' },
  { key: 'Tân Thạnh Tây', prefix: 'THCS', commune: 'Phú Hòa Đông' },
  { key: 'Hòa Phú', prefix: 'THCS', commune: 'Bình Mỹ' },
  { key: 'Bình Hòa', prefix: 'THCS', commune: 'Bình Mỹ' },
  { key: 'Trung An', prefix: 'THCS', commune: 'Bình Mỹ' },
  { key: 'Thị Trấn 2', prefix: 'THCS', commune: 'Tân An Hội' },
  { key: 'Tân Thạnh Đông', prefix: 'THCS', commune: 'Phú Hòa Đông' },
  { key: 'Trung Lập', prefix: 'THCS', commune: 'Thái Mỹ' },
  { key: 'Trung Lập Hạ', prefix: 'THCS', commune: 'Nhuận Đức' },
  { key: 'Nhuận Đức', prefix: 'THCS', commune: 'Nhuận Đức' },
  { key: 'Phước Hiệp', prefix: 'THCS', commune: 'Tân An Hội' },
  { key: 'Phước Thạnh', prefix: 'THCS', commune: 'Thái Mỹ' },
  { key: 'Nguyễn Văn Xơ', prefix: 'THCS', commune: 'Củ Chi' },
  { key: 'Phú Mỹ Hưng', prefix: 'THCS', commune: 'An Nhơn Tây' },
  { key: 'An Nhơn Tây', prefix: 'THCS', commune: 'An Nhơn Tây' },
  { key: 'An Phú', prefix: 'THCS', commune: 'An Nhơn Tây' },
  { key: 'Phạm Văn Cội', prefix: 'THCS', commune: 'Nhuận Đức' },
  { key: 'Phú Hòa Đông', prefix: 'THCS', commune: 'Phú Hòa Đông' },
  { key: 'Tân Trung', prefix: 'TH-THCS', commune: 'Củ Chi' },
];

/** A cluster of seed 001 with its named leadership. */
export interface CuChiCluster {
  number: '01' | '02';
  members: string[];
  leader: string;
  deputies: [string, string];
}

/** Cụm 01 and Cụm 02: members in the seed's order; leader and deputies are the principals of these schools. */
export const CU_CHI_CLUSTERS: CuChiCluster[] = [
  {
    number: '01',
    members: CU_CHI_SCHOOLS.slice(0, 12).map((s) => s.key),
    leader: 'Thị Trấn 2',
    deputies: ['Tân Thạnh Đông', 'Tân Phú Trung'],
  },
  {
    number: '02',
    members: CU_CHI_SCHOOLS.slice(12).map((s) => s.key),
    leader: 'Tân Trung',
    deputies: ['Nhuận Đức', 'Phú Hòa Đông'],
  },
];

/** The principals the seed names, by school. */
export const NAMED_PRINCIPALS: Record<string, { fullName: string; gender: 'male' | 'female' }> = {
  'Thị Trấn 2': { fullName: 'Nguyễn Văn Hiếu', gender: 'male' },
  'Tân Thạnh Đông': { fullName: 'Hồ Văn Nghĩa', gender: 'male' },
  'Tân Phú Trung': { fullName: 'Thân Lê Hồng Nhung', gender: 'female' },
  'Tân Trung': { fullName: 'Nguyễn Văn Quý', gender: 'male' },
  'Nhuận Đức': { fullName: 'Nguyễn Thanh Điền', gender: 'male' },
  'Phú Hòa Đông': { fullName: 'Đoàn Thị Hoa', gender: 'female' },
};

/** The eight school groups (nhóm liên trường): lead school first. */
export const CU_CHI_GROUPS: string[][] = [
  ['Tân Thạnh Đông', 'Hòa Phú', 'Tân Thạnh Tây'],
  ['Tân Trung', 'Bình Hòa', 'Trung An'],
  ['Phú Hòa Đông', 'Nhuận Đức', 'Phú Mỹ Hưng'],
  ['An Nhơn Tây', 'Trung Lập', 'An Phú'],
  ['Thị Trấn', 'Phạm Văn Cội', 'Phước Hiệp'],
  ['Tân Phú Trung', 'Trung Lập Hạ', 'Tân Tiến'],
  ['Tân Thông Hội', 'Tân An Hội', 'Phước Thạnh'],
  ['Thị Trấn 2', 'Phước Vĩnh An', 'Nguyễn Văn Xơ'],
];

/**
 * Subject teams of every Củ Chi school: name, short code, subject codes (reference.ts) and the subject of each
 * member (team head first, then three teachers).
 */
export const THCS_TEAMS = [
  { name: 'Tổ Toán - Tin', code: 'TOANTIN', subjects: ['toan', 'tin-hoc'], roster: ['toan', 'toan', 'tin-hoc', 'toan'] },
  { name: 'Tổ Ngữ văn - GDCD', code: 'VANGDCD', subjects: ['ngu-van', 'gdcd'], roster: ['ngu-van', 'ngu-van', 'gdcd', 'ngu-van'] },
  { name: 'Tổ Khoa học tự nhiên', code: 'KHTN', subjects: ['khtn'], roster: ['khtn', 'khtn', 'khtn', 'khtn'] },
];
