import type { ObservationTag } from '@shared/lessonStudy';

/**
 * The observer's notes kept in the browser (IndexedDB, database "lt-observations", store "notes", key = the note's
 * UUID made on the phone). A note stays here, with its photo as a Blob, until the server has acknowledged both; then
 * it is removed once the server's list shows it. Nothing here needs the network.
 */
export interface LocalNote {
  id: string;
  meetingId: string;
  observedAt: string;
  text: string;
  tags: ObservationTag[];
  seat: string | null;
  photo: Blob | null;
  photoName: string | null;
  noteSynced: boolean;
  photoSynced: boolean;
  /** The server refused the note (4xx): shown to the observer, not retried. */
  error: string | null;
}

const DB = 'lt-observations';
const STORE = 'notes';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(STORE, { keyPath: 'id' });
      store.createIndex('meetingId', 'meetingId');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Stores (or replaces) a note. */
export function putLocal(note: LocalNote): Promise<IDBValidKey> {
  return run('readwrite', (s) => s.put(note));
}

/** The notes of a lesson kept on this device. */
export function listLocal(meetingId: string): Promise<LocalNote[]> {
  return run('readonly', (s) => s.index('meetingId').getAll(meetingId) as IDBRequest<LocalNote[]>);
}

/** Forgets a note on this device. */
export function removeLocal(id: string): Promise<undefined> {
  return run('readwrite', (s) => s.delete(id));
}
