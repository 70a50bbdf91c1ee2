import type {
  MaterialComment,
  MaterialCommentInput,
  MaterialFields,
  MaterialKind,
  MaterialsQuery,
  MaterialView,
  TextbookSeries,
} from '../../../shared/materials';
import { textbookSeriesNames } from '../../../shared/materials';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { fieldError, notFound } from '../../lib/errors';
import { loadReadable } from '../meetings/access';
import * as orgsRepo from '../orgs/repo';
import { actorSchools, authorize, canDelete, canRead, type MaterialScope } from './policy';
import * as repo from './repo';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;
export interface StoredFile {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

async function scopesOf(db: Executor, actor: Actor, rows: Row[]): Promise<MaterialScope[]> {
  const chains = await orgsRepo.ancestorChains(db, [...new Set(rows.map((r) => r.ownerOrgId))], todayIso());
  const peers = rows.some((r) => r.visibility === 'network') ? await repo.networkPeers(db, actorSchools(actor)) : new Set<string>();
  return rows.map((r) => ({
    visibility: r.visibility as MaterialScope['visibility'],
    ownerChain: chains.get(r.ownerOrgId) ?? [r.ownerOrgId],
    provinceOrgId: r.provinceOrgId,
    uploadedBy: r.uploadedBy,
    sharesNetwork: peers.has(r.ownerOrgId),
  }));
}

function shape(r: Row, s: MaterialScope, actor: Actor): MaterialView {
  return {
    id: r.id,
    title: r.title,
    materialKind: r.kind as MaterialKind,
    description: r.description,
    subject: r.subjectId ? { id: r.subjectId, name: r.subjectName ?? '' } : null,
    grade: r.grade,
    textbookSeries: r.textbookSeries as TextbookSeries | null,
    lesson: r.lesson,
    visibility: s.visibility,
    ownerOrg: { id: r.ownerOrgId, name: r.ownerOrgName },
    meetingId: r.meetingId,
    fileName: r.fileName,
    mimeType: r.mimeType,
    size: r.size,
    uploadedByName: r.uploadedByName,
    createdAt: r.createdAt.toISOString(),
    can: { delete: canDelete(actor, s) },
  };
}

/** Materials matching the search that the actor may read (at most 100, newest first). */
export async function list(db: Executor, actor: Actor, q: MaterialsQuery): Promise<MaterialView[]> {
  const rows = await repo.search(db, { ...q, kind: q.materialKind, limit: 300 });
  const scopes = await scopesOf(db, actor, rows);
  return rows
    .map((r, i) => ({ r, s: scopes[i] }))
    .filter(({ s }) => canRead(actor, s))
    .slice(0, 100)
    .map(({ r, s }) => shape(r, s, actor));
}

/** One material the actor may read, with its storage key (for the file route). */
export async function readable(db: Executor, actor: Actor, id: string): Promise<{ view: MaterialView; storageKey: string }> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('học liệu');
  const [scope] = await scopesOf(db, actor, [row]);
  authorize(actor, 'read', scope);
  return { view: shape(row, scope, actor), storageKey: row.storageKey };
}

/** The org a new material belongs to: the actor's school, else the office they work in. */
async function ownerOf(db: Executor, actor: Actor): Promise<{ ownerOrgId: string; provinceOrgId: string }> {
  const ownerOrgId = actorSchools(actor)[0] ?? actor.roles[0]?.orgId;
  if (!ownerOrgId) throw fieldError('visibility', 'Tài khoản chưa thuộc đơn vị nào nên không chia sẻ được học liệu');
  const chain = await orgsRepo.ancestorChain(db, ownerOrgId, todayIso());
  return { ownerOrgId, provinceOrgId: chain[chain.length - 1] ?? ownerOrgId };
}

/** Checks the tags' references (subject, meeting) and returns the text searched without diacritics. */
export async function checkTags(
  db: Executor,
  actor: Actor,
  v: Omit<MaterialFields, 'meetingId'> & { meetingId?: string | null },
): Promise<string> {
  let subjectName = '';
  if (v.subjectId) {
    const name = await repo.subjectName(db, v.subjectId);
    if (name === undefined) throw fieldError('subjectId', 'Môn học không tồn tại');
    subjectName = name;
  }
  if (v.meetingId) await loadReadable(db, actor, v.meetingId);
  const grade = v.grade ? `${subjectName} ${v.grade} | lớp ${v.grade}` : subjectName;
  const series = v.textbookSeries ? textbookSeriesNames[v.textbookSeries] : '';
  return [v.title, grade, series, v.lesson ?? '', v.description ?? ''].filter(Boolean).join(' | ');
}

/** Records an uploaded (already stored) file as a material. */
export async function create(tx: Executor, actor: Actor, v: MaterialFields, f: StoredFile, sourceAttachmentId?: string): Promise<string> {
  const searchText = await checkTags(tx, actor, v);
  const owner = await ownerOf(tx, actor);
  const row = {
    title: v.title,
    kind: v.materialKind,
    description: v.description ?? null,
    subjectId: v.subjectId ?? null,
    grade: v.grade ?? null,
    textbookSeries: v.textbookSeries ?? null,
    lesson: v.lesson ?? null,
    visibility: v.visibility,
    meetingId: v.meetingId ?? null,
    sourceAttachmentId: sourceAttachmentId ?? null,
    searchText,
    ...owner,
    ...f,
    uploadedBy: actor.personId,
  };
  const { id } = await repo.insert(tx, row);
  await audit(tx, actor, { action: 'create', entityType: 'material', entityId: id, orgId: owner.ownerOrgId, after: row });
  return id;
}

/** Deletes a material; returns the storage key when its file is no longer used. */
export async function remove(tx: Executor, actor: Actor, id: string): Promise<string | null> {
  const row = await repo.findById(tx, id);
  if (!row) throw notFound('học liệu');
  const [scope] = await scopesOf(tx, actor, [row]);
  authorize(actor, 'delete', scope);
  const last = await repo.remove(tx, id, row.storageKey);
  await audit(tx, actor, { action: 'delete', entityType: 'material', entityId: id, orgId: row.ownerOrgId, before: row });
  return last ? row.storageKey : null;
}

/** Comments of a material the actor may read. */
export async function comments(db: Executor, actor: Actor, id: string): Promise<MaterialComment[]> {
  await readable(db, actor, id);
  const rows = await repo.comments(db, id);
  return rows.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
}

/** Adds a comment (at a time code for videos) by anyone who may read the material. */
export async function addComment(tx: Executor, actor: Actor, id: string, v: MaterialCommentInput): Promise<void> {
  const { view } = await readable(tx, actor, id);
  if (v.atSeconds != null && view.materialKind !== 'video') throw fieldError('atSeconds', 'Chỉ nhận xét theo thời điểm với video');
  await repo.insertComment(tx, { materialId: id, authorId: actor.personId, atSeconds: v.atSeconds ?? null, body: v.body });
}
