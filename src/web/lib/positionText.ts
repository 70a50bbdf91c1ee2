import type { MessageKey, TFunction } from '../i18n/context';

const OFFICE_KINDS = ['province_department', 'district_office', 'commune'];

/** A position's label in an org of a given type: the office leader reads «Lãnh đạo Sở», «Lãnh đạo Phòng», «Lãnh đạo UBND xã». */
export function positionText(t: TFunction, position: string, orgType?: string | null): string {
  if (position === 'office_leader' && orgType && OFFICE_KINDS.includes(orgType))
    return t(`position.office_leader.${orgType}` as MessageKey);
  return t(`position.${position}` as MessageKey);
}
