import type { Rollup, RollupQuery } from '../../../shared/reports';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { fieldError, notFound } from '../../lib/errors';
import * as orgsRepo from '../orgs/repo';
import { scopesOf } from '../plans/shape';
import { authorize, canDraft, canRead, canReadRollup } from './policy';
import { buildRollup } from './rollup';
import { periodOrFail } from './service';

/** The roll-up of an org for a term or year, after the policy check. */
export async function rollupOf(db: Executor, actor: Actor, q: RollupQuery) {
  const org = await orgsRepo.findById(db, q.orgId);
  if (!org) throw notFound('đơn vị');
  const chain = await orgsRepo.recordChain(db, org, todayIso());
  authorize(actor, 'readRollup', { type: org.type, chain: chain.length ? chain : [org.id] });
  const termNumber = (q.termNumber as 1 | 2 | undefined) ?? null;
  const { code, period } = await periodOrFail(db, q.schoolYearId, termNumber);
  const built = await buildRollup(db, { id: org.id, name: org.name, type: org.type }, period);
  const [scope] = await scopesOf(db, [{ networkId: null, orgId: org.id, reviewerOrgId: chain[1] ?? org.id }]);
  const rollup: Rollup = {
    org: { id: org.id, name: org.name, type: org.type },
    schoolYearId: q.schoolYearId,
    schoolYearCode: code,
    termNumber,
    rows: built.rows,
    totals: built.totals,
    ownReportId: built.ownReportId,
    can: { draftOwn: Boolean(chain[1]) && canDraft(actor, scope) },
  };
  return { rollup, period, org };
}

/** Whether the actor may read and draft reports of a network or an org, and read the org's roll-up (for page links). */
export async function ownerCan(db: Executor, actor: Actor, q: { networkId?: string; orgId?: string }) {
  if (!q.networkId === !q.orgId) throw fieldError('networkId', 'Chọn đúng một mạng lưới hoặc một đơn vị');
  const chain = q.orgId ? await orgsRepo.ancestorChain(db, q.orgId, todayIso()) : [];
  const [scope] = await scopesOf(db, [
    { networkId: q.networkId ?? null, orgId: q.orgId ?? null, reviewerOrgId: chain[1] ?? q.orgId ?? '' },
  ]);
  if (q.networkId && !scope.network) throw notFound('mạng lưới');
  const rollup = scope.org ? canReadRollup(actor, { type: scope.org.type, chain: scope.org.chain }) : false;
  return { read: canRead(actor, scope), draft: canDraft(actor, scope), rollup };
}
