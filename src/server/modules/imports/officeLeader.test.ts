import { describe, expect, it } from 'vitest';
import { officeLeaderLabels } from '../../../shared/labels';
import { columnsOf, positionOf } from './columns';

describe("the office leader's title follows the office", () => {
  it('reads «Lãnh đạo Sở», «Lãnh đạo Phòng», «Lãnh đạo UBND xã» by office kind, named once in shared/labels.ts', () => {
    expect(officeLeaderLabels).toEqual({
      province_department: 'Lãnh đạo Sở',
      district_office: 'Lãnh đạo Phòng',
      commune: 'Lãnh đạo UBND xã',
    });
  });

  it('is taken by the staff import under each name, and the template lists the three', () => {
    for (const label of ['Lãnh đạo Sở', 'Lãnh đạo Phòng', 'Lãnh đạo UBND xã']) expect(positionOf(label)).toBe('office_leader');
    const help = columnsOf('staff').find((c) => c.key === 'position')?.help ?? '';
    expect(help).toContain('Lãnh đạo Sở; Lãnh đạo Phòng; Lãnh đạo UBND xã');
  });
});
