import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { auditMany } from '../../lib/audit';
import type { ImportSummary } from './orgsWrite';
import * as repo from './repo';
import { mergedPerson, ownFactsChanged, type StaffPerson } from './staffCheck';

type AuditItem = Parameters<typeof auditMany>[2][number];

const BATCH = 500;

/** Writes validated staff: new people, changed facts, missing positions (never removing others) and subjects, with audit rows. */
export async function writeStaff(
  tx: Executor,
  actor: Actor,
  people: StaffPerson[],
  progress: (n: number) => Promise<void>,
): Promise<ImportSummary> {
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < people.length; i += BATCH) {
    await writeBatch(tx, actor, people.slice(i, i + BATCH), summary);
    await progress(Math.min(people.length, i + BATCH));
  }
  return summary;
}

/** Writes one batch of people in a few statements and adds to the summary. */
async function writeBatch(tx: Executor, actor: Actor, people: StaffPerson[], summary: ImportSummary): Promise<void> {
  const inserts: Array<ReturnType<typeof mergedPerson> & { id: string }> = [];
  const updates: Array<ReturnType<typeof mergedPerson> & { id: string }> = [];
  const memberships: Array<{ personId: string; orgId: string; position: StaffPerson['positions'][number]['position'] }> = [];
  const subjectPeople: string[] = [];
  const subjectRows: Array<{ personId: string; subjectId: string }> = [];
  const audits: AuditItem[] = [];
  for (const x of people) {
    if (!x.changed) {
      summary.unchanged++;
      continue;
    }
    const row = { id: x.id, ...mergedPerson(x) };
    const added = x.isNew ? x.positions : x.newPositions;
    memberships.push(...added.map((m) => ({ personId: x.id, orgId: m.orgId, position: m.position })));
    if (x.subjectIds !== null && x.subjectIds.join() !== x.storedSubjects.join()) {
      subjectPeople.push(x.id);
      subjectRows.push(...x.subjectIds.map((subjectId) => ({ personId: x.id, subjectId })));
    }
    const positions = added.map(({ orgId, position }) => ({ orgId, position }));
    const orgId = x.positions[0]?.orgId ?? null;
    if (x.isNew) {
      inserts.push(row);
      audits.push({
        action: 'create',
        entityType: 'person',
        entityId: x.id,
        orgId,
        after: { ...row, positions, subjectIds: x.subjectIds ?? [] },
      });
      summary.created++;
    } else {
      if (ownFactsChanged(x)) updates.push(row);
      audits.push({
        action: 'update',
        entityType: 'person',
        entityId: x.id,
        orgId,
        before: { ...x.stored, subjectIds: x.storedSubjects },
        after: { ...row, addedPositions: positions, subjectIds: x.subjectIds ?? x.storedSubjects },
      });
      summary.updated++;
    }
  }
  await repo.insertPeople(tx, inserts);
  await repo.updatePeople(tx, updates);
  await repo.insertMemberships(tx, memberships);
  await repo.replacePersonSubjects(tx, subjectPeople, subjectRows);
  await auditMany(tx, actor, audits);
}
