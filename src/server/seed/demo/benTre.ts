import { buildNetwork, buildOrg, buildSchool } from '../../../../tests/factories';
import { BEN_TRE_DISTRICTS, BEN_TRE_DOCUMENT, THPT_TEAMS } from './benTreData';
import { asciiSlug } from './random';
import { addPerson, newName, type SeedContext, staffSchool } from './staff';

/**
 * Bến Tre (seed 000): the Sở, its nine district offices (until 30/6/2025), the THPT schools and one
 * GDNN-GDTX centre per district directly under the Sở, staff, and the nine district groups of 2022-2023.
 */
export async function buildBenTre(ctx: SeedContext, schoolYearId: string): Promise<void> {
  const { db } = ctx;
  const so = await buildOrg(db, {
    type: 'province_department',
    code: 'SGDDT-BTR',
    name: 'Sở Giáo dục và Đào tạo tỉnh Bến Tre',
    shortName: 'Sở GD&ĐT Bến Tre',
  });
  ctx.counts.orgs += 1;
  await addPerson(ctx, {
    ...newName(ctx),
    unit: 'sobentre',
    positions: [{ orgId: so.id, position: 'specialist', validFrom: '2015-09-01' }],
  });

  for (const d of BEN_TRE_DISTRICTS) {
    await buildOrg(db, {
      type: 'district_office',
      code: `PGDDT-BT-${d.code}`,
      name: `Phòng Giáo dục và Đào tạo ${d.place}`,
      shortName: `Phòng GD&ĐT ${d.place}`,
      validTo: '2025-06-30',
      parentId: so.id,
      linkFrom: '2000-01-01',
      linkTo: '2025-06-30',
    });
    const members: string[] = [];
    let leaderPersonId = '';
    for (const [i, name] of [d.leader, ...d.others].entries()) {
      const code = `THPT-${asciiSlug(name).toUpperCase()}`;
      const school = await buildSchool(db, {
        code,
        name: `Trường THPT ${name}`,
        shortName: `THPT ${name}`,
        levels: ['upper_secondary'],
        parentId: so.id,
      });
      const principalId = await staffSchool(ctx, {
        schoolId: school.id,
        schoolCode: code,
        unit: asciiSlug(`thpt${name}`),
        teams: THPT_TEAMS,
      });
      if (i === 0) leaderPersonId = principalId;
      members.push(school.id);
    }
    const centreCode = `TTGDNN-GDTX-${d.code}`;
    const centre = await buildOrg(db, {
      type: 'center',
      code: centreCode,
      name: `Trung tâm GDNN-GDTX ${d.place}`,
      levels: ['upper_secondary'],
      parentId: so.id,
    });
    await staffSchool(ctx, { schoolId: centre.id, schoolCode: centreCode, unit: `ttgdnngdtx${d.code.toLowerCase()}`, teams: THPT_TEAMS });
    members.push(centre.id);
    ctx.counts.orgs += 1 + members.length;

    await buildNetwork(db, {
      kind: 'district_group',
      name: `Nhóm liên trường THPT - GDNN-GDTX ${d.place}`,
      schoolYearId,
      supervisingOrgId: so.id,
      memberOrgIds: members,
      leadOrgId: members[0],
      leaders: [{ personId: leaderPersonId, role: 'leader' }],
      decisionNumber: null,
      description: BEN_TRE_DOCUMENT,
    });
    ctx.counts.networks += 1;
  }
}
