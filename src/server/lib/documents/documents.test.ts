import { describe, expect, it } from 'vitest';
import { formHeading } from './issuer';
import { localityOf } from './locality';
import { parseRichText, richTextHtml } from './richText';
import { vnLongDate, vnShortDate, vnTime } from './vnDate';

describe('Vietnamese dates', () => {
  it('writes document and table dates, in Vietnam time, with the leading zeros of Nghị định 30', () => {
    expect(vnLongDate('2024-09-13')).toBe('ngày 13 tháng 9 năm 2024');
    expect(vnLongDate('2025-02-05')).toBe('ngày 05 tháng 02 năm 2025');
    expect(vnLongDate(new Date('2024-10-14T18:30:00Z'))).toBe('ngày 15 tháng 10 năm 2024');
    expect(vnShortDate(new Date('2024-10-14T18:30:00Z'))).toBe('15/10/2024');
    expect(vnTime(new Date('2024-10-15T07:30:00+07:00'))).toBe('7h30');
  });
});

describe('localities', () => {
  it('reads the district or commune from an office name', () => {
    expect(localityOf('Phòng Giáo dục và Đào tạo huyện Củ Chi')).toEqual({ label: 'Huyện Củ Chi', place: 'Củ Chi' });
    expect(localityOf('Xã Phú Hòa Đông')).toEqual({ label: 'Xã Phú Hòa Đông', place: 'Phú Hòa Đông' });
    expect(localityOf('Phòng GD&ĐT Củ Chi')?.place).toBe('Củ Chi');
    expect(localityOf('Sở Giáo dục và Đào tạo tỉnh Bến Tre')?.place).toBe('Bến Tre');
    expect(localityOf('Trường THCS Tân Thạnh Đông')).toBeNull();
    expect(localityOf('Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh')).toEqual({
      label: 'Thành phố Hồ Chí Minh',
      place: 'Thành phố Hồ Chí Minh',
    });
  });

  const so = { name: 'Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh', type: 'province_department' };
  const commune = { name: 'Xã Phú Hòa Đông', type: 'commune' };
  const school = { name: 'Trường THCS Tân Thạnh Đông', type: 'school' };
  const phong = { name: 'Phòng Giáo dục và Đào tạo huyện Củ Chi', type: 'district_office' };
  it('heads a form by Nghị định 30: the body under its superior, one place for the province unless a local office issues it', () => {
    expect(formHeading([so])).toEqual({
      body: { name: so.name, parent: 'UBND Thành phố Hồ Chí Minh' },
      place: 'Thành phố Hồ Chí Minh',
    });
    expect(formHeading([school, commune, so])).toEqual({
      body: { name: school.name, parent: 'UBND Xã Phú Hòa Đông' },
      place: 'Thành phố Hồ Chí Minh',
    });
    expect(formHeading([{ name: 'Tổ Toán - Tin', type: 'team' }, school, commune, so]).place).toBe('Thành phố Hồ Chí Minh');
    expect(formHeading([commune, so])).toEqual({ body: { name: 'UBND Xã Phú Hòa Đông', parent: null }, place: 'Phú Hòa Đông' });
    expect(formHeading([phong, so])).toEqual({ body: { name: phong.name, parent: 'UBND Huyện Củ Chi' }, place: 'Củ Chi' });
    expect(formHeading([school, phong, so])).toEqual({ body: { name: school.name, parent: phong.name }, place: 'Củ Chi' });
    expect(formHeading([{ name: 'Sở Giáo dục và Đào tạo tỉnh Bắc Giang', type: 'province_department' }])).toEqual({
      body: { name: 'Sở Giáo dục và Đào tạo tỉnh Bắc Giang', parent: 'UBND Tỉnh Bắc Giang' },
      place: 'Bắc Giang',
    });
  });
});

describe('rich text', () => {
  it('keeps the allowed subset, drops other tags and scripts, and escapes on output', () => {
    const blocks = parseRichText(
      '<p>Tiết dạy <strong>tốt</strong>, <em>sinh động</em><br>học sinh <u>tích cực</u>.</p><script>alert(1)</script>' +
        '<ul><li>Ý một</li><li>Ý <b>hai</b></li></ul><ol><li>Bước &amp; một</li></ol><img src=x onerror=alert(1)><p>&lt;b&gt;</p>',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['p', 'li', 'li', 'li', 'p']);
    expect(blocks[0].runs.map((r) => r.text).join('')).toBe('Tiết dạy tốt, sinh độnghọc sinh tích cực.');
    expect(blocks[0].runs.find((r) => r.text === 'tốt')?.bold).toBe(true);
    expect(blocks[0].runs.find((r) => r.text === 'học sinh ')?.breakBefore).toBe(true);
    expect(blocks[3]).toMatchObject({ list: 'ol', index: 1 });
    const html = richTextHtml(blocks);
    expect(html).not.toContain('script');
    expect(html).not.toContain('img');
    expect(html).toContain('&lt;b&gt;');
    expect(html).toContain('1. Bước &amp; một');
  });

  it('reads plain text as one paragraph per line', () => {
    expect(parseRichText('Dòng một\nDòng <hai>').map((b) => b.runs[0].text)).toEqual(['Dòng một', 'Dòng <hai>']);
  });
});
