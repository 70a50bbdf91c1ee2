import { buffer } from 'node:stream/consumers';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileBody } from '../../../shared/views';
import { SIGNED_FORM_KINDS as FORM_KINDS } from '../../db/schema';
import { audit } from '../../lib/audit';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { todayIso } from '../../lib/dates';
import { notFound } from '../../lib/errors';
import { fileStoreOf } from '../../lib/files/create';
import { sharedKey } from '../../lib/files/store';
import { inTransaction } from '../../lib/tx';
import { minutesDocument } from '../exports/minutes';
import * as orgsRepo from '../orgs/repo';
import { authorize } from './policy';
import * as repo from './repo';
import { minutesPdf, sealMinutes, signedCopy } from './service';

const meetingParams = z.object({ meetingId: z.uuid() });
const idParams = z.object({ id: z.uuid() });
const settingParams = z.object({ orgId: z.uuid(), formKind: z.enum(FORM_KINDS, { error: 'Loại văn bản không hợp lệ' }) });
const modeBody = z.object({ mode: z.enum(['account', 'ca_required'], { error: 'Cách ký phải là "account" hoặc "ca_required"' }) });
const signedView = z.object({
  id: z.uuid(),
  formKind: z.enum(FORM_KINDS),
  recordId: z.uuid(),
  recordHash: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  signerName: z.string(),
  signedAt: z.date(),
  timestamped: z.boolean(),
});
const settingsView = z.object({
  orgId: z.uuid(),
  settings: z.array(z.object({ formKind: z.enum(FORM_KINDS), mode: z.enum(['account', 'ca_required']) })),
});
const PDF = fileBody('Văn bản PDF/A (đã ký số nếu đơn vị đã ký)');

/** PDF/A of the official forms, the organisation's digital signature, and each Sở's signature settings. */
export function signatureRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['signatures'];

  r.get('/exports/minutes/:meetingId.pdf', { schema: { tags, params: meetingParams, response: { 200: PDF } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const id = req.params.meetingId;
    const stored = await signedCopy(db, id);
    let pdf: Buffer;
    if (stored) {
      await minutesDocument(db, actor, id); // the read policy of the minutes
      pdf = await buffer(await fileStoreOf(ctx).get(sharedKey(stored.storageKey)));
    } else pdf = await minutesPdf(ctx, actor, id);
    const name = `bien-ban-sinh-hoat-chuyen-mon-${id.slice(0, 8)}${stored ? '-da-ky-so' : ''}.pdf`;
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${name}"`).send(pdf);
  });

  r.post('/meetings/:id/minutes/seal', { schema: { tags, params: idParams, response: { 201: signedView } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const saved = await sealMinutes(ctx, actor, req.params.id);
    return reply.status(201).send(saved);
  });

  const departmentChain = async (orgId: string) => {
    const chain = await orgsRepo.ancestorChain(db, orgId, todayIso());
    if ((await repo.departmentIn(db, chain)) !== orgId) throw notFound('Sở Giáo dục và Đào tạo');
    return chain;
  };

  r.get('/signature-settings/:id', { schema: { tags, params: idParams, response: { 200: settingsView } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    authorize(actor, 'settings', { departmentChain: await departmentChain(req.params.id) });
    const rows = await repo.settingsOf(db, req.params.id);
    const mode = new Map(rows.map((x) => [x.formKind, x.mode]));
    return { orgId: req.params.id, settings: FORM_KINDS.map((formKind) => ({ formKind, mode: mode.get(formKind) ?? 'account' })) };
  });

  r.put(
    '/signature-settings/:orgId/:formKind',
    {
      schema: {
        tags,
        params: settingParams,
        body: modeBody,
        response: { 200: z.object({ formKind: z.enum(FORM_KINDS), mode: modeBody.shape.mode }) },
      },
    },
    async (req) => {
      const actor = await requireActor(req, ctx);
      authorize(actor, 'settings', { departmentChain: await departmentChain(req.params.orgId) });
      await inTransaction(ctx, async (tx) => {
        await repo.putSetting(tx, req.params.orgId, req.params.formKind, req.body.mode, actor.personId);
        await audit(tx, actor, {
          action: 'signatureSettings.put',
          entityType: 'org',
          entityId: req.params.orgId,
          orgId: req.params.orgId,
          after: { formKind: req.params.formKind, mode: req.body.mode },
        });
      });
      return { formKind: req.params.formKind, mode: req.body.mode };
    },
  );
}
