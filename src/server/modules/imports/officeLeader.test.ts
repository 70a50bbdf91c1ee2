import { describe, expect, it } from 'vitest';
import { positionLabelIn } from '../../../shared/labels';
import { columnsOf, positionOf } from './columns';

describe("the office leader's title follows the office", () => {
  it('reads «Lãnh đạo Sở», «Lãnh đạo Phòng», «Lãnh đạo UBND xã» by office kind, and the shared label elsewhere', () => {
    expect(positionLabelIn('office_leader', 'province_department')).toBe('Lãnh đạo Sở');
    expect(positionLabelIn('office_leader', 'district_office')).toBe('Lãnh đạo Phòng');
    expect(positionLabelIn('office_leader', 'commune')).toBe('Lãnh đạo UBND xã');
    expect(positionLabelIn('principal', 'school')).toBe('Hiệu trưởng');
  });

  it('is taken by the staff import under each name, and the template lists the three', () => {
    for (const label of ['Lãnh đạo Sở', 'Lãnh đạo Phòng', 'Lãnh đạo UBND xã']) expect(positionOf(label)).toBe('office_leader');
    const help = columnsOf('staff').find((c) => c.key === 'position')?.help ?? '';
    expect(help).toContain('Lãnh đạo Sở; Lãnh đạo Phòng; Lãnh đạo UBND xã');
  });
});
