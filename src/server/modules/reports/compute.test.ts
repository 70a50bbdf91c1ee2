import { describe, expect, it } from 'vitest';
import { solidPng } from '../../../../tests/helpers/pdf';
import type { ReportResults } from '../../../shared/reports';
import { emptyResults, sumResults } from './compute';
import { imageSize } from './photos';

const part = (o: Partial<ReportResults>): ReportResults => ({ ...emptyResults(), ...o });

describe('sumResults', () => {
  it('adds every number, merges subjects by name and keeps each unit on its lists', () => {
    const a = part({
      meetingsHeld: 2,
      participants: 17,
      nonParticipants: 1,
      lessonsBySubject: [{ subject: 'Toán', count: 1, contents: ['A'] }],
      participantsBySubject: [{ subject: 'Toán', count: 8 }],
      nonParticipantsBySubject: [{ subject: 'Toán', count: 1, people: [{ name: 'X', unit: 'S1', reason: 'Ốm' }] }],
    });
    const b = part({
      meetingsHeld: 1,
      participants: 7,
      nonParticipants: 2,
      notCarriedOut: [{ content: 'C', date: null, reason: 'R' }],
      lessonsBySubject: [{ subject: 'Toán', count: 1, contents: ['B'] }],
      participantsBySubject: [{ subject: 'Toán', count: 7 }],
    });
    const s = sumResults([
      { unit: 'Nhóm 1', results: a },
      { unit: 'Nhóm 3', results: b },
    ]);
    expect(s).toMatchObject({ meetingsHeld: 3, participants: 24, nonParticipants: 3 });
    expect(s.lessonsBySubject).toEqual([{ subject: 'Toán', count: 2, contents: ['A', 'B'] }]);
    expect(s.participantsBySubject).toEqual([{ subject: 'Toán', count: 15 }]);
    expect(s.notCarriedOut).toEqual([{ content: 'C', date: null, reason: 'R', unit: 'Nhóm 3' }]);
    expect(a.lessonsBySubject[0].contents).toEqual(['A']);
  });

  it('of nothing is empty', () => {
    expect(sumResults([])).toEqual(emptyResults());
  });
});

describe('imageSize', () => {
  it('reads a PNG header', () => {
    expect(imageSize(solidPng(160, 120, [0, 0, 0]))).toEqual({ type: 'png', width: 160, height: 120 });
  });

  it('reads the SOF marker of a JPEG', () => {
    const app0 = [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00];
    const sof0 = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x01, 0x01, 0x11, 0x00];
    expect(imageSize(Buffer.from([0xff, 0xd8, ...app0, ...sof0]))).toEqual({ type: 'jpg', width: 640, height: 480 });
  });

  it('refuses anything else', () => {
    expect(imageSize(Buffer.from('GIF89a........................'))).toBeNull();
  });
});
