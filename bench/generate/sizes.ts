/** The data sizes the generator builds; every figure is per school year 2025-2026. */
export type SizeName = 'XS' | 'S' | 'M' | 'L';

/** How big a data set is: the org tree, the staff and how often each kind of meeting meets. */
export interface SizeSpec {
  name: SizeName;
  /** Province departments (Sở); the schools are spread evenly over them. */
  provinces: number;
  schools: number;
  /** Communes per province; 0 = one commune for every ~13.5 schools (the national average after 1/7/2025). */
  communesPerProvince: number;
  /** Staff per school: a principal, a vice principal and teachers split over four subject teams. */
  staffPerSchool: number;
  /** Team meetings per subject team per year (half in each term). */
  teamMeetings: number;
  /** School-group meetings per subject family per group per year. */
  groupMeetings: number;
  /** Cluster meetings per subject family per cluster per year. */
  clusterMeetings: number;
  groupSize: number;
  clusterSize: number;
  /** Schools of the first province whose staff get accounts (principals, team heads, teachers; see accounts.ts). */
  accountSchools: number;
}

/**
 * S: one commune of 30 schools; M: one province of 1,000 schools and 25,000 staff; L: the nation, 34 provinces with
 * 45,000 schools and ~1,000,000 staff. Meeting rates are the same at every size (about 150 meetings and 1,100
 * attendance rows per school and year), so L holds ~7 M meetings and ~50 M attendance rows. XS is for tests.
 */
export const SIZES: Record<SizeName, SizeSpec> = {
  XS: {
    name: 'XS',
    provinces: 1,
    schools: 6,
    communesPerProvince: 2,
    staffPerSchool: 10,
    teamMeetings: 4,
    groupMeetings: 2,
    clusterMeetings: 2,
    groupSize: 3,
    clusterSize: 6,
    accountSchools: 2,
  },
  S: {
    name: 'S',
    provinces: 1,
    schools: 30,
    communesPerProvince: 1,
    staffPerSchool: 25,
    teamMeetings: 32,
    groupMeetings: 14,
    clusterMeetings: 8,
    groupSize: 3,
    clusterSize: 10,
    accountSchools: 6,
  },
  M: {
    name: 'M',
    provinces: 1,
    schools: 1000,
    communesPerProvince: 0,
    staffPerSchool: 25,
    teamMeetings: 32,
    groupMeetings: 14,
    clusterMeetings: 8,
    groupSize: 3,
    clusterSize: 10,
    accountSchools: 30,
  },
  L: {
    name: 'L',
    provinces: 34,
    schools: 45000,
    communesPerProvince: 0,
    staffPerSchool: 22,
    teamMeetings: 32,
    groupMeetings: 14,
    clusterMeetings: 8,
    groupSize: 3,
    clusterSize: 10,
    accountSchools: 30,
  },
};

/** Reads a size name (case-insensitive); undefined when unknown. */
export function sizeOf(name: string): SizeSpec | undefined {
  return SIZES[name.toUpperCase() as SizeName];
}
