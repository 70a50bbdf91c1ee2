import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { auditMany } from '../../lib/audit';
import { dayBefore } from '../../lib/format';
import * as orgsRepo from '../orgs/repo';
import { mergedOrg, type OrgPlan, orgChanged } from './orgsCheck';
import * as repo from './repo';

/** Counts reported at the end of an import. */
export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

type AuditItem = Parameters<typeof auditMany>[2][number];

/** Writes a validated org plan: inserts new orgs and links, updates and moves changed ones, with audit rows. */
export async function writeOrgs(tx: Executor, actor: Actor, plan: OrgPlan, progress: (n: number) => Promise<void>): Promise<ImportSummary> {
  const { stored, newIds, openLinks, storedSubjects } = plan;
  const idOf = (code: string) => stored.get(code)?.id ?? newIds.get(code);
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
  const audits: AuditItem[] = [];
  const inserts: Array<Parameters<typeof repo.insertOrgs>[1][number]> = [];
  const links: Array<{ orgId: string; parentId: string; validFrom: string }> = [];
  const subjectOrgs: string[] = [];
  const subjectRows: Array<{ orgId: string; subjectId: string }> = [];
  for (const r of plan.rows) {
    const key = r.code.toLowerCase();
    const s = stored.get(key);
    const parentId = r.parentCode ? idOf(r.parentCode.toLowerCase()) : undefined;
    if (!s) {
      const id = newIds.get(key) as string;
      const row = { id, ...mergedOrg(r, undefined) };
      inserts.push(row);
      if (parentId) links.push({ orgId: id, parentId, validFrom: r.linkFrom as string });
      if (r.type === 'team' && r.subjectIds?.length) {
        subjectOrgs.push(id);
        subjectRows.push(...r.subjectIds.map((subjectId) => ({ orgId: id, subjectId })));
      }
      audits.push({
        action: 'create',
        entityType: 'org',
        entityId: id,
        orgId: id,
        after: { ...row, parentId: parentId ?? null, subjectIds: r.subjectIds },
      });
      summary.created++;
      continue;
    }
    const open = openLinks.get(s.id);
    const moved = parentId !== undefined && open?.parentId !== parentId;
    const changed = orgChanged(r, s, storedSubjects.get(s.id) ?? []);
    if (!moved && !changed) {
      summary.unchanged++;
      continue;
    }
    if (changed) {
      const after = await orgsRepo.update(tx, s.id, mergedOrg(r, s));
      if (r.type === 'team' && r.subjectIds !== null) {
        subjectOrgs.push(s.id);
        subjectRows.push(...r.subjectIds.map((subjectId) => ({ orgId: s.id, subjectId })));
      }
      audits.push({
        action: 'update',
        entityType: 'org',
        entityId: s.id,
        orgId: s.id,
        before: s,
        after: { ...after, subjectIds: r.subjectIds },
      });
    }
    // ending an org ends its kept open link the same day (checked: the link starts no later); its children stay
    if (!moved && open && r.validTo && r.validTo !== s.validTo) await orgsRepo.closeLink(tx, open.id, r.validTo);
    if (moved && parentId) {
      const linkFrom = r.linkFrom as string;
      if (open) await orgsRepo.closeLink(tx, open.id, dayBefore(linkFrom));
      links.push({ orgId: s.id, parentId, validFrom: linkFrom });
      audits.push({
        action: 'move',
        entityType: 'org',
        entityId: s.id,
        orgId: s.id,
        before: open ? { parentId: open.parentId, validFrom: open.validFrom } : null,
        after: { parentId, validFrom: linkFrom },
      });
    }
    summary.updated++;
  }
  await repo.insertOrgs(tx, inserts);
  await progress(Math.floor(plan.rows.length / 2));
  await repo.insertLinks(tx, links);
  await repo.replaceOrgSubjects(tx, subjectOrgs, subjectRows);
  await auditMany(tx, actor, audits);
  await progress(plan.rows.length);
  return summary;
}
