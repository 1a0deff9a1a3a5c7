import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listActivity } from '@carbonbase/app';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../src/index.js';
import {
  call,
  E1_ROWS,
  engines,
  errorOf,
  openSecond,
  seedWorld,
  serve,
  snapshot,
  useStore,
  workbook,
  type World,
} from './app-fixtures.js';

/** Activity uploads: refused whole when bad or too large, and safe when sent twice at once. */
describe.each(engines)('activity uploads through the API on %s', (engine) => {
  const store = useStore(engine);
  let app: FastifyInstance;
  let w: World;

  beforeAll(async () => {
    w = await seedWorld(store());
    app = await serve(store());
  }, 120_000);
  afterAll(() => app?.close());

  const importUrl = (enterpriseId: string, year = 2024) =>
    `/api/v1/enterprises/${enterpriseId}/imports?year=${year}`;

  it('refuses a file over the limit with 413 and a bilingual error, and writes nothing', async () => {
    const s = store();
    const bytes = await workbook(E1_ROWS);
    const small = await serve(s, { maxUploadBytes: bytes.byteLength - 1 });
    try {
      const before = await snapshot(s, w.tenantId);
      const res = await call(small, w.tokens.clerk1, {
        method: 'POST',
        url: importUrl(w.e1),
        file: { name: 'big.xlsx', bytes },
      });
      expect(res.statusCode).toBe(413);
      expect(errorOf(res)).toEqual({
        code: 'payload-too-large',
        message: {
          zh: `上传文件超过 ${bytes.byteLength - 1} 字节 的上限，未导入任何数据；请拆分文件后分次上传`,
          en: `the upload is over the ${bytes.byteLength - 1} bytes limit; nothing was imported. Split the file and upload the parts`,
        },
        details: [],
      });
      expect(await snapshot(s, w.tenantId)).toEqual(before);
      // one byte more room and the same file goes in
      const roomy = await serve(s, { maxUploadBytes: bytes.byteLength });
      try {
        const ok = await call(roomy, w.tokens.clerk1, {
          method: 'POST',
          url: importUrl(w.e1, 2023),
          file: { name: 'fits.xlsx', bytes },
        });
        expect(ok.statusCode).toBe(201);
      } finally {
        await roomy.close();
      }
    } finally {
      await small.close();
    }
  });

  it('has a default limit of 10 MiB', async () => {
    expect(DEFAULT_MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
    const before = await snapshot(store(), w.tenantId);
    const header = 'id,kind,month,amount,unit\r\n';
    const bytes = new Uint8Array(DEFAULT_MAX_UPLOAD_BYTES + 1).fill(0x20);
    bytes.set(new TextEncoder().encode(header));
    const res = await call(app, w.tokens.clerk1, {
      method: 'POST',
      url: importUrl(w.e1),
      file: { name: 'huge.csv', bytes },
    });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toMatchObject({
      code: 'payload-too-large',
      message: {
        zh: expect.stringContaining('10 MiB') as string,
        en: expect.stringContaining('10 MiB limit') as string,
      },
    });
    expect(await snapshot(store(), w.tenantId)).toEqual(before);
  });

  it('refuses a file with bad cells with 422, every issue listed, nothing written', async () => {
    const s = store();
    const before = await snapshot(s, w.tenantId);
    const bad = await workbook([
      { ...E1_ROWS[0]!, unit: 'furlong' },
      E1_ROWS[1]!,
      { ...E1_ROWS[2]!, month: 13 },
    ]);
    const res = await call(app, w.tokens.clerk1, {
      method: 'POST',
      url: importUrl(w.e1, 2022),
      file: { name: 'bad.xlsx', bytes: bad },
    });
    expect(res.statusCode).toBe(422);
    const body = errorOf(res);
    expect(body.code).toBe('validation-failed');
    expect(body.message.zh).toContain('未导入任何数据');
    expect(body.details).toEqual([
      {
        file: 'bad.xlsx',
        sheet: '月度活动数据 Monthly activity',
        row: 2,
        column: '单位 Unit',
        reason: expect.stringContaining('furlong'),
      },
      {
        file: 'bad.xlsx',
        sheet: '月度活动数据 Monthly activity',
        row: 4,
        column: '月份 Month',
        reason: expect.stringContaining('13'),
      },
    ]);
    const wrongKind = await call(app, w.tokens.clerk1, {
      method: 'POST',
      url: importUrl(w.e1, 2022),
      file: { name: 'data.pdf', bytes: new Uint8Array([37, 80, 68, 70]) },
    });
    expect(wrongKind.statusCode).toBe(422);
    expect(errorOf(wrongKind).details).toEqual([
      expect.objectContaining({ file: 'data.pdf', reason: expect.stringContaining('.xlsx') }),
    ]);
    const noFile = await app.inject({
      method: 'POST',
      url: importUrl(w.e1, 2022),
      headers: { authorization: `Bearer ${w.tokens.clerk1}`, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(noFile.statusCode).toBe(400);
    expect(errorOf(noFile).code).toBe('bad-request');
    const broken = await app.inject({
      method: 'POST',
      url: importUrl(w.e1, 2022),
      headers: {
        authorization: `Bearer ${w.tokens.clerk1}`,
        'content-type': 'multipart/form-data; boundary=XX',
      },
      payload:
        '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nid,kind',
    });
    expect(broken.statusCode).toBe(400);
    expect(errorOf(broken).code).toBe('bad-request');
    expect(await snapshot(s, w.tenantId)).toEqual(before);
  });

  it('two concurrent imports of the same file leave one version of each cell', async () => {
    const s = store();
    // on PostgreSQL the second request goes through its own connection, as from a second server
    const second = engine === 'postgres' ? await openSecond(s) : s;
    const otherApp = second === s ? app : await serve(second);
    try {
      const file = { name: 'race.xlsx', bytes: await workbook(E1_ROWS) };
      const send = (a: FastifyInstance) =>
        call(a, w.tokens.clerk2, { method: 'POST', url: importUrl(w.e2), file });
      const [first, other] = await Promise.all([send(app), send(otherApp)]);
      expect([first.statusCode, other.statusCode]).toEqual([201, 201]);
      const added = [first, other]
        .map((r) => r.json<{ batch: { versionsAdded: number } }>().batch.versionsAdded)
        .sort((a, b) => a - b);
      expect(added).toEqual([0, 3]);
      const rows = await listActivity(s, w.as.clerk2, w.e2, 2024);
      expect(rows).toHaveLength(3);
      expect(rows.every((r) => r.version === 1)).toBe(true);
      const [count] = await s.db.query<{ n: number }>(
        'select count(*)::int as n from activity_data where tenant_id = $1 and enterprise_id = $2',
        [w.tenantId, w.e2],
      );
      expect(count!.n).toBe(3);
    } finally {
      if (otherApp !== app) await otherApp.close();
      if (second !== s) await second.close();
    }
  });
});
