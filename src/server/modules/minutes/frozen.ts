import type { MinutesView } from '../../../shared/minutes';
import type { Executor } from '../../db/client';
import type { MeetingRecord } from '../attendance/access';
import * as repo from './repo';
import { participantsOf } from './service';

type Role = MinutesView['participants'][number]['role'];

/** What start-signing freezes besides the text and the facts (decision 0024); stored in `minutes.frozen`. */
export interface FrozenRecord {
  /** Everyone who must sign, with the role they sign in: the chair, the secretary, attendees present or late. */
  signers: Array<{ personId: string; role: Role }>;
  /** The meeting's attachments at that moment, by name and SHA-256 of the stored file. */
  attachments: Array<{ id: string; fileName: string; sha256: string }>;
}

/** Reads what is frozen now, from the live meeting (call after the meeting row is locked). */
export async function freezeRecord(db: Executor, meeting: MeetingRecord['meeting']): Promise<FrozenRecord> {
  const roles = await participantsOf(db, meeting);
  // In the order the live list gives (attendees, then secretary and chair), so messages name people as before.
  const signers = [...roles.entries()].map(([personId, role]) => ({ personId, role }));
  return { signers, attachments: await repo.attachmentHashes(db, meeting.id) };
}

/** The required signers frozen with the minutes, or undefined on minutes that never went out for signing. */
export function frozenSigners(frozen: unknown): Map<string, Role> | undefined {
  const signers = (frozen as Partial<FrozenRecord> | null)?.signers;
  return signers ? new Map(signers.map((s) => [s.personId, s.role])) : undefined;
}

/** Who signs: the frozen list once signing started, else (a draft, or minutes from before decision 0024) the live one. */
export async function signersOf(
  db: Executor,
  meeting: MeetingRecord['meeting'],
  row: { status: string; frozen: unknown } | undefined,
): Promise<Map<string, Role>> {
  const frozen = row && row.status !== 'draft' ? frozenSigners(row.frozen) : undefined;
  return frozen ?? participantsOf(db, meeting);
}
