/** Stands for config.publicUrl in queued mail; the worker fills it in when sending, so links follow the configuration. */
export const PUBLIC_URL = '{{PUBLIC_URL}}';

const FOOTER = [
  '—',
  'Thư này được gửi tự động từ Liên Trường, nền tảng sinh hoạt chuyên môn liên trường.',
  `Thay đổi cách nhận thông báo: ${PUBLIC_URL}/settings/notifications`,
];

/** The Vietnamese e-mail for one notice. */
export function noticeMail(fullName: string, n: { title: string; body: string | null; link: string | null }) {
  const lines = [`Kính gửi ${fullName},`, '', n.title];
  if (n.body) lines.push('', n.body);
  if (n.link) lines.push('', `Xem chi tiết: ${PUBLIC_URL}${n.link}`);
  return { subject: `[Liên Trường] ${n.title}`.slice(0, 250), text: [...lines, '', ...FOOTER].join('\n') };
}

/** The Vietnamese daily digest of several notices, for a day written dd/mm/yyyy. */
export function digestMail(fullName: string, day: string, items: { title: string; body: string | null; link: string | null }[]) {
  const lines = [`Kính gửi ${fullName},`, '', `Bạn có ${items.length} thông báo mới trong ngày ${day}:`, ''];
  items.forEach((n, i) => {
    lines.push(`${i + 1}. ${n.title}`);
    if (n.body) lines.push(`   ${n.body.replaceAll('\n', '\n   ')}`);
    if (n.link) lines.push(`   Xem chi tiết: ${PUBLIC_URL}${n.link}`);
    lines.push('');
  });
  return { subject: `[Liên Trường] Tổng hợp thông báo ngày ${day} (${items.length})`, text: [...lines, ...FOOTER].join('\n') };
}

/** Fills the public URL into a queued text. */
export function withPublicUrl(text: string, publicUrl: string): string {
  return text.replaceAll(PUBLIC_URL, publicUrl.replace(/\/$/, ''));
}
