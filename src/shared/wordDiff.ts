import type { DiffPart } from './lessonStudy';

/** Splits text into words, each keeping the spaces after it (so joining the parts gives the text back). */
function tokens(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? [];
}

/** Largest table (cells) the longest-common-subsequence pass may use; beyond it the middle is replaced whole. */
const MAX_CELLS = 4_000_000;

function push(parts: DiffPart[], op: DiffPart['op'], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last?.op === op) last.text += text;
  else parts.push({ op, text });
}

/**
 * A word-level diff of two plain texts (written here: longest common subsequence of words, after trimming the common
 * start and end). Words compare without their surrounding spaces. Parts in reading order: `same`, `del` (only in the
 * first text), `add` (only in the second).
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const key = (t: string) => t.trim();
  let start = 0;
  while (start < a.length && start < b.length && key(a[start]) === key(b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && key(a[endA - 1]) === key(b[endB - 1])) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', b.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    push(parts, 'del', midA.join(''));
    push(parts, 'add', midB.join(''));
  } else {
    // lcs[i * (m + 1) + j] = length of the LCS of midA[i..] and midB[j..].
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = key(midA[i]) === key(midB[j]) ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (key(midA[i]) === key(midB[j])) {
        push(parts, 'same', midB[j]);
        i++;
        j++;
      } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) push(parts, 'del', midA[i++]);
      else push(parts, 'add', midB[j++]);
    }
    while (i < n) push(parts, 'del', midA[i++]);
    while (j < m) push(parts, 'add', midB[j++]);
  }
  push(parts, 'same', b.slice(endB).join(''));
  return parts;
}
