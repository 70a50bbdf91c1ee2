/**
 * Bến Tre, school year 2022-2023 (seed 000: the Sở's công văn on inter-school professional meetings, THCS - THPT).
 * One district group per district, led by the principal of the THPT school the seed names.
 */

/** A district of seed 000 with its leader school and the other THPT schools of the demo. */
export interface BenTreDistrict {
  /** "huyện Ba Tri", "thành phố Bến Tre", … as used in org names. */
  place: string;
  /** Short ASCII code for org codes. */
  code: string;
  /** The seed's leader school (typos "Trần Văn on" and "Ngô Văn cần" fixed; other spellings kept as in the seed). */
  leader: string;
  /** Other real THPT schools of the district; only names we are sure of, otherwise none. */
  others: string[];
}

/** The nine districts of seed 000, in the seed's order. */
export const BEN_TRE_DISTRICTS: BenTreDistrict[] = [
  { place: 'huyện Ba Tri', code: 'BATRI', leader: 'Phan Thanh Giản', others: ['Phan Liêm'] },
  { place: 'huyện Bình Đại', code: 'BINHDAI', leader: 'Lê Hoàng Chiểu', others: ['Huỳnh Tấn Phát'] },
  { place: 'huyện Giồng Trôm', code: 'GIONGTROM', leader: 'Phan Văn Trị', others: [] },
  { place: 'thành phố Bến Tre', code: 'TPBENTRE', leader: 'Nguyễn Đình Chiểu', others: ['Chuyên Bến Tre'] },
  { place: 'huyện Châu Thành', code: 'CHAUTHANH', leader: 'Trần Văn Ơn', others: ['Diệp Minh Châu'] },
  { place: 'huyện Chợ Lách', code: 'CHOLACH', leader: 'Trần Văn Kiệt', others: [] },
  { place: 'huyện Mỏ Cày Bắc', code: 'MOCAYBAC', leader: 'Ngô Văn Cấn', others: [] },
  { place: 'huyện Mỏ Cày Nam', code: 'MOCAYNAM', leader: 'Che Guevara', others: [] },
  { place: 'huyện Thạnh Phú', code: 'THANHPHU', leader: 'Lê Hoài Đôn', others: ['Trần Trường Sinh'] },
];

/** Subject teams of the Bến Tre THPT schools and centres: team head and two teachers, with their subjects. */
export const THPT_TEAMS = [
  { name: 'Tổ Toán', code: 'TOAN', subjects: ['toan'], roster: ['toan', 'toan', 'toan'] },
  { name: 'Tổ Ngữ văn', code: 'VAN', subjects: ['ngu-van'], roster: ['ngu-van', 'ngu-van', 'ngu-van'] },
  {
    name: 'Tổ Vật lí - Hóa học - Sinh học',
    code: 'LHS',
    subjects: ['vat-li', 'hoa-hoc', 'sinh-hoc'],
    roster: ['vat-li', 'hoa-hoc', 'sinh-hoc'],
  },
];

/** The công văn the Bến Tre groups were formed by (its number is blank in the seed). */
export const BEN_TRE_DOCUMENT =
  'Thành lập theo Công văn của Sở GD&ĐT Bến Tre (tháng 10/2022) về triển khai sinh hoạt chuyên môn liên trường cấp THCS - THPT năm học 2022 - 2023; họp ít nhất 02 lần trong năm học.';
