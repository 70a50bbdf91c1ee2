import { buffer } from 'node:stream/consumers';
import { contentKey, type FileStore, sharedKey } from '../../lib/files/store';

/** A chosen photo ready for the DOCX: its bytes, format and size in pixels. */
export interface DocPhoto {
  name: string;
  type: 'jpg' | 'png';
  data: Buffer;
  width: number;
  height: number;
}

/** Width and height of a PNG (IHDR) or a baseline/progressive JPEG (first SOF marker); null for anything else. */
export function imageSize(b: Buffer): { type: 'png' | 'jpg'; width: number; height: number } | null {
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47) return { type: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    const length = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { type: 'jpg', height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

/** Reads the chosen photos from the file store; photos whose file is missing or not a PNG/JPEG are left out. */
export async function loadPhotos(store: FileStore, photos: Array<{ fileName: string; sha256: string }>): Promise<DocPhoto[]> {
  const out: DocPhoto[] = [];
  for (const p of photos) {
    const data = await store
      .get(sharedKey(contentKey(p.sha256)))
      .then((s) => buffer(s))
      .catch(() => null);
    const size = data && imageSize(data);
    if (data && size) out.push({ name: p.fileName, data, ...size });
  }
  return out;
}
