import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { notifyPeople } from '../notifications/notify';
import * as orgsRepo from '../orgs/repo';
import { reviewsFrom } from './policy';
import * as repo from './repo';

/**
 * The people who review what goes to each reviewer org (a plan's or a report's `reviewerOrgId`): its own office staff
 * (or, for a school, its principal and vice-principals); when it has none today, the office staff of the nearest org
 * above it that has some (policy.ts `reviewsFrom`). Three queries for any number of reviewer orgs.
 */
export async function reviewersOf(db: Executor, reviewerOrgIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const ids = [...new Set(reviewerOrgIds)];
  if (ids.length === 0) return out;
  const today = todayIso();
  const chains = await orgsRepo.ancestorChains(db, ids, today);
  const staff = await repo.managingStaffAt(db, [...new Set([...chains.values()].flat())], today);
  for (const id of ids) {
    for (const [depth, orgId] of (chains.get(id) ?? [id]).entries()) {
      const found = staff.filter((s) => s.orgId === orgId && reviewsFrom(s.orgType, s.position, depth === 0)).map((s) => s.personId);
      if (found.length > 0) {
        out.set(id, [...new Set(found)]);
        break;
      }
    }
  }
  return out;
}

/** The name of a plan's or report's owner: the network's, else the org's. */
export async function ownerName(db: Executor, owner: { networkId: string | null; orgId: string | null }): Promise<string> {
  if (owner.networkId) return (await repo.networksByIds(db, [owner.networkId]))[0]?.name ?? '';
  return owner.orgId ? ((await orgsRepo.findById(db, owner.orgId))?.name ?? '') : '';
}

/**
 * Tells the reviewers of `reviewerOrgId` (reviewersOf) that something waits for their review, inside the caller's
 * transaction: an in-app notice each and, by their preference, an e-mail through the outbox. The actor is not told.
 */
export async function notifyReviewers(
  tx: Executor,
  actor: Actor,
  n: { reviewerOrgId: string; kind: 'plan_submitted' | 'report_submitted'; title: string; link: string },
): Promise<number> {
  const personIds = (await reviewersOf(tx, [n.reviewerOrgId])).get(n.reviewerOrgId) ?? [];
  return notifyPeople(tx, {
    personIds,
    kind: n.kind,
    title: n.title,
    body: `${actor.fullName} đã gửi. Vui lòng xem xét, trả lại kèm ý kiến hoặc duyệt.`,
    link: n.link,
    except: actor.personId,
  });
}
