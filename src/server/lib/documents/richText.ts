import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import { FONT, mm, run } from './nd30';
import { xmlSafe } from './xmlText';

/**
 * The rich text of minutes (a sanitised HTML subset: p, br, strong/b, em/i, u, ul, ol, li) read into blocks of
 * styled runs, then laid out as DOCX paragraphs or printed back as safe HTML. Every other tag is dropped (its text
 * kept, except inside script and style); entities are decoded. Text without tags reads as lines.
 */

export interface RichRun {
  text: string;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  /** A line break before this run. */
  breakBefore?: boolean;
}

export interface RichBlock {
  kind: 'p' | 'li';
  /** For list items: "ul" or "ol", the nesting level (0 first) and the item's number in an ordered list. */
  list?: 'ul' | 'ol';
  level?: number;
  index?: number;
  runs: RichRun[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the HTML entities of a text; an entity of a character XML cannot carry (&#xFFFE;, &#1;) decodes to nothing. */
export function decodeEntities(s: string): string {
  return xmlSafe(
    s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1].toLowerCase() === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    }),
  );
}

/** Reads the sanitised HTML subset (or plain text) into blocks. */
export function parseRichText(input: string): RichBlock[] {
  const html = /<\/?(p|br|strong|b|em|i|u|ul|ol|li|div|span)\b[^>]*>/i.test(input)
    ? input
    : input
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .split(/\r?\n/)
        .map((l) => `<p>${l}</p>`)
        .join('');
  const blocks: RichBlock[] = [];
  const style = { bold: 0, italics: 0, underline: 0 };
  const lists: Array<{ type: 'ul' | 'ol'; count: number }> = [];
  let current: RichBlock | null = null;
  let pendingBreak = false;
  let skip = 0;
  const open = (kind: 'p' | 'li') => {
    const top = lists.at(-1);
    current =
      kind === 'li' && top ? { kind, list: top.type, level: lists.length - 1, index: top.count, runs: [] } : { kind: 'p', runs: [] };
    blocks.push(current);
    pendingBreak = false;
  };
  const close = () => {
    current = null;
  };
  const tokens = html.split(/(<[^>]*>)/);
  for (const token of tokens) {
    if (!token) continue;
    const tag = /^<\s*(\/?)\s*([a-z0-9]+)[^>]*>$/i.exec(token);
    if (tag) {
      const closing = tag[1] === '/';
      const name = tag[2].toLowerCase();
      if (name === 'script' || name === 'style') skip += closing ? -1 : 1;
      else if (name === 'strong' || name === 'b') style.bold += closing ? -1 : 1;
      else if (name === 'em' || name === 'i') style.italics += closing ? -1 : 1;
      else if (name === 'u') style.underline += closing ? -1 : 1;
      else if (name === 'br') pendingBreak = current !== null;
      else if (name === 'p' || name === 'div') closing ? close() : open('p');
      else if (name === 'ul' || name === 'ol') {
        if (closing) lists.pop();
        else lists.push({ type: name, count: 0 });
        close();
      } else if (name === 'li') {
        if (closing) close();
        else {
          const top = lists.at(-1);
          if (top) top.count++;
          open('li');
        }
      }
      continue;
    }
    if (skip > 0 || token.startsWith('<')) continue;
    const text = decodeEntities(token).replace(/\s+/g, ' ');
    if (!text.trim() && !current) continue;
    if (!current) open('p');
    const block = current as unknown as RichBlock;
    block.runs.push({
      text: block.runs.length === 0 || pendingBreak ? text.trimStart() : text,
      bold: style.bold > 0 || undefined,
      italics: style.italics > 0 || undefined,
      underline: style.underline > 0 || undefined,
      breakBefore: pendingBreak || undefined,
    });
    pendingBreak = false;
  }
  return blocks.filter((b) => b.runs.some((r) => r.text.trim()));
}

/** The marker of a list item: "-" in a bulleted list, "1." in a numbered one. */
export function listMarker(b: RichBlock): string {
  return b.list === 'ol' ? `${b.index ?? 1}.` : '-';
}

/** Blocks as DOCX paragraphs: body paragraphs justified with a first-line indent, list items hanging. */
export function richTextParagraphs(blocks: RichBlock[], size = 14): Paragraph[] {
  return blocks.map((b) => {
    const children = b.runs.flatMap((r) => [
      ...(r.breakBefore ? [new TextRun({ break: 1, font: FONT, size: size * 2 })] : []),
      run(r.text, { size, bold: r.bold, italics: r.italics, underline: r.underline }),
    ]);
    if (b.kind === 'li') {
      const left = mm(12.7 + 6 * (b.level ?? 0) + 6);
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { left, hanging: mm(6) },
        spacing: { after: 60, line: 276, lineRule: LineRuleType.AUTO },
        children: [run(`${listMarker(b)}\t`, { size }), ...children],
        tabStops: [{ type: 'left', position: left }],
      });
    }
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: mm(12.7) },
      spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO },
      children,
    });
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Blocks printed back as safe HTML (the same subset, every text escaped). */
export function richTextHtml(blocks: RichBlock[]): string {
  const runHtml = (r: RichRun) => {
    let h = esc(r.text);
    if (r.underline) h = `<u>${h}</u>`;
    if (r.italics) h = `<em>${h}</em>`;
    if (r.bold) h = `<strong>${h}</strong>`;
    return `${r.breakBefore ? '<br>' : ''}${h}`;
  };
  return blocks
    .map((b) =>
      b.kind === 'li'
        ? `<p class="li">${esc(listMarker(b))} ${b.runs.map(runHtml).join('')}</p>`
        : `<p>${b.runs.map(runHtml).join('')}</p>`,
    )
    .join('\n');
}
