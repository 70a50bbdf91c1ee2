import { z } from 'zod';

/** Query of the schedule exports: a network or an org subtree, a school year and (optionally) a term. */
export const scheduleQuery = z
  .object({
    networkId: z.uuid().optional(),
    orgId: z.uuid().optional(),
    schoolYearId: z.uuid().optional(),
    term: z.coerce.number().int().min(1).max(2).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.networkId === !v.orgId) {
      ctx.addIssue({ code: 'custom', path: ['networkId'], message: 'Chọn một mạng lưới hoặc một đơn vị' });
    }
    if (v.orgId && !v.schoolYearId) {
      ctx.addIssue({ code: 'custom', path: ['schoolYearId'], message: 'Chọn năm học' });
    }
  });
export type ScheduleQuery = z.infer<typeof scheduleQuery>;

/** Path of the minutes export: the meeting id, with the file extension. */
export const minutesParams = z.object({ meetingId: z.uuid() });
