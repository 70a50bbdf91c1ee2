import type { Readable } from 'node:stream';

/** Bytes start..end of a stored file, both included (as in an HTTP Range header). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where the app keeps uploaded files. Keys are relative paths with the same layout on every store:
 * `files/<xx>/<sha256>` (the shared content-addressed store), `library/files/<xx>/<sha256>` (the library's copies),
 * `private/observations/<meeting>/<note>-<random>` (photos of students). On disk a key is a path under DATA_DIR; in a
 * bucket it is the object's name, so moving an install to a bucket or back copies files under the same names.
 * See docs/decisions/0031-object-storage.md.
 */
export interface FileStore {
  readonly kind: 'local' | 's3';
  /** A local folder for spooling uploads before they are hashed (on the store's file system when it is local). */
  readonly spoolDir: string;
  /** Creates what the store needs (the folder, or checks the bucket) before the app serves. */
  init(): Promise<void>;
  /**
   * Stores the local file `file` (which the call may move) under key, unless an object of the same size is already
   * there (content-addressed keys: same name, same bytes). Returns whether this call wrote it.
   */
  putFile(key: string, file: string, size: number): Promise<boolean>;
  /** Writes bytes under a key of its own (photos), replacing anything there. */
  putBytes(key: string, data: Buffer): Promise<void>;
  /** A stream of the object, or of one range of it; a missing object throws an error with code ENOENT (→ 404). */
  get(key: string, range?: ByteRange): Promise<Readable>;
  /** The object's size, or null when there is none. */
  stat(key: string): Promise<{ size: number } | null>;
  /** Removes the object (nothing happens when it is already gone). */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with prefix, with its size. */
  list(prefix: string): AsyncIterable<{ key: string; size: number }>;
}

/** The error a missing stored file answers with: ENOENT, which the error mapping turns into the app's 404. */
export function missingFile(key: string): Error {
  return Object.assign(new Error(`stored file missing: ${key}`), { code: 'ENOENT' });
}

/** Refuses keys that could leave the store's root: absolute, empty segments, "." or "..". */
export function checkKey(key: string): string {
  const parts = key.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) throw new Error(`invalid storage key: ${key}`);
  return key;
}

/** Key of a file of the shared content-addressed store, from the storage_key its rows hold ("<xx>/<sha256>"). */
export const sharedKey = (storageKey: string) => checkKey(`files/${storageKey}`);
/** Key of a library copy, from materials.storage_key. */
export const libraryKey = (storageKey: string) => checkKey(`library/files/${storageKey}`);
/** Key of an observation photo, from observation_notes.photo_key. */
export const photoKey = (storageKey: string) => checkKey(`private/observations/${storageKey}`);

/** The storage_key rows hold for content with this SHA-256. */
export const contentKey = (sha256: string) => `${sha256.slice(0, 2)}/${sha256}`;
