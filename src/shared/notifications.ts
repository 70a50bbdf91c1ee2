import { z } from 'zod';
import type { notificationPreferencesView, outboxItemView } from './meetingViews';

/** Categories of notice a person chooses a channel for. */
export const noticeCategories = ['meetings', 'signatures', 'reviews', 'deadlines'] as const;
export type NoticeCategory = (typeof noticeCategories)[number];

/** How a category reaches the person: in the app only, by e-mail at once, or in one e-mail a day (digest). */
export const noticeChannels = ['in_app', 'email_now', 'email_digest'] as const;
export type NoticeChannel = (typeof noticeChannels)[number];

/** Defaults: e-mail at once for meetings (invitations, changes, cancellations) and signatures, digest for the rest. */
export const defaultChannels: Record<NoticeCategory, NoticeChannel> = {
  meetings: 'email_now',
  signatures: 'email_now',
  reviews: 'email_digest',
  deadlines: 'email_digest',
};

/** The category a notice kind belongs to (meeting_invited → meetings, deadline_plan_7d → deadlines…). */
export function categoryOf(kind: string): NoticeCategory {
  if (kind.startsWith('meeting_')) return 'meetings';
  if (kind.startsWith('minutes_')) return 'signatures';
  if (kind.startsWith('deadline_')) return 'deadlines';
  return 'reviews';
}

/** PUT /api/notifications/preferences: one or more categories with their channel. */
export const notificationPreferencesInput = z
  .object({
    preferences: z
      .array(z.object({ category: z.enum(noticeCategories), channel: z.enum(noticeChannels) }).strict())
      .min(1)
      .max(noticeCategories.length),
  })
  .strict();
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesInput>;

/** A person's channel for every category (schema in meetingViews.ts). */
export type NotificationPreferencesView = z.infer<typeof notificationPreferencesView>;

/** GET /api/notifications/outbox (admins): queued, sent and failed e-mails. */
export const outboxQuery = z
  .object({ status: z.enum(['pending', 'sent', 'failed']).optional(), limit: z.coerce.number().int().min(1).max(500).optional() })
  .strict();
export type OutboxQuery = z.infer<typeof outboxQuery>;

/** One e-mail of the outbox (schema in meetingViews.ts). */
export type OutboxItemView = z.infer<typeof outboxItemView>;
