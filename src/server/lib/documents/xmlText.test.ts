import { describe, expect, it } from 'vitest';
import { hasXmlInvalid, xmlSafe } from './xmlText';

describe('xmlText', () => {
  it('finds and strips what XML 1.0 cannot carry, keeping tab, line breaks, Vietnamese and emoji', () => {
    const bad = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDC00'];
    for (const ch of bad) {
      expect(hasXmlInvalid(`a${ch}b`), JSON.stringify(ch)).toBe(true);
      expect(xmlSafe(`a${ch}b`)).toBe('ab');
    }
    const good = 'Tổ Toán\tbiên bản\r\nsố 2 📚 \uFFFD \u00A0';
    expect(hasXmlInvalid(good)).toBe(false);
    expect(xmlSafe(good)).toBe(good);
    // Calling twice in a row gives the same answer (no state left in the global pattern).
    expect(hasXmlInvalid('\uFFFE')).toBe(true);
    expect(hasXmlInvalid('\uFFFE')).toBe(true);
  });
});
