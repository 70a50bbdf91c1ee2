import { localityOf } from './locality';
import type { IssuingBody } from './nd30';

/** An org of the issuer's chain as the forms need it (the issuer first, its province department last). */
export interface HeadingOrg {
  name: string;
  type: string;
}

const COMMITTEE = /^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s/i;

/** A commune office is its people's committee on paper: "Xã Phú Hòa Đông" → "UBND Xã Phú Hòa Đông". */
function committee(name: string): string {
  return COMMITTEE.test(name) ? name : `UBND ${name}`;
}

/**
 * The issuing body and the place before the date of a form, by Nghị định 30/2020/NĐ-CP (Phụ lục I):
 * - the body: the issuer under its direct superior — a Sở under the province's people's committee ("UBND THÀNH PHỐ HỒ
 *   CHÍ MINH"), a Phòng under its district's, a commune office is itself "UBND XÃ …" with no line above it, a school
 *   or team under the org above it (a commune office written as its committee);
 * - the place: the commune's name when the form is the commune office's own; the district's when the issuer is a
 *   district office or stands under one (before the 1 July 2025 reform, a school's forms said "Củ Chi, ngày …"); every
 *   other form (a school's, a network's, the Sở's) carries the province's ("Thành phố Hồ Chí Minh", "Bắc Giang"), so
 *   that one place reads the same on every form of the province.
 */
export function formHeading(chain: readonly HeadingOrg[]): { body: IssuingBody; place: string | null } {
  const issuer = chain[0];
  if (!issuer) return { body: { name: '', parent: null }, place: null };
  const province = [...chain].reverse().find((o) => o.type === 'province_department');
  const provinceLocality = province ? localityOf(province.name) : null;
  const own = issuer.type === 'commune' || issuer.type === 'district_office' ? localityOf(issuer.name) : null;
  const district = chain.find((o) => o.type === 'district_office');
  const place = own?.place ?? (district ? localityOf(district.name)?.place : null) ?? provinceLocality?.place ?? null;
  switch (issuer.type) {
    case 'province_department':
      return { body: { name: issuer.name, parent: provinceLocality ? `UBND ${provinceLocality.label}` : null }, place };
    case 'district_office':
      return { body: { name: issuer.name, parent: own ? `UBND ${own.label}` : (chain[1]?.name ?? null) }, place };
    case 'commune':
      return { body: { name: committee(issuer.name), parent: null }, place };
    default: {
      const above = chain[1];
      return { body: { name: issuer.name, parent: above ? (above.type === 'commune' ? committee(above.name) : above.name) : null }, place };
    }
  }
}
