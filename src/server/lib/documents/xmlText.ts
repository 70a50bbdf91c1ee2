/**
 * Text that XML 1.0 cannot carry: C0 control characters other than tab, line feed and carriage return (NUL among
 * them, which PostgreSQL refuses too), U+FFFE and U+FFFF, and a UTF-16 surrogate without its other half. A DOCX or XLSX
 * holding one is refused by Word and Excel, so no document writer may emit one (see xmlSafe) and no request may bring
 * one in (see lib/requestText.ts).
 */
const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters XML forbids is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether the text holds a character XML 1.0 cannot carry. */
export function hasXmlInvalid(text: string): boolean {
  XML_INVALID.lastIndex = 0;
  const found = XML_INVALID.test(text);
  XML_INVALID.lastIndex = 0;
  return found;
}

/** The text without the characters XML 1.0 cannot carry: every document writer passes its text through this. */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '');
}

/**
 * A copy of a document's data with xmlSafe applied to every string (in arrays and plain objects; dates and other
 * objects are kept as they are). Every DOCX/XLSX writer passes its data through this first.
 */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map((v) => xmlSafeDeep(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = xmlSafeDeep(v);
    return out as T;
  }
  return value;
}
