import { z } from 'zod';

/** A plan or report waiting for the person's review. */
const reviewItem = z.object({
  id: z.string(),
  title: z.string(),
  ownerName: z.string(),
  submittedAt: z.string().nullable(),
  link: z.string(),
});

/** Minutes out for signing that wait for the person's signature; `waitingFor` > 0 when a chair must let others sign first. */
const signItem = z.object({
  meetingId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  role: z.enum(['chair', 'secretary', 'participant']),
  signed: z.number(),
  total: z.number(),
  waitingFor: z.number(),
  link: z.string(),
});

/** A plan or report the person's network (or org) owes by a deadline of the rules; `overdue` once the day is past. */
const dueItem = z.object({
  key: z.string(),
  ownerName: z.string(),
  period: z.enum(['year', 'term1']),
  due: z.string(),
  overdue: z.boolean(),
  status: z.enum(['none', 'draft', 'returned']),
  link: z.string(),
});

/** A meeting of the coming or past week that the person chairs or writes the minutes of, with what it still needs. */
const meetingTask = z.object({
  meetingId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  role: z.enum(['chair', 'secretary']),
  task: z.enum(['upcoming', 'attendance', 'minutes']),
  link: z.string(),
});

/**
 * An inspection visit of the person's province (for the Sở staff who record it: coming within two weeks, or past its
 * day without a record) or of the unit they manage (coming within two weeks: documents to send).
 */
const inspectionItem = z.object({
  id: z.string(),
  targetName: z.string(),
  visitDate: z.string(),
  side: z.enum(['inspector', 'unit']),
  overdue: z.boolean(),
  link: z.string(),
});

/** An administrator's work: e-mails that failed every attempt, to look at and send again. */
const adminItem = z.object({ kind: z.enum(['failedMail']), count: z.number(), link: z.string() });

/** GET /api/home/todo: the logged-in person's work, by kind, with counts. */
export const todoView = z.object({
  counts: z.object({
    minutesToSign: z.number(),
    plansToReview: z.number(),
    reportsToReview: z.number(),
    reportsDue: z.number(),
    plansDue: z.number(),
    meetingTasks: z.number(),
    inspections: z.number(),
    adminTasks: z.number(),
    total: z.number(),
  }),
  minutesToSign: z.array(signItem),
  plansToReview: z.array(reviewItem),
  reportsToReview: z.array(reviewItem),
  reportsDue: z.array(dueItem),
  plansDue: z.array(dueItem),
  meetingTasks: z.array(meetingTask),
  inspections: z.array(inspectionItem),
  adminTasks: z.array(adminItem),
});
export type TodoView = z.infer<typeof todoView>;
export type TodoSignItem = z.infer<typeof signItem>;
export type TodoReviewItem = z.infer<typeof reviewItem>;
export type TodoDueItem = z.infer<typeof dueItem>;
export type TodoMeetingTask = z.infer<typeof meetingTask>;
export type TodoInspectionItem = z.infer<typeof inspectionItem>;
export type TodoAdminItem = z.infer<typeof adminItem>;
