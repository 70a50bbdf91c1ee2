import type { Executor } from '../../src/server/db/client';
import { buildNetwork, buildOrg, buildSchoolYear, buildTeam, buildUser } from '../factories';

/**
 * A small world for policy tests: one province with two communes, one school in each (with a team),
 * and one user per role. "own" is commune 1 / school 1 / team 1; "other" is commune 2 / school 2 / team 2.
 */
export async function buildWorld(db: Executor) {
  const year = await buildSchoolYear(db, { code: '2025-2026' });
  const province = await buildOrg(db, { type: 'province_department', name: 'Sở GD&ĐT Thử nghiệm', code: 'SO-TN' });
  const commune1 = await buildOrg(db, { type: 'commune', name: 'Xã Phú Hòa Đông', code: 'XA-PHD', parentId: province.id });
  const commune2 = await buildOrg(db, { type: 'commune', name: 'Xã An Nhơn Tây', code: 'XA-ANT', parentId: province.id });
  const school1 = await buildOrg(db, { name: 'Trường THCS Tân Thạnh Đông', code: 'THCS-TTD', parentId: commune1.id });
  const school1b = await buildOrg(db, { name: 'Trường THCS Tân Thạnh Tây', code: 'THCS-TTT', parentId: commune1.id });
  const school2 = await buildOrg(db, { name: 'Trường THCS An Nhơn Tây', code: 'THCS-ANT', parentId: commune2.id });
  const school2b = await buildOrg(db, { name: 'Trường THCS An Phú', code: 'THCS-AP', parentId: commune2.id });
  const team1 = await buildTeam(db, { name: 'Tổ Toán - Tin', code: 'TTD-TOAN', parentId: school1.id });
  const team2 = await buildTeam(db, { name: 'Tổ Toán - Tin', code: 'ANT-TOAN', parentId: school2.id });

  const admin = await buildUser(db, { fullName: 'Quản trị', email: 'admin@tn.vn', isAdmin: true });
  const specialist = await buildUser(db, {
    fullName: 'Chuyên viên Sở',
    email: 'cv@tn.vn',
    positions: [{ orgId: province.id, position: 'specialist' }],
  });
  const communeLeader = await buildUser(db, {
    fullName: 'Lãnh đạo xã 1',
    email: 'xa1@tn.vn',
    positions: [{ orgId: commune1.id, position: 'office_leader' }],
  });
  const principal = await buildUser(db, {
    fullName: 'Hồ Văn Nghĩa',
    email: 'ht1@tn.vn',
    positions: [{ orgId: school1.id, position: 'principal' }],
  });
  const teamHead = await buildUser(db, {
    fullName: 'Tổ trưởng 1',
    email: 'tt1@tn.vn',
    positions: [{ orgId: team1.id, position: 'team_head' }],
  });
  const teacher = await buildUser(db, {
    fullName: 'Giáo viên 1',
    email: 'gv1@tn.vn',
    phone: '0901000001',
    positions: [{ orgId: team1.id, position: 'teacher' }],
  });
  const otherTeacher = await buildUser(db, {
    fullName: 'Giáo viên 2',
    email: 'gv2@tn.vn',
    phone: '0901000002',
    positions: [{ orgId: team2.id, position: 'teacher' }],
  });
  const otherPrincipal = await buildUser(db, {
    fullName: 'Hiệu trưởng 2',
    email: 'ht2@tn.vn',
    positions: [{ orgId: school2.id, position: 'principal' }],
  });

  const network1 = await buildNetwork(db, {
    schoolYearId: year.id,
    supervisingOrgId: commune1.id,
    memberOrgIds: [school1.id, school1b.id],
    name: 'Nhóm xã 1',
    leadOrgId: school1.id,
  });
  const network2 = await buildNetwork(db, {
    schoolYearId: year.id,
    supervisingOrgId: commune2.id,
    memberOrgIds: [school2.id, school2b.id],
    name: 'Nhóm xã 2',
    leadOrgId: school2.id,
  });

  return {
    year,
    orgs: { province, commune1, commune2, school1, school1b, school2, school2b, team1, team2 },
    users: { admin, specialist, communeLeader, principal, teamHead, teacher, otherTeacher, otherPrincipal },
    networks: { network1, network2 },
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
export type Role = keyof World['users'];
