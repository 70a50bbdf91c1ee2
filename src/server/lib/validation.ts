import { labelOf } from '../../shared/labels';
import type { FieldError } from './errors';

interface IssueLike {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const formats: Record<string, string> = {
  email: 'phải là địa chỉ email hợp lệ',
  uuid: 'không hợp lệ',
  date: 'phải là ngày hợp lệ (năm-tháng-ngày)',
  regex: 'không đúng định dạng',
};

/** Turns one zod issue (as passed by fastify-type-provider-zod) into a Vietnamese message naming the field. */
export function describeIssue(issue: IssueLike, context?: string): FieldError {
  const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const label = `«${labelOf(field || context || '')}»`;
  const p = issue.params;
  let message: string;
  switch (issue.keyword) {
    case 'invalid_type':
      message = String(issue.message ?? '').includes('received undefined') ? `${label} là bắt buộc` : `${label} không đúng kiểu dữ liệu`;
      break;
    case 'too_small':
      if (p.origin === 'string')
        message = Number(p.minimum) <= 1 ? `${label} không được để trống` : `${label} phải có ít nhất ${p.minimum} ký tự`;
      else if (p.origin === 'array') message = `${label} phải có ít nhất ${p.minimum} mục`;
      else message = `${label} phải lớn hơn hoặc bằng ${p.minimum}`;
      break;
    case 'too_big':
      if (p.origin === 'string') message = `${label} dài tối đa ${p.maximum} ký tự`;
      else if (p.origin === 'array') message = `${label} có tối đa ${p.maximum} mục`;
      else message = `${label} phải nhỏ hơn hoặc bằng ${p.maximum}`;
      break;
    case 'invalid_format':
      message =
        issue.message && !issue.message.startsWith('Invalid')
          ? issue.message
          : `${label} ${formats[String(p.format)] ?? 'không đúng định dạng'}`;
      break;
    case 'invalid_value':
      message = `${label} phải là một trong các giá trị: ${(p.values as unknown[] | undefined)?.join(', ') ?? ''}`;
      break;
    case 'unrecognized_keys':
      message = `Trường không được hỗ trợ: ${(p.keys as string[] | undefined)?.join(', ') ?? ''}`;
      break;
    case 'invalid_union':
      message = `${label} không hợp lệ`;
      break;
    case 'custom':
      message = issue.message ?? `${label} không hợp lệ`;
      break;
    default:
      message = `${label} không hợp lệ`;
  }
  return { field, message };
}
