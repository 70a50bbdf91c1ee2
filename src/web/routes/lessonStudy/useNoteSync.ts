import type { NoteView } from '@shared/lessonStudy';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useMe } from '../../api/auth';
import { ApiError } from '../../api/client';
import { putNote, putPhoto, useMyNotes } from '../../api/lessonStudy';
import { type LocalNote, listLocal, putLocal, removeLocal } from './offlineStore';

/** A note as the observer's list shows it: the server's copy, or the one waiting on this device. */
export interface ShownNote {
  id: string;
  observedAt: string;
  text: string;
  tags: NoteView['tags'];
  seat: string | null;
  shared: boolean;
  hasPhoto: boolean;
  /** Blob URL of a photo not yet on the server. */
  localPhoto: string | null;
  waiting: boolean;
  error: string | null;
}

const RETRY_MS = 15_000;

/**
 * Offline-first notes: `save` writes to IndexedDB and shows the note at once; a sync pass sends waiting notes (then
 * their photos) whenever the browser comes back online, every 15 seconds, and after each save. The server stores a
 * note by its UUID, so a pass that is repeated (an answer lost on the way back) never makes a second note.
 */
export function useNoteSync(meetingId: string) {
  const qc = useQueryClient();
  const me = useMe();
  const server = useMyNotes(meetingId);
  const [local, setLocal] = useState<LocalNote[]>([]);
  const [online, setOnline] = useState(() => navigator.onLine);
  const running = useRef(false);
  const csrf = me.data?.csrfToken ?? '';

  const reload = useCallback(async () => setLocal(await listLocal(meetingId)), [meetingId]);

  const sync = useCallback(async () => {
    if (running.current || !navigator.onLine || !csrf) return;
    running.current = true;
    let sent = 0;
    try {
      for (const n of await listLocal(meetingId)) {
        if (n.error || (n.noteSynced && n.photoSynced)) continue;
        try {
          if (!n.noteSynced) {
            await putNote(n.id, { meetingId, observedAt: n.observedAt, text: n.text, tags: n.tags, seat: n.seat });
            n.noteSynced = true;
            await putLocal(n);
          }
          if (!n.photoSynced && n.photo) {
            await putPhoto(n.id, n.photo, n.photoName ?? 'anh.jpg', csrf);
            n.photoSynced = true;
            await putLocal(n);
          }
          sent++;
        } catch (e) {
          if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 403) {
            n.error = e.body.message || String(e.status);
            await putLocal(n);
          } else break; // offline or server trouble: try again later, in order
        }
      }
    } finally {
      running.current = false;
    }
    if (sent > 0) await qc.invalidateQueries({ queryKey: ['observations', meetingId] });
    await reload();
  }, [meetingId, csrf, qc, reload]);

  // Once the server lists a fully sent note, the device copy can go.
  useEffect(() => {
    const ids = new Set((server.data ?? []).map((n) => n.id));
    const done = local.filter((n) => n.noteSynced && n.photoSynced && ids.has(n.id));
    if (done.length === 0) return;
    Promise.all(done.map((n) => removeLocal(n.id))).then(reload);
  }, [server.data, local, reload]);

  useEffect(() => {
    reload();
    const up = () => {
      setOnline(true);
      sync();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const timer = window.setInterval(sync, RETRY_MS);
    sync();
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.clearInterval(timer);
    };
  }, [reload, sync]);

  /** Keeps a new note on the device, shows it, and tries to send it. */
  const save = useCallback(
    async (n: Omit<LocalNote, 'noteSynced' | 'photoSynced' | 'error'>) => {
      await putLocal({ ...n, noteSynced: false, photoSynced: !n.photo, error: null });
      await reload();
      sync();
    },
    [reload, sync],
  );

  /** Forgets a note kept on this device (one the server refused). */
  const forget = useCallback(
    async (id: string) => {
      await removeLocal(id);
      await reload();
    },
    [reload],
  );

  const [urls, setUrls] = useState<Record<string, string>>({});
  useEffect(() => {
    const next: Record<string, string> = {};
    for (const n of local) if (n.photo && !n.photoSynced) next[n.id] = URL.createObjectURL(n.photo);
    setUrls(next);
    return () => {
      for (const u of Object.values(next)) URL.revokeObjectURL(u);
    };
  }, [local]);

  const byId = new Map<string, ShownNote>();
  for (const n of server.data ?? []) byId.set(n.id, { ...n, localPhoto: null, waiting: false, error: null });
  for (const n of local) {
    if (n.noteSynced && n.photoSynced && byId.has(n.id)) continue;
    const s = byId.get(n.id);
    byId.set(n.id, {
      id: n.id,
      observedAt: n.observedAt,
      text: n.text,
      tags: n.tags,
      seat: n.seat,
      shared: s?.shared ?? false,
      hasPhoto: Boolean(n.photo) || (s?.hasPhoto ?? false),
      localPhoto: urls[n.id] ?? null,
      waiting: !(n.noteSynced && n.photoSynced),
      error: n.error,
    });
  }
  const notes = [...byId.values()].sort((a, b) => b.observedAt.localeCompare(a.observedAt));
  const pending = local.filter((n) => !n.error && !(n.noteSynced && n.photoSynced)).length;
  /** Notes the server refused: kept on this device only, never "synced". */
  const rejected = local.filter((n) => n.error).length;
  return { notes, pending, rejected, online, save, sync, forget, loading: server.isLoading, error: server.error };
}
