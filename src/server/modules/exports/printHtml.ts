import { periodLabel, SCHEDULE_HEADINGS, type ScheduleDocument, scheduleCells, scheduleFootnote } from '../../lib/documents/mau1';
import { placeDate } from '../../lib/documents/nd30';
import { vnLongDate } from '../../lib/documents/vnDate';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const lines = (s: string) => esc(s).replace(/\n/g, '<br>');

const CSS = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: 'Times New Roman', 'Liberation Serif', serif; color: #000; font-size: 14pt; margin: 0 auto; max-width: 165mm; }
@media screen { body { padding: 20mm 15mm 20mm 30mm; max-width: 210mm; box-sizing: border-box; background: #fff; } html { background: #eee; } .toolbar { margin-bottom: 12px; } }
@media print { .toolbar { display: none; } }
.head { display: grid; grid-template-columns: 72mm 1fr; text-align: center; font-size: 12pt; }
.head b { display: block; } .rule { width: 22mm; border-top: 1px solid #000; margin: 2px auto 6px; }
.motto { font-size: 13pt; font-weight: bold; text-decoration: underline; }
.date { font-style: italic; font-size: 14pt; margin-top: 6px; }
h1 { font-size: 14pt; text-align: center; margin: 18px 0 0; } h2 { font-size: 14pt; text-align: center; margin: 0 0 12px; }
table.grid { width: 100%; border-collapse: collapse; font-size: 12pt; } .grid th, .grid td { border: 1px solid #000; padding: 3px 4px; vertical-align: middle; }
.grid thead { display: table-header-group; } .grid tr { page-break-inside: avoid; } .c { text-align: center; }
.note { font-size: 13pt; font-style: italic; margin-top: 6px; }
.close { display: grid; grid-template-columns: 70mm 1fr; margin-top: 12px; } .recipients { font-size: 11pt; }
.recipients b { font-size: 12pt; font-style: italic; } .sign { text-align: center; font-weight: bold; font-size: 13pt; }
.sign .name { margin-top: 80px; font-size: 14pt; }
`;

/** The schedule (Mẫu 1) as a clean HTML page for printing on A4, with the same cells as the DOCX. */
export function scheduleHtml(d: ScheduleDocument): string {
  const rows = d.meetings
    .map((m, i) => {
      const c = scheduleCells(m, i);
      return `<tr>${c.map((t, j) => `<td${[0, 1, 2, 6].includes(j) ? ' class="c"' : ''}>${lines(t)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  const h = SCHEDULE_HEADINGS;
  const s = d.signature;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Lịch sinh hoạt chuyên môn liên trường - ${esc(d.scope)}</title>
<style>${CSS}</style></head><body>
<p class="toolbar">Bản in: nhấn Ctrl+P (⌘+P) để in trên khổ A4.</p>
<div class="head">
  <div>${d.body.parent ? `${esc(d.body.parent.toUpperCase())}` : ''}<b>${esc(d.body.name.toUpperCase())}</b><div class="rule"></div>Số: &nbsp; &nbsp; &nbsp; /LSH</div>
  <div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><span class="motto">Độc lập - Tự do - Hạnh phúc</span>
  <div class="date">${esc(placeDate(d.place, vnLongDate(d.issuedOn)))}</div></div>
</div>
<h1>LỊCH SINH HOẠT CHUYÊN MÔN LIÊN TRƯỜNG</h1>
<h2>${esc(d.scope)}<br>${esc(periodLabel(d.term, d.schoolYear))}</h2>
<table class="grid"><thead>
<tr><th rowspan="2">${h[0]}</th><th colspan="2">Thời gian</th>${h
    .slice(3)
    .map((t) => `<th rowspan="2">${t}</th>`)
    .join('')}</tr>
<tr><th>${h[1]}</th><th>${h[2]}</th></tr></thead>
<tbody>${rows || '<tr><td colspan="8" class="c">Chưa có buổi sinh hoạt nào trong kỳ này.</td></tr>'}</tbody></table>
<p class="note"><b>${esc(scheduleFootnote(d.guidance)[0])}</b>${esc(scheduleFootnote(d.guidance)[1])}</p>
<div class="close">
  <div class="recipients"><b>Nơi nhận:</b><br>${d.recipients.map((r, i) => `- ${esc(r)}${i === d.recipients.length - 1 ? '.' : ';'}`).join('<br>')}</div>
  <div class="sign">${[s.authority, s.title]
    .filter(Boolean)
    .map((t) => esc(String(t).toUpperCase()))
    .join('<br>')}<div class="name">${esc(s.name ?? '')}</div></div>
</div>
</body></html>`;
}
