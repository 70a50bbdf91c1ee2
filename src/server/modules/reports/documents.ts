import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { formHeading } from '../../lib/documents/issuer';
import { localityOf } from '../../lib/documents/locality';
import type { Signature } from '../../lib/documents/nd30';
import type { FileStore } from '../../lib/files/store';
import { type ChainOrg, chainOrgs, nearestOffice, unitsAndTitles } from '../exports/people';
import * as exportsRepo from '../exports/repo';
import type { Mau3Document } from './mau3';
import { loadPhotos } from './photos';
import * as repo from './repo';
import { treeDate } from './rollup';
import type { RollupDocument } from './rollupDocx';
import { rollupOf } from './rollupService';
import { get, periodOrFail } from './service';

/** Reads what the Mẫu 3 and roll-up documents print: issuing body, place, signature, recipients. */

const OFFICE_TITLES: Record<string, string> = {
  province_department: 'Giám đốc',
  district_office: 'Trưởng phòng',
  commune: 'Lãnh đạo đơn vị',
};

/** The signature of an org's head on a date: office leader of an office, principal of a school, team head of a team. */
async function orgSignature(db: Executor, org: ChainOrg, date: string): Promise<Signature> {
  if (OFFICE_TITLES[org.type]) {
    const [h] = await exportsRepo.holdersOf(db, org.id, ['office_leader'], date);
    return { title: OFFICE_TITLES[org.type], name: h?.fullName ?? null };
  }
  if (org.type === 'team') {
    const [h] = await exportsRepo.holdersOf(db, org.id, ['team_head', 'team_deputy'], date);
    return { title: `Tổ trưởng ${org.name}`, name: h?.fullName ?? null };
  }
  const [h] = await exportsRepo.holdersOf(db, org.id, ['principal', 'vice_principal'], date);
  return { title: `${h?.position === 'vice_principal' ? 'Phó Hiệu trưởng' : 'Hiệu trưởng'} ${org.name}`, name: h?.fullName ?? null };
}

/** The Mẫu 3 document of a report the actor may read. */
export async function mau3Document(db: Executor, actor: Actor, id: string, store: FileStore): Promise<Mau3Document> {
  const detail = await get(db, actor, id);
  const { period } = await periodOrFail(db, detail.schoolYearId, detail.termNumber);
  const date = treeDate(period);
  let issuer: ChainOrg[];
  let signature: Signature;
  let scope: string;
  if (detail.network) {
    const network = await repo.findNetwork(db, detail.network.id);
    const members = await exportsRepo.memberOrgIds(db, detail.network.id);
    issuer = await chainOrgs(db, network?.leadOrgId ?? members[0] ?? detail.reviewerOrg.id, date);
    const leaders = await exportsRepo.leadersOf(db, [detail.network.id]);
    const leader = leaders.find((l) => l.role === 'leader') ?? leaders[0];
    const titles = await unitsAndTitles(db, leader ? [leader.personId] : [], date);
    signature = leader
      ? {
          authority: detail.network.kind === 'cluster' ? 'Cụm trưởng' : 'Trưởng nhóm',
          title: titles.get(leader.personId)?.title ?? null,
          name: leader.fullName,
        }
      : await orgSignature(db, issuer[0], date);
    scope = detail.network.name;
  } else {
    issuer = await chainOrgs(db, detail.org?.id ?? '', date);
    signature = await orgSignature(db, issuer[0], date);
    scope = detail.org?.name ?? '';
  }
  const heading = formHeading(issuer);
  const chosen = new Set(detail.photoIds);
  const stored = (
    await repo.photosOf(
      db,
      detail.results.meetings.map((m) => m.id),
    )
  ).filter((p) => chosen.has(p.id));
  return {
    body: heading.body,
    number: `Số: ${detail.documentNumber ?? '       /BC-'}`,
    place: heading.place,
    issuedOn: detail.submittedAt ?? date,
    scope,
    term: detail.termNumber,
    schoolYear: detail.schoolYearCode,
    advantages: detail.advantages,
    recommendations: detail.recommendations,
    results: detail.results,
    photoNames: detail.photos.filter((p) => chosen.has(p.id)).map((p) => p.fileName),
    photos: await loadPhotos(store, stored),
    recipients: [`${detail.reviewerOrg.name} (để báo cáo)`, 'Lưu: VT'],
    signature,
    draft: detail.status === 'draft' || detail.status === 'returned',
  };
}

/** The roll-up document of an org the actor may read the roll-up of. */
export async function rollupDocument(db: Executor, actor: Actor, q: Parameters<typeof rollupOf>[2]): Promise<RollupDocument> {
  const { rollup, period, org } = await rollupOf(db, actor, q);
  const date = treeDate(period);
  const chain = await chainOrgs(db, org.id, date);
  const locality = localityOf(nearestOffice(chain)?.name ?? '');
  const heading = formHeading(chain);
  return {
    body: heading.body,
    place: heading.place,
    issuedOn: date,
    scope: OFFICE_TITLES[org.type] && locality ? locality.label : org.name,
    term: rollup.termNumber,
    schoolYear: rollup.schoolYearCode,
    rows: rollup.rows,
    totals: rollup.totals,
    recipients: [...(chain[1] ? [`${chain[1].name} (để báo cáo)`] : []), 'Lưu: VT'],
    signature: await orgSignature(db, chain[0] ?? { id: org.id, name: org.name, type: org.type }, date),
  };
}
