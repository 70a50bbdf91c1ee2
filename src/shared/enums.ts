/** Enumerations shared by server and web; values are the code names of GLOSSARY.md. */
export const ORG_TYPES = ['province_department', 'district_office', 'commune', 'school', 'center', 'team'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const SCHOOL_LEVELS = ['preschool', 'primary', 'lower_secondary', 'upper_secondary'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export const POSITIONS = ['principal', 'vice_principal', 'team_head', 'team_deputy', 'teacher', 'office_leader', 'specialist'] as const;
export type Position = (typeof POSITIONS)[number];

export const NETWORK_KINDS = ['cluster', 'school_group', 'district_group', 'custom'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

export const LEADERSHIP_MODES = ['named', 'rotating'] as const;
export type LeadershipMode = (typeof LEADERSHIP_MODES)[number];

export const NETWORK_ROLES = ['leader', 'deputy'] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

/** Which child org types each org type may have. */
export const ALLOWED_CHILDREN: Record<OrgType, readonly OrgType[]> = {
  province_department: ['district_office', 'commune', 'school', 'center'],
  district_office: ['school', 'center'],
  commune: ['school', 'center'],
  school: ['team'],
  center: ['team'],
  team: [],
};

/** Org types whose staff with office positions supervise a subtree. */
export const OFFICE_TYPES: readonly OrgType[] = ['province_department', 'district_office', 'commune'];
export const SCHOOL_TYPES: readonly OrgType[] = ['school', 'center'];

/** What happens at a meeting (DOMAIN.md "Meetings"). */
export const MEETING_KINDS = [
  'demo_lesson',
  'lesson_study',
  'topic_report',
  'workshop',
  'seminar',
  'exchange',
  'exam_review',
  'gifted_training',
  'remedial',
  'experience_initiative',
  'research',
  'teaching_aids',
  'experiential',
  'local_production',
  'dossier_display',
  'extracurricular',
  'science_fair',
  'other',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_MODES = ['in_person', 'online', 'hybrid'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export const MEETING_STATUSES = ['draft', 'scheduled', 'held', 'minutes_locked', 'postponed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_ITEM_STATUSES = ['planned', 'held', 'moved', 'cancelled'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

export const ATTENDANCE_STATUSES = ['present', 'late', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const MINUTES_STATUSES = ['draft', 'signing', 'locked'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
