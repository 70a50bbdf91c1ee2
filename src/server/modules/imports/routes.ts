import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { todayIso } from '../../lib/dates';
import { fieldError } from '../../lib/errors';
import { saveWithinLimit } from '../../lib/upload';
import { IMPORT_KINDS } from './columns';
import { closeParsers } from './parsePool';
import { authorize } from './policy';
import * as service from './service';
import { csvTemplate, guideFacts, templateFileName, xlsxTemplate } from './template';

const kindSchema = z.enum(IMPORT_KINDS);
const templateParams = z.object({ kind: kindSchema });
const templateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
const importQuery = z.object({ kind: kindSchema });
const idParams = z.object({ id: z.uuid() });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Import of orgs and staff from XLSX/CSV: templates, upload (background job) and job progress. */
export function importRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onClose', async () => {
    await service.drain();
    await closeParsers();
  });

  r.get(
    '/imports/templates/:kind',
    { schema: { tags: ['imports'], params: templateParams, querystring: templateQuery } },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      authorize(actor, 'import', { kind: req.params.kind });
      const { kind } = req.params;
      const { format } = req.query;
      const body = format === 'xlsx' ? await xlsxTemplate(kind, await guideFacts(ctx.database.db, todayIso())) : csvTemplate(kind);
      return reply
        .header('content-type', format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${templateFileName(kind, format)}"`)
        .send(body);
    },
  );

  r.post(
    '/imports',
    {
      schema: {
        tags: ['imports'],
        querystring: importQuery,
        consumes: ['multipart/form-data'],
        description: 'Tệp .xlsx hoặc .csv trong trường «file»',
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      authorize(actor, 'import', { kind: req.query.kind });
      const file = await req.file();
      if (file?.fieldname !== 'file') throw fieldError('file', 'Cần chọn tệp cần nhập (trường «file»)');
      const upload = await saveWithinLimit(file);
      const fileName = file.filename || 'tệp';
      try {
        const job = await service.start(ctx, req.log, actor, req.query.kind, fileName, { path: upload.path });
        return reply.status(202).send(job);
      } finally {
        await upload.remove();
      }
    },
  );

  r.get('/imports/:id', { schema: { tags: ['imports'], params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.get(ctx, actor, req.params.id);
  });
}
