import type { ChatLinksInput, ChatLinkView } from '../../../shared/meetings';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { fieldError } from '../../lib/errors';
import { networkFacts } from './networkAccess';
import { authorize, networkCan } from './policy';
import * as repo from './repo';

/** A network's chat-group links per subject, for its members; `can.edit` for its leaders. */
export async function list(db: Executor, actor: Actor, networkId: string): Promise<{ links: ChatLinkView[]; can: { edit: boolean } }> {
  const facts = await networkFacts(db, networkId);
  authorize(actor, 'network.read', facts);
  const rows = await repo.chatLinksOf(db, networkId);
  return {
    links: rows.map((r) => ({
      id: r.id,
      url: r.url,
      label: r.label,
      subject: r.subjectId ? { id: r.subjectId, name: r.subjectName ?? '' } : null,
    })),
    can: { edit: networkCan(actor, facts).edit },
  };
}

/** Replaces a network's chat links (one per subject; one general link without a subject). */
export async function replace(
  tx: Executor,
  actor: Actor,
  networkId: string,
  input: ChatLinksInput & { links: Array<{ subjectId?: string | null; url: string; label: string | null }> },
) {
  authorize(actor, 'network.edit', await networkFacts(tx, networkId));
  const seen = new Set<string>();
  input.links.forEach((l, i) => {
    const key = l.subjectId ?? '';
    if (seen.has(key)) throw fieldError(`links.${i}.subjectId`, 'Mỗi môn chỉ có một đường liên kết nhóm');
    seen.add(key);
  });
  const ids = input.links.map((l) => l.subjectId).filter((x): x is string => !!x);
  if ((await repo.existing(tx, 'subjects', ids)).size !== ids.length) throw fieldError('links', 'Có môn học không tồn tại');
  await repo.replaceChatLinks(
    tx,
    networkId,
    input.links.map((l) => ({ subjectId: l.subjectId ?? null, url: l.url, label: l.label ?? null })),
  );
  await audit(tx, actor, { action: 'chat_links', entityType: 'network', entityId: networkId, orgId: null, after: input.links });
}
