import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { labelOf } from '../../shared/labels';
import type { ApiErrorBody } from '../../shared/types';
import { AppError, type ErrorCode, errorMessage, type FieldError } from './errors';
import { describeIssue } from './validation';

/** Unique and check constraints → the input field they guard. */
const constraintFields: Record<string, string> = {
  orgs_code_unique: 'code',
  people_code_unique: 'code',
  people_email_unique: 'email',
  accounts_email_unique: 'email',
  accounts_person_unique: 'personId',
  school_years_code_unique: 'code',
  subjects_code_unique: 'code',
  networks_year_supervisor_name_unique: 'name',
  terms_year_number_unique: 'terms',
  org_links_not_self: 'parentId',
};

interface PgLikeError {
  code?: string;
  constraint?: string;
  message?: string;
}

function pgError(error: unknown): PgLikeError | undefined {
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const candidate = e as PgLikeError & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    e = candidate.cause;
  }
  return undefined;
}

/** Errors of a database server that is down or restarting (connection refused or cut, shutting down, starting up). */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
const UNAVAILABLE_MESSAGES = /Connection terminated|not queryable|timeout exceeded when trying to connect/;

function databaseUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const candidate = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && UNAVAILABLE_CODES.has(candidate.code)) return true;
    if (typeof candidate.message === 'string' && UNAVAILABLE_MESSAGES.test(candidate.message)) return true;
    e = candidate.cause;
  }
  return false;
}

function body(code: ErrorCode, params: Record<string, string | number> = {}, fields: FieldError[] = []): ApiErrorBody {
  const message = code === 'VALIDATION' && fields.length > 0 ? fields.map((f) => f.message).join('; ') : errorMessage(code, params);
  return { code, message, fields };
}

/** Whether an error is a stored file missing on disk: answered 404, but an operations problem worth an error log. */
export function isMissingFile(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ENOENT';
}

/** Maps anything thrown during a request to an HTTP status and a Vietnamese error body. */
export function mapError(error: unknown): { status: number; body: ApiErrorBody } {
  if (error instanceof AppError) return { status: error.status, body: body(error.code, error.params, error.fields) };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const ctx = (error as { validationContext?: string }).validationContext;
    const fields = error.validation.map((v) => describeIssue(v as never, ctx));
    return { status: 400, body: body('VALIDATION', {}, fields) };
  }
  const fe = error as { code?: string; statusCode?: number };
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: body('INVALID_JSON') };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: body('VALIDATION', {}, [{ field: '', message: 'Thiếu dữ liệu gửi lên' }]) };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, body: body('BODY_TOO_LARGE') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, body: body('UNSUPPORTED_MEDIA') };
    case 'ENOENT':
      // A stored file that its row names is gone from DATA_DIR (lost storage, a partial restore): the caller gets a
      // 404 naming the file; the app logs it as an error (see isMissingFile), since nothing the caller did caused it.
      return { status: 404, body: body('NOT_FOUND', { entity: 'tệp trên máy chủ' }) };
  }
  if (error instanceof SyntaxError && fe.statusCode === 400) return { status: 400, body: body('INVALID_JSON') };
  const pg = pgError(error);
  if (pg?.code === '23505') {
    const field = constraintFields[pg.constraint ?? ''] ?? '';
    const label = field ? labelOf(field) : 'Dữ liệu';
    return { status: 409, body: { ...body('DUPLICATE', { field: label }), fields: [{ field, message: `${label} đã tồn tại` }] } };
  }
  if (pg?.code === '23503') return { status: 409, body: body('CONFLICT') };
  if (pg?.code === 'P0001' && pg.message === 'MINUTES_LOCKED') return { status: 409, body: body('MINUTES_LOCKED') };
  if (pg?.code === 'P0001' && pg.message === 'MINUTES_SIGNING') return { status: 409, body: body('MINUTES_SIGNING') };
  if (pg?.code === 'P0001' && pg.message === 'SIGNED_DOCUMENT_IMMUTABLE') return { status: 409, body: body('SIGNED_DOCUMENT_IMMUTABLE') };
  if (pg?.code === '23514' || pg?.code === '22007' || pg?.code === '22008') {
    const field = constraintFields[pg.constraint ?? ''] ?? '';
    return { status: 400, body: body('VALIDATION', {}, [{ field, message: `«${labelOf(field)}» không hợp lệ` }]) };
  }
  if (databaseUnavailable(error)) return { status: 503, body: body('DATABASE_UNAVAILABLE') };
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ', fields: [] } };
  }
  return { status: 500, body: body('INTERNAL') };
}
