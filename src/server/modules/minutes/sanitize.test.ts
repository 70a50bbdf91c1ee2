import { describe, expect, it } from 'vitest';
import { canonicalMinutes, sha256 } from './canonical';
import { plainText, sanitizeRichText } from './sanitize';

describe('sanitizeRichText', () => {
  it.each([
    ['<p>Tiết dạy <strong>tốt</strong></p>', '<p>Tiết dạy <strong>tốt</strong></p>'],
    ['<p class="x" onclick="alert(1)">a</p>', '<p>a</p>'],
    ['<script>alert(1)</script><p>b</p>', '<p>b</p>'],
    ['<style>p{}</style>c', 'c'],
    ['<img src=x onerror=alert(1)>d', 'd'],
    ['<a href="javascript:alert(1)">e</a>', 'e'],
    ['<b>đậm</b> <i>nghiêng</i> <u>gạch</u>', '<strong>đậm</strong> <em>nghiêng</em> <u>gạch</u>'],
    ['<ul><li>một<li>hai</ul>', '<ul><li>một</li><li>hai</li></ul>'],
    ['<p>chưa đóng', '<p>chưa đóng</p>'],
    ['</p>lẻ', '<p></p>lẻ'],
    ['1 < 2 & 3 > 2', '1 &lt; 2 &amp; 3 &gt; 2'],
    ['&amp; &#39; &nbsp;', "&amp; '"],
    ['&#xFFFE;x&#1;y', 'xy'],
    ['<p>"trích" dẫn</p>', '<p>"trích" dẫn</p>'],
    ['a<br/>b<BR>c', 'a<br>b<br>c'],
    ['<!-- bí mật -->x', 'x'],
    ['<p><iframe src="//evil"></iframe>ok</p>', '<p>ok</p>'],
    ['<svg><script>alert(1)</script></svg>z', 'z'],
    ['<scr<script>ipt>alert(1)</script>', 'ipt&gt;alert(1)'],
  ])('%s → %s', (input, expected) => {
    expect(sanitizeRichText(input)).toBe(expected);
  });

  it('is idempotent and plainText reads the visible text', () => {
    const once = sanitizeRichText('<p>Ý kiến <em>thứ nhất</em></p><ol><li>Một</li><li>Hai</li></ol>');
    expect(sanitizeRichText(once)).toBe(once);
    expect(plainText(once)).toBe('Ý kiến thứ nhất\nMột\nHai');
  });
});

describe('canonical text and hash', () => {
  it('does not depend on key order and changes with any character', () => {
    const a = canonicalMinutes({ meetingId: 'm', facts: { b: 1, a: [1, { y: 2, x: 1 }] }, discussion: 'd', recommendations: 'r' });
    const b = canonicalMinutes({ recommendations: 'r', discussion: 'd', facts: { a: [1, { x: 1, y: 2 }], b: 1 }, meetingId: 'm' });
    expect(a).toBe(b);
    expect(sha256(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256(a)).not.toBe(sha256(a.replace('"d"', '"đ"')));
  });
});
