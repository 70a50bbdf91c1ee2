import sanitizeHtml from 'sanitize-html';
import { xmlSafe } from '../../lib/documents/xmlText';

/**
 * The minutes' rich text (and lesson plans') through sanitize-html: only p, br, strong, em, u, ul, ol, li, without any
 * attribute; every other tag is dropped with its content kept, except script, style and similar elements whose whole
 * content goes; b and i become strong and em. The parser (htmlparser2) closes what is left open and escapes text.
 * Characters XML cannot carry that arrive as entities (`&#xFFFE;`) are removed after decoding, and line breaks are
 * written `<br>` as the records stored before the library came in.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'u', 'ul', 'ol', 'li'],
  allowedAttributes: {},
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'textarea', 'title', 'xmp', 'svg', 'math', 'head'],
  transformTags: { b: 'strong', i: 'em' },
};

/** Returns safe HTML made of the allowed tags only. */
export function sanitizeRichText(input: string): string {
  return xmlSafe(sanitizeHtml(input, OPTIONS))
    .replace(/<br \/>/g, '<br>')
    .trim();
}

/** The visible text of sanitised HTML (for empty checks and documents). */
export function plainText(html: string): string {
  return html
    .replace(/<br>|<\/p>|<\/li>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
