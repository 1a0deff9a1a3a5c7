import type { FastifyInstance, FastifyRequest } from 'fastify';
import { importActivityFile, listImports } from '@carbonbase/app';
import { activityTemplateBuffer, activityTemplateCsv } from '@carbonbase/io';
import { actorOf, errorBody, type AppContext } from './context.js';
import { idParams, items, TAGS, withErrors, year } from './schemas.js';

const security = [{ bearerAuth: [] }];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Activity files: the blank templates, uploads of filled ones, and the record of imports. */
export function importRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = TAGS.activity;

  app.post<{ Params: { id: string }; Querystring: { year: number } }>(
    '/api/v1/enterprises/:id/imports',
    {
      schema: {
        tags,
        summary:
          '导入填好的活动数据模板（.xlsx 或 .csv，全部或全不） import a filled activity template (.xlsx or .csv), all or nothing',
        description:
          'multipart/form-data with one file part. Any bad cell refuses the whole file (422, every issue in `details`); a file over the size limit is refused with 413. Importing the same file again adds no version.',
        security,
        params: idParams,
        // Documents the form. The handler reads and size-checks the part itself, so Fastify sees
        // no parsed body (null), which this schema lets through.
        body: {
          content: {
            'multipart/form-data': {
              schema: {
                type: ['object', 'null'],
                required: ['file'],
                properties: {
                  file: {
                    type: 'string',
                    contentMediaType: 'application/octet-stream',
                    description: '填好的模板 the filled template, .xlsx or .csv',
                  },
                },
              },
            },
          },
        },
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['year'],
          properties: {
            year: { ...year, description: '文件中各月所属年份 the year of the months' },
          },
        },
        response: withErrors(
          {
            201: {
              type: 'object',
              required: ['batch', 'sourcesCreated'],
              properties: {
                batch: { $ref: 'ImportBatch#' },
                sourcesCreated: { type: 'array', items: { type: 'string' } },
              },
            },
          },
          409,
          413,
          415,
          422,
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(ctx, request);
      const upload = await readUpload(request);
      if (!upload)
        return reply
          .code(400)
          .send(
            errorBody(
              'bad-request',
              '请以 multipart/form-data 上传一个文件',
              'send one file as multipart/form-data',
            ),
          );
      const { file, bytes } = upload;
      const report = await importActivityFile(
        ctx.store,
        actor,
        request.params.id,
        { name: file.filename, bytes: new Uint8Array(bytes) },
        { year: request.query.year },
      );
      return reply.code(201).send(report);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/enterprises/:id/imports',
    {
      schema: {
        tags,
        summary: '导入记录（新的在前） the imports of an enterprise, newest first',
        security,
        params: idParams,
        response: withErrors({ 200: items('ImportBatch') }),
      },
    },
    async (request) => ({
      items: await listImports(ctx.store, actorOf(ctx, request), request.params.id),
    }),
  );

  app.get(
    '/api/v1/templates/activity.xlsx',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '月度活动数据 Excel 模板 the monthly activity-data template (Excel)',
        produces: [XLSX],
      },
    },
    async (_request, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', attachment('活动数据模板.xlsx', 'activity-template.xlsx'))
        .send(await activityTemplateBuffer()),
  );

  app.get(
    '/api/v1/templates/activity.csv',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '月度活动数据 CSV 模板（UTF-8） the monthly activity-data template (CSV, UTF-8)',
        produces: ['text/csv'],
      },
    },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment('活动数据模板.csv', 'activity-template.csv'))
        .send(activityTemplateCsv()),
  );
}

/**
 * The uploaded file, or undefined when the request carries none or its multipart body cannot be
 * parsed. A part over the size limit throws a 413 (nothing has been written yet).
 */
async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) return undefined;
  try {
    const file = await request.file();
    return file && { file, bytes: await file.toBuffer() };
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 413) throw e;
    request.log.info({ err: e }, 'unreadable multipart body');
    return undefined;
  }
}

/** RFC 6266: an ASCII name for old clients and the UTF-8 name for the rest. */
export const attachment = (utf8Name: string, asciiName: string): string =>
  `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}`;
