import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { labelOf } from '../../shared/labels';
import { orgInput, personInput } from '../../shared/schemas';
import { describeIssue } from './validation';

/** Runs a schema and describes its issues the way the API does. */
function messages(schema: z.ZodType, value: unknown) {
  const r = schema.safeParse(value);
  if (r.success) return [];
  return r.error.issues.map((i) => {
    const { path, code, message, ...params } = i;
    return describeIssue({ instancePath: `/${path.join('/')}`, keyword: code, message, params: params as Record<string, unknown> });
  });
}

describe('Vietnamese validation messages', () => {
  it('names the field of a missing, empty or too long value', () => {
    expect(messages(orgInput, { code: 'A', type: 'team' })).toEqual([{ field: 'name', message: '«Tên» là bắt buộc' }]);
    expect(messages(orgInput, { code: 'A', type: 'team', name: '' })).toEqual([{ field: 'name', message: '«Tên» không được để trống' }]);
    expect(messages(orgInput, { code: 'A', type: 'team', name: 'x'.repeat(201) })).toEqual([
      { field: 'name', message: '«Tên» dài tối đa 200 ký tự' },
    ]);
  });
  it('numbers array items from 1', () => {
    expect(labelOf('positions.2.orgId')).toBe('Đơn vị (mục 3)');
    expect(messages(personInput, { fullName: 'A', positions: [{ orgId: 'x', position: 'teacher' }] })).toEqual([
      { field: 'positions.0.orgId', message: '«Đơn vị (mục 1)» không hợp lệ' },
    ]);
  });
  it('keeps the custom Vietnamese message of a regex rule', () => {
    expect(messages(orgInput, { code: 'mã có dấu', type: 'team', name: 'Tổ' })).toEqual([
      { field: 'code', message: 'Mã chỉ gồm chữ không dấu, số và các ký tự . _ -' },
    ]);
  });
});
