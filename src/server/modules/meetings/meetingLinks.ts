import type { MeetingLinksInput } from '../../../shared/meetings';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { fieldError } from '../../lib/errors';
import * as orgsRepo from '../orgs/repo';
import * as linksRepo from './meetingLinksRepo';
import { networkFacts } from './networkAccess';
import { authorize, isBridgeOrgOf, type NetworkFacts, networkCan } from './policy';
import * as repo from './repo';

/** A network's online meeting links (general, per subject, per bridge point) for its members; `can.edit` for its leaders. */
export async function list(db: Executor, actor: Actor, networkId: string) {
  const facts = await networkFacts(db, networkId);
  authorize(actor, 'network.read', facts);
  const rows = await linksRepo.linksOf(db, networkId);
  return {
    orgs: await bridgeOrgChoices(db, facts),
    links: rows.map((r) => ({
      id: r.id,
      url: r.url,
      subject: r.subjectId ? { id: r.subjectId, name: r.subjectName ?? '' } : null,
      org: r.orgId ? { id: r.orgId, name: r.orgName ?? '' } : null,
    })),
    can: { edit: networkCan(actor, facts).edit },
  };
}

/** The orgs a network's bridge points may be (isBridgeOrgOf): member schools first, then the offices above them. */
async function bridgeOrgChoices(db: Executor, facts: NetworkFacts) {
  const members = new Set(facts.memberChains.map((c) => c[0]));
  const ids = [...new Set([...facts.memberChains.flat(), facts.supervisingChain[0]])];
  const rows = await linksRepo.bridgeOrgs(db, ids);
  return [...rows.filter((o) => members.has(o.id)), ...rows.filter((o) => !members.has(o.id))];
}

/** 400 naming the field unless every org is a bridge point the network may use (a member school or an office above one). */
export async function requireBridgeOrgs(db: Executor, facts: NetworkFacts, orgs: ReadonlyArray<{ field: string; orgId: string }>) {
  if (orgs.length === 0) return;
  const chains = await orgsRepo.ancestorChains(db, [...new Set(orgs.map((o) => o.orgId))], todayIso());
  for (const o of orgs)
    if (!isBridgeOrgOf(facts, chains.get(o.orgId) ?? [o.orgId]))
      throw fieldError(o.field, 'Điểm cầu phải là trường thành viên của mạng lưới hoặc cơ quan quản lý của trường thành viên');
}

/** Replaces a network's meeting links: one per (subject, bridge point) pair, both optional. */
export async function replace(tx: Executor, actor: Actor, networkId: string, input: MeetingLinksInput) {
  const facts = await networkFacts(tx, networkId);
  authorize(actor, 'network.edit', facts);
  const seen = new Set<string>();
  input.links.forEach((l, i) => {
    const key = `${l.subjectId ?? ''}|${l.orgId ?? ''}`;
    if (seen.has(key)) throw fieldError(`links.${i}.url`, 'Mỗi môn và mỗi điểm cầu chỉ có một đường liên kết họp');
    seen.add(key);
  });
  const subjectIds = input.links.map((l) => l.subjectId).filter((x): x is string => !!x);
  if ((await repo.existing(tx, 'subjects', subjectIds)).size !== new Set(subjectIds).size)
    throw fieldError('links', 'Có môn học không tồn tại');
  await requireBridgeOrgs(
    tx,
    facts,
    input.links.flatMap((l, i) => (l.orgId ? [{ field: `links.${i}.orgId`, orgId: l.orgId }] : [])),
  );
  const links = input.links.map((l) => ({ subjectId: l.subjectId ?? null, orgId: l.orgId ?? null, url: l.url }));
  await linksRepo.replaceLinks(tx, networkId, links);
  await audit(tx, actor, { action: 'meeting_links', entityType: 'network', entityId: networkId, orgId: null, after: links });
}

/** The saved link a venue takes (most specific first); shared with the meeting form. */
export { pickLink } from '../../../shared/meetingLinks';
