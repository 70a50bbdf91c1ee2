import { pgEnum } from 'drizzle-orm/pg-core';
import {
  ATTENDANCE_STATUSES,
  MEETING_KINDS,
  MEETING_MODES,
  MEETING_STATUSES,
  MINUTES_STATUSES,
  PLAN_ITEM_STATUSES,
  PLAN_STATUSES,
} from '../../../shared/enums';

/** Kinds of organisation in the education tree (GLOSSARY: org). */
export const orgType = pgEnum('org_type', ['province_department', 'district_office', 'commune', 'school', 'center', 'team']);

/** School levels a school may span (TH, THCS, THPT, and preschool). */
export const schoolLevel = pgEnum('school_level', ['preschool', 'primary', 'lower_secondary', 'upper_secondary']);

/** A person's position in an org. */
export const position = pgEnum('position', [
  'principal',
  'vice_principal',
  'team_head',
  'team_deputy',
  'teacher',
  'office_leader',
  'specialist',
]);

/** Kinds of network of schools (GLOSSARY: network). */
export const networkKind = pgEnum('network_kind', ['cluster', 'school_group', 'district_group', 'custom']);

/** Whether a network's leaders are named people or rotate among members each school year. */
export const leadershipMode = pgEnum('leadership_mode', ['named', 'rotating']);

/** A person's role in a network's leadership. */
export const networkRole = pgEnum('network_role', ['leader', 'deputy']);

export const meetingKind = pgEnum('meeting_kind', MEETING_KINDS);
export const meetingMode = pgEnum('meeting_mode', MEETING_MODES);
export const meetingStatus = pgEnum('meeting_status', MEETING_STATUSES);
export const planStatus = pgEnum('plan_status', PLAN_STATUSES);
export const planItemStatus = pgEnum('plan_item_status', PLAN_ITEM_STATUSES);
export const attendanceStatus = pgEnum('attendance_status', ATTENDANCE_STATUSES);
export const minutesStatus = pgEnum('minutes_status', MINUTES_STATUSES);
