import type { FastifyInstance, FastifyRequest } from 'fastify';
import { labelOf } from '../../shared/labels';
import { hasXmlInvalid } from './documents/xmlText';
import { AppError, type FieldError } from './errors';

const MAX_REPORTED = 20;

/**
 * The paths ("name", "levels.0") of the strings in a parsed request part that hold a character no text field may
 * hold (hasXmlInvalid: NUL and other control characters, U+FFFE/U+FFFF, a lone surrogate). Walks without recursion,
 * so a deeply nested body cannot exhaust the stack.
 */
export function unsafeTextPaths(value: unknown, maxReported = MAX_REPORTED): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0 && found.length < maxReported) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v === 'string') {
      if (hasXmlInvalid(v)) found.push(path);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i][1], path ? `${path}.${entries[i][0]}` : entries[i][0]]);
    }
  }
  return found;
}

function check(request: FastifyRequest): void {
  const fields: FieldError[] = [];
  for (const part of [request.params, request.query, request.body]) {
    for (const field of unsafeTextPaths(part)) fields.push({ field, message: `«${labelOf(field)}» chứa ký tự không hợp lệ` });
  }
  if (fields.length > 0) throw new AppError('VALIDATION', { fields });
}

/**
 * Refuses (400 naming the field) every request whose path, query or JSON body holds a string with a character no
 * text field may hold, before any schema, handler or database sees it: one check for every route.
 */
export function refuseUnsafeText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => check(request));
}
