import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../../shared/wordDiff';

describe('wordDiff', () => {
  it('marks words removed and added, and keeps the rest', () => {
    const parts = wordDiff('Học sinh làm việc cá nhân 10 phút', 'Học sinh làm việc theo nhóm 15 phút');
    expect(parts.filter((p) => p.op === 'del').map((p) => p.text.trim())).toEqual(['cá nhân 10']);
    expect(parts.filter((p) => p.op === 'add').map((p) => p.text.trim())).toEqual(['theo nhóm 15']);
    expect(
      parts
        .filter((p) => p.op !== 'del')
        .map((p) => p.text)
        .join(''),
    ).toBe('Học sinh làm việc theo nhóm 15 phút');
    expect(
      parts
        .filter((p) => p.op !== 'add')
        .map((p) => p.text)
        .join('')
        .trim(),
    ).toBe('Học sinh làm việc cá nhân 10 phút');
  });

  it('returns one same part for equal texts and handles empty sides', () => {
    expect(wordDiff('a b c', 'a b c')).toEqual([{ op: 'same', text: 'a b c' }]);
    expect(wordDiff('', 'mới')).toEqual([{ op: 'add', text: 'mới' }]);
    expect(wordDiff('cũ', '')).toEqual([{ op: 'del', text: 'cũ' }]);
  });

  it('finds words inserted in the middle', () => {
    const parts = wordDiff('một hai ba bốn', 'một hai thêm ba bốn');
    expect(parts.map((p) => p.op)).toEqual(['same', 'add', 'same']);
    expect(parts[1].text.trim()).toBe('thêm');
  });
});
