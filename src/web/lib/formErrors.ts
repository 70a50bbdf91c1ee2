import { labelOf } from '@shared/labels';
import type { z } from 'zod';
import { ApiError } from '../api/client';
import type { Lang, MessageKey, TFunction } from '../i18n/context';
import fieldsEn from '../i18n/fieldsEn.json';

type FieldMap = Record<string, string>;
const enLabels: FieldMap = fieldsEn;

/** The human label of a field path (`terms.0.endDate` → "Ngày kết thúc (mục 1)"). */
export function fieldLabel(path: string, lang: Lang): string {
  if (lang === 'vi') return labelOf(path);
  const parts = path.split('.').filter(Boolean);
  const named = [...parts].reverse().find((p) => !/^\d+$/.test(p)) ?? '';
  const index = parts.find((p) => /^\d+$/.test(p));
  const base = enLabels[named] ?? named;
  return index === undefined ? base : `${base} (item ${Number(index) + 1})`;
}

/** Turns one zod issue into a message naming the field, in the UI language. */
function describe(issue: z.core.$ZodIssue, path: string, t: TFunction, lang: Lang, labels: FieldMap): string {
  const label = labels[path] ?? fieldLabel(path, lang);
  const say = (key: MessageKey, n?: number | bigint) => t(key, { label, n: String(n ?? '') });
  const input: unknown = 'input' in issue ? issue.input : undefined;
  // An unchosen select or date is sent as '' (or null): say it is required rather than "invalid".
  if ((input === '' || input === null || input === undefined) && issue.code !== 'custom' && issue.code !== 'too_small') {
    return say('validation.required');
  }
  switch (issue.code) {
    case 'invalid_type':
      return say('validation.invalid');
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? say('validation.empty') : say('validation.minLength', issue.minimum);
      if (issue.origin === 'array') return say('validation.minItems', issue.minimum);
      return say('validation.invalid');
    case 'too_big':
      if (issue.origin === 'string') return say('validation.maxLength', issue.maximum);
      if (issue.origin === 'array') return say('validation.maxItems', issue.maximum);
      return say('validation.invalid');
    case 'invalid_format':
      if (issue.format === 'email') return say('validation.email');
      if (issue.format === 'date') return say('validation.date');
      if (issue.format === 'regex' && issue.message && !issue.message.startsWith('Invalid')) return issue.message;
      return say('validation.format');
    case 'custom':
      return issue.message || say('validation.invalid');
    default:
      return say('validation.invalid');
  }
}

/**
 * Validates form input with a shared zod schema; returns `{ 'terms.0.endDate': message }` (first issue per field).
 * `labels` overrides the field names used in messages where the form shows a more precise label.
 */
export function zodFieldErrors(schema: z.ZodType, input: unknown, t: TFunction, lang: Lang, labels: FieldMap = {}): FieldMap {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return {};
  const errors: FieldMap = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in errors)) errors[path] = describe(issue, path, t, lang, labels);
  }
  return errors;
}

/** The field errors a server 4xx carried, keyed by input path. */
export function serverFieldErrors(error: unknown): FieldMap {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.body.fields.map((f) => [f.field, f.message]));
}

/** The message to show for an error: the server's Vietnamese message, or a generic one. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    if (error.status === 403 && !error.body.message) return t('error.forbidden');
    return error.body.message || t('error.generic');
  }
  return t('error.generic');
}
