import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bridgeRuleInput,
  calendarTokenInput,
  chatLinksInput,
  invitationRuleInput,
  invitationVenueInput,
  inviteByNameInput,
  meetingCreateInput,
  meetingLinksInput,
  meetingReasonInput,
  meetingsQuery,
  meetingUpdateInput,
  minePageQuery,
} from '../../../shared/meetings';
import {
  attachmentView,
  bridgeRuleReply,
  calendarTokenReply,
  chatLinkList,
  invitedReply,
  meetingDetail,
  meetingLinkList,
  meetingSummary,
  minePage,
  ruleAddedReply,
  rulePreviewReply,
} from '../../../shared/meetingViews';
import { fileBody, noContent } from '../../../shared/views';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { fieldError } from '../../lib/errors';
import { fileStoreOf } from '../../lib/files/create';
import { releaseSharedFile } from '../../lib/files/repo';
import { contentDisposition, sendStored } from '../../lib/files/send';
import { sharedKey } from '../../lib/files/store';
import { inTransaction } from '../../lib/tx';
import { storeUpload } from '../../lib/upload';
import * as attachments from './attachments';
import { applyBridgeRule } from './bridge';
import * as calendar from './calendar';
import * as chatLinks from './chatLinks';
import * as detail from './detail';
import * as invite from './invite';
import * as meetingLinks from './meetingLinks';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });
const invitationParams = z.object({ id: z.uuid(), invitationId: z.uuid() });
const ruleParams = z.object({ id: z.uuid(), ruleId: z.uuid() });
const feedParams = z.object({ file: z.string().max(200) });
const mineQuery = meetingsQuery.pick({ from: true, to: true });

