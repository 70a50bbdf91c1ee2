/**
 * The locality of an office read from its name, for the "Huyện …" line of the forms and the place before the date:
 * "Phòng Giáo dục và Đào tạo huyện Củ Chi" → { label: "Huyện Củ Chi", place: "Củ Chi" };
 * "Xã Phú Hòa Đông" → { label: "Xã Phú Hòa Đông", place: "Phú Hòa Đông" }; "Phòng GD&ĐT Củ Chi" → place "Củ Chi".
 */
export interface Locality {
  label: string;
  place: string;
}

const UNIT = /(?:^|\s)(thị xã|thị trấn|thành phố|huyện|quận|xã|phường|tỉnh|tp\.)\s*(.+)$/i;
const PREFIX = /^(phòng|sở)\s+(giáo dục và đào tạo|gd\s*&\s*đt|gdđt|giáo dục)\s+|^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/i;

/** The locality of an office name, or null when the name says none. */
export function localityOf(name: string): Locality | null {
  const m = UNIT.exec(name.trim());
  if (m) {
    const unit = m[1].toLowerCase() === 'tp.' ? 'thành phố' : m[1].toLowerCase();
    const name = m[2].trim();
    // A city named after a person keeps "Thành phố" as its place name (Nghị định 30: "Thành phố Hồ Chí Minh, ngày …").
    const place = unit === 'thành phố' && /^hồ chí minh$/i.test(name) ? 'Thành phố Hồ Chí Minh' : name;
    return { label: `${unit[0].toUpperCase()}${unit.slice(1)} ${name}`, place };
  }
  const stripped = name.trim().replace(PREFIX, '').trim();
  return stripped && stripped !== name.trim() ? { label: stripped, place: stripped } : null;
}
