import { buildOrg, buildSchool, linkOrg } from '../../../../tests/factories';
import { CU_CHI_COMMUNES, CU_CHI_SCHOOLS, NAMED_PRINCIPALS, THCS_TEAMS } from './cuChiData';
import { asciiSlug } from './random';
import { addPerson, newName, type SeedContext, staffSchool } from './staff';

/** The day district offices were abolished and communes took over their schools. */
export const REFORM_DATE = '2025-07-01';
const LAST_DISTRICT_DAY = '2025-06-30';

/** Easy log-ins that belong to Củ Chi. */
export const CU_CHI_LOGINS = {
  specialist: 'chuyenvien.so@lientruong.vn',
  communeOfficer: 'canbo.xa@lientruong.vn',
  principal: 'hieutruong@lientruong.vn',
  teamHead: 'totruong@lientruong.vn',
  teacher: 'giaovien@lientruong.vn',
};

/** What the Củ Chi build hands on to the networks. */
export interface CuChiOrgs {
  soId: string;
  phongId: string;
  /** Commune id by name ("Phú Hòa Đông"), from 1/7/2025. */
  communes: Map<string, string>;
  /** School id by the seed's key ("Tân Thạnh Đông"). */
  schools: Map<string, string>;
  /** Principal's person id by school key. */
  principals: Map<string, string>;
}

/** Sở GD&ĐT TP.HCM, Phòng GD&ĐT Củ Chi (until 30/6/2025), the seven communes and the 24 schools with their staff. */
export async function buildCuChi(ctx: SeedContext): Promise<CuChiOrgs> {
  const { db } = ctx;
  const so = await buildOrg(db, {
    type: 'province_department',
    code: 'SGDDT-HCM',
    name: 'Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh',
    shortName: 'Sở GD&ĐT TP.HCM',
  });
  const phong = await buildOrg(db, {
    type: 'district_office',
    code: 'PGDDT-CUCHI',
    name: 'Phòng Giáo dục và Đào tạo huyện Củ Chi',
    shortName: 'Phòng GD&ĐT Củ Chi',
    validTo: LAST_DISTRICT_DAY,
    parentId: so.id,
    linkFrom: '2000-01-01',
    linkTo: LAST_DISTRICT_DAY,
  });
  const communes = new Map<string, string>();
  for (const c of CU_CHI_COMMUNES) {
    const commune = await buildOrg(db, {
      type: 'commune',
      code: `XA-${asciiSlug(c).toUpperCase()}`,
      name: `Xã ${c}`,
      validFrom: REFORM_DATE,
      parentId: so.id,
      linkFrom: REFORM_DATE,
    });
    communes.set(c, commune.id);
  }
  ctx.counts.orgs += 2 + communes.size;

  await addPerson(ctx, {
    ...newName(ctx),
    email: CU_CHI_LOGINS.specialist,
    unit: 'sohcm',
    positions: [{ orgId: so.id, position: 'specialist', validFrom: '2016-09-01' }],
  });
  // Office leader at the Phòng until it was abolished, then at the commune: both memberships kept as history.
  await addPerson(ctx, {
    ...newName(ctx),
    email: CU_CHI_LOGINS.communeOfficer,
    unit: 'xaphuhoadong',
    positions: [
      { orgId: phong.id, position: 'office_leader', validFrom: '2019-08-01', validTo: LAST_DISTRICT_DAY },
      { orgId: communes.get('Phú Hòa Đông') as string, position: 'office_leader', validFrom: REFORM_DATE },
    ],
  });

  const schools = new Map<string, string>();
  const principals = new Map<string, string>();
  for (const s of CU_CHI_SCHOOLS) {
    const slug = asciiSlug(s.key).toUpperCase();
    const code = `${s.prefix.replace('-', '')}-${slug}`;
    const school = await buildSchool(db, {
      code,
      name: `Trường ${s.prefix} ${s.key}`,
      shortName: `${s.prefix} ${s.key}`,
      levels: s.prefix === 'TH-THCS' ? ['primary', 'lower_secondary'] : ['lower_secondary'],
      parentId: phong.id,
      linkFrom: '2000-01-01',
      linkTo: LAST_DISTRICT_DAY,
    });
    await linkOrg(db, school.id, communes.get(s.commune) as string, REFORM_DATE);
    schools.set(s.key, school.id);
    ctx.counts.orgs += 1;
    const named = NAMED_PRINCIPALS[s.key];
    const principalId = await staffSchool(ctx, {
      schoolId: school.id,
      schoolCode: code,
      unit: asciiSlug(`${s.prefix}${s.key}`),
      principal: named && { ...named, email: s.key === 'Thị Trấn 2' ? CU_CHI_LOGINS.principal : undefined },
      teams: THCS_TEAMS,
      firstTeam:
        s.key === 'Tân Thạnh Đông'
          ? { headEmail: CU_CHI_LOGINS.teamHead }
          : s.key === 'Hòa Phú'
            ? { teacherEmail: CU_CHI_LOGINS.teacher }
            : undefined,
    });
    principals.set(s.key, principalId);
  }
  return { soId: so.id, phongId: phong.id, communes, schools, principals };
}