/** Meetings: schedule views, the meeting page, edits and status, invitations, bridge rule, files, chat links, iCal. */
export function meetingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['meetings'];

  r.get('/meetings', { schema: { tags, querystring: meetingsQuery, response: { 200: z.array(meetingSummary) } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return detail.list(db, actor, req.query);
  });

  r.get('/meetings/mine', { schema: { tags, querystring: mineQuery, response: { 200: z.array(meetingSummary) } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return detail.mine(db, actor, req.query);
  });

  // The page "Lịch của tôi" reads its two lists a page at a time.
  for (const period of ['upcoming', 'past'] as const) {
    r.get(`/meetings/mine/${period}`, { schema: { tags, querystring: minePageQuery, response: { 200: minePage } } }, async (req) => {
      const actor = await requireActor(req, ctx);
      return detail.minePage(db, actor, period, req.query);
    });
  }

  r.get('/meetings/:id', { schema: { tags, params: idParams, response: { 200: meetingDetail } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return detail.get(db, actor, req.params.id);
  });

  r.post('/meetings', { schema: { tags, body: meetingCreateInput, response: { 201: meetingDetail } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const m = await inTransaction(ctx, (tx) => service.create(tx, actor, req.body));
    return reply.status(201).send(await detail.get(db, actor, m.id));
  });

  r.put(
    '/meetings/:id',
    { schema: { tags, params: idParams, body: meetingUpdateInput, response: { 200: meetingDetail } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      await inTransaction(ctx, (tx) => service.update(tx, actor, req.params.id, req.body));
      return detail.get(db, actor, req.params.id);
    },
  );

  r.delete('/meetings/:id', { schema: { tags, params: idParams, response: { 204: noContent } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.remove(tx, actor, req.params.id));
    return reply.status(204).send();
  });

  r.post('/meetings/:id/schedule', { schema: { tags, params: idParams, response: { 200: meetingDetail } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.schedule(tx, actor, req.params.id));
    return detail.get(db, actor, req.params.id);
  });

  for (const action of ['postpone', 'cancel'] as const) {
    r.post(
      `/meetings/:id/${action}`,
      { schema: { tags, params: idParams, body: meetingReasonInput, response: { 200: meetingDetail } } },
      async (req) => {
        const actor = await requireActor(req, ctx);
        await inTransaction(ctx, (tx) => service.postponeOrCancel(tx, actor, req.params.id, action, req.body));
        return detail.get(db, actor, req.params.id);
      },
    );
  }

  r.post('/meetings/:id/held', { schema: { tags, params: idParams, response: { 200: meetingDetail } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.markHeld(tx, actor, req.params.id));
    return detail.get(db, actor, req.params.id);
  });

  r.post(
    '/meetings/:id/apply-bridge-rule',
    { schema: { tags, params: idParams, body: bridgeRuleInput.optional(), response: { 200: bridgeRuleReply } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      const input = req.body ?? { preview: false, links: [] };
      const result = await inTransaction(ctx, (tx) => applyBridgeRule(tx, actor, req.params.id, input));
      return { result, meeting: input.preview ? null : await detail.get(db, actor, req.params.id) };
    },
  );

  r.post(
    '/meetings/:id/invitation-rules',
    { schema: { tags, params: idParams, body: invitationRuleInput, response: { 201: ruleAddedReply } } },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      const result = await inTransaction(ctx, (tx) => invite.addRule(tx, actor, req.params.id, req.body));
      return reply.status(201).send(result);
    },
  );

  r.post(
    '/meetings/:id/invitation-rules/preview',
    { schema: { tags, params: idParams, body: invitationRuleInput, response: { 200: rulePreviewReply } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      return invite.previewRule(db, actor, req.params.id, req.body);
    },
  );

  r.delete(
    '/meetings/:id/invitation-rules/:ruleId',
    { schema: { tags, params: ruleParams, response: { 204: noContent } } },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      await inTransaction(ctx, (tx) => invite.removeRule(tx, actor, req.params.id, req.params.ruleId));
      return reply.status(204).send();
    },
  );

  r.post(
    '/meetings/:id/invitations',
    { schema: { tags, params: idParams, body: inviteByNameInput, response: { 201: invitedReply } } },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      const result = await inTransaction(ctx, (tx) => invite.inviteByName(tx, actor, req.params.id, req.body));
      return reply.status(201).send(result);
    },
  );

  r.put(
    '/meetings/:id/invitations/:invitationId',
    { schema: { tags, params: invitationParams, body: invitationVenueInput, response: { 204: noContent } } },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      await inTransaction(ctx, (tx) => invite.setInvitationVenue(tx, actor, req.params.id, req.params.invitationId, req.body.venueId));
      return reply.status(204).send();
    },
  );

  r.delete(
    '/meetings/:id/invitations/:invitationId',
    { schema: { tags, params: invitationParams, response: { 204: noContent } } },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      await inTransaction(ctx, (tx) => invite.removeInvitation(tx, actor, req.params.id, req.params.invitationId));
      return reply.status(204).send();
    },
  );

  r.post(
    '/meetings/:id/attachments',
    { schema: { tags, params: idParams, consumes: ['multipart/form-data'], response: { 201: attachmentView } } },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      await attachments.requireUpload(db, actor, req.params.id);
      const file = await req.file();
      if (file?.fieldname !== 'file') throw fieldError('file', 'Chưa chọn tệp đính kèm (trường «file»)');
      // The file first (streamed into the store by its hash), then the row; a file this request created is released
      // if its type is refused or the row fails (removed unless another record shares the same bytes).
      const store = fileStoreOf(ctx);
      const release = (key: string) => releaseSharedFile(db, store, key);
      const stored = await storeUpload(file, store, 'files', (head) => attachments.checkFile(file.filename, head), release);
      try {
        const row = await inTransaction(ctx, (tx) =>
          attachments.addAttachment(tx, actor, req.params.id, {
            fileName: file.filename,
            mimeType: stored.checked,
            size: stored.size,
            sha256: stored.sha256,
          }),
        );
        return reply.status(201).send(row);
      } catch (error) {
        if (stored.created) await release(stored.storageKey).catch(() => undefined);
        throw error;
      }
    },
  );

  r.get(
    '/attachments/:id',
    {
      schema: {
        tags,
        params: idParams,
        response: { 200: fileBody('Tệp đính kèm, gửi nguyên dạng'), 206: fileBody('Một đoạn của tệp (tiêu đề Range)') },
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      const a = await attachments.readable(db, actor, req.params.id);
      return sendStored(reply, fileStoreOf(ctx), sharedKey(a.storageKey), req.headers.range, {
        'content-type': a.mimeType,
        'content-disposition': contentDisposition(a.fileName),
      });
    },
  );

  r.delete('/attachments/:id', { schema: { tags, params: idParams, response: { 204: noContent } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const storageKey = await inTransaction(ctx, (tx) => attachments.removeAttachment(tx, actor, req.params.id));
    await releaseSharedFile(db, fileStoreOf(ctx), storageKey);
    return reply.status(204).send();
  });

  r.get('/networks/:id/meeting-links', { schema: { tags, params: idParams, response: { 200: meetingLinkList } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return meetingLinks.list(db, actor, req.params.id);
  });

  r.put(
    '/networks/:id/meeting-links',
    { schema: { tags, params: idParams, body: meetingLinksInput, response: { 200: meetingLinkList } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      await inTransaction(ctx, (tx) => meetingLinks.replace(tx, actor, req.params.id, req.body));
      return meetingLinks.list(db, actor, req.params.id);
    },
  );

  r.get('/networks/:id/chat-links', { schema: { tags, params: idParams, response: { 200: chatLinkList } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return chatLinks.list(db, actor, req.params.id);
  });

  r.put(
    '/networks/:id/chat-links',
    { schema: { tags, params: idParams, body: chatLinksInput, response: { 200: chatLinkList } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      await inTransaction(ctx, (tx) => chatLinks.replace(tx, actor, req.params.id, req.body));
      return chatLinks.list(db, actor, req.params.id);
    },
  );

  r.post('/calendar/tokens', { schema: { tags, body: calendarTokenInput, response: { 200: calendarTokenReply } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return inTransaction(ctx, (tx) => calendar.token(tx, actor, req.body, ctx.config.publicUrl));
  });

  for (const kind of ['person', 'network'] as const) {
    r.get(
      `/calendar/${kind}/:file`,
      { config: { public: true }, schema: { tags, params: feedParams, response: { 200: fileBody('Lịch iCal (text/calendar)') } } },
      async (req, reply) => {
        const text = await calendar.feed(db, kind, req.params.file, ctx.config.publicUrl);
        return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(text);
      },
    );
  }
}
