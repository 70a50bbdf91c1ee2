/**
 * Sanitiser for the minutes' rich text (written here, no dependency): keeps only p, br, strong, em, u, ul, ol, li,
 * without any attribute; drops every other tag (and the whole content of script, style and similar elements),
 * comments and doctype; escapes stray "<", ">" and bare "&"; closes what is left open. b and i become strong and em.
 */
const ALLOWED = new Set(['p', 'br', 'strong', 'em', 'u', 'ul', 'ol', 'li']);
const ALIASES: Record<string, string> = { b: 'strong', i: 'em' };
const DROP_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'textarea',
  'title',
  'xmp',
  'svg',
  'math',
  'head',
]);

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<\/?[a-zA-Z][^>]*>?/g;
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/;

function escapeText(text: string): string {
  return text
    .replace(/&(?!(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Returns safe HTML made of the allowed tags only. */
export function sanitizeRichText(input: string): string {
  const out: string[] = [];
  const open: string[] = [];
  let dropUntil: string | null = null;
  let last = 0;
  for (const match of input.matchAll(TOKEN)) {
    const token = match[0];
    const at = match.index ?? 0;
    if (!dropUntil) out.push(escapeText(input.slice(last, at)));
    last = at + token.length;
    const tag = TAG.exec(token);
    if (!tag) continue; // comment, doctype, processing instruction
    const closing = tag[1] === '/';
    const raw = tag[2].toLowerCase();
    if (dropUntil) {
      if (closing && raw === dropUntil) dropUntil = null;
      continue;
    }
    if (DROP_CONTENT.has(raw)) {
      if (!closing && !/\/>$/.test(token)) dropUntil = raw;
      continue;
    }
    const name = ALIASES[raw] ?? raw;
    if (!ALLOWED.has(name)) continue;
    if (name === 'br') {
      if (!closing) out.push('<br>');
      continue;
    }
    if (!closing) {
      out.push(`<${name}>`);
      open.push(name);
      continue;
    }
    const idx = open.lastIndexOf(name);
    if (idx < 0) continue; // a stray closing tag
    while (open.length > idx) out.push(`</${open.pop()}>`);
  }
  if (!dropUntil) out.push(escapeText(input.slice(last)));
  while (open.length) out.push(`</${open.pop()}>`);
  return out.join('').trim();
}

/** The visible text of sanitised HTML (for empty checks and documents). */
export function plainText(html: string): string {
  return html
    .replace(/<br>|<\/p>|<\/li>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}
