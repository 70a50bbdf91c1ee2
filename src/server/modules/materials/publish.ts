import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { readable as readableAttachment, requireUpload } from '../meetings/attachments';
import { authorize } from './policy';

/**
 * The meeting attachment a user wants to publish to the library: they must read the meeting and either have uploaded
 * the file or be allowed to manage the meeting's files. Only meeting attachments can be published: observation photos
 * of students live in their own private store and have no route into the library.
 */
export async function publishSource(db: Executor, actor: Actor, attachmentId: string) {
  const a = await readableAttachment(db, actor, attachmentId);
  const managesMeetingFiles =
    a.uploadedBy !== actor.personId &&
    (await requireUpload(db, actor, a.meetingId).then(
      () => true,
      () => false,
    ));
  authorize(actor, 'publish', { uploadedBy: a.uploadedBy, managesMeetingFiles });
  return a;
}
