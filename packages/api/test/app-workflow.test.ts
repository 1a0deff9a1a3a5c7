import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  E1_ROWS,
  E1_TOTAL_TCO2,
  engines,
  errorOf,
  PASSWORD,
  seedWorld,
  serve,
  snapshot,
  useStore,
  workbook,
  type World,
} from './app-fixtures.js';

interface RunBody {
  id: string;
  enterpriseId: string;
  factorRefs: string[];
  resultsHash: string;
  figures: {
    total: { value: number; unit: string };
    byMonth: Record<string, { value: number; unit: string }>;
    byKind: Record<string, { value: number; unit: string }>;
  };
}

/**
 * The application through HTTP, from login to an accepted year. Expected figures are the
 * fixture's hand calculation (GB/T 32150-2015, see packages/app/test/fixtures.ts), not output
 * of our own engine.
 */
describe.each(engines)('the application API on %s', (engine) => {
  const store = useStore(engine);
  let app: FastifyInstance;
  let w: World;

  beforeAll(async () => {
    w = await seedWorld(store());
    app = await serve(store());
  }, 120_000);
  afterAll(() => app?.close());

  it('logs in, says who is calling, issues an API token and logs out', async () => {
    const bad = await call(app, undefined, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { tenant: w.tenantId, login: 'clerk1', password: 'wrong' },
    });
    expect(bad.statusCode).toBe(401);
    expect(errorOf(bad)).toMatchObject({
      code: 'unauthenticated',
      message: { zh: '用户名或密码错误' },
    });

    const res = await call(app, undefined, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { tenant: w.tenantId, login: 'clerk1', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const session = res.json<{ token: string; expiresAt: string; user: unknown }>();
    const hours = (Date.parse(session.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    expect(session.user).toEqual({
      tenant: w.tenantId,
      login: 'clerk1',
      displayName: 'clerk1',
      roles: [{ role: 'data-clerk', enterpriseId: w.e1 }],
    });
    expect(JSON.stringify(res.json())).not.toMatch(/scrypt|passwordHash/);

    const me = await call(app, session.token, { method: 'GET', url: '/api/v1/me' });
    expect(me.json()).toEqual(session.user);

    const issued = await call(app, session.token, {
      method: 'POST',
      url: '/api/v1/tokens',
      body: { name: 'erp sync' },
    });
    expect(issued.statusCode).toBe(201);
    const apiToken = issued.json<{ token: string; name: string }>();
    expect(apiToken.name).toBe('erp sync');
    expect(apiToken.token).toMatch(new RegExp(`^cb_${w.tenantId}_`));

    expect(
      (await call(app, session.token, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode,
    ).toBe(204);
    const after = await call(app, session.token, { method: 'GET', url: '/api/v1/me' });
    expect(after.statusCode).toBe(401);
    // the API token lives on after the session that issued it ends
    const machine = await call(app, apiToken.token, { method: 'GET', url: '/api/v1/me' });
    expect(machine.json<{ login: string }>().login).toBe('clerk1');
  });

  it('serves the blank templates without a token', async () => {
    const xlsx = await call(app, undefined, {
      method: 'GET',
      url: '/api/v1/templates/activity.xlsx',
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = await call(app, undefined, {
      method: 'GET',
      url: '/api/v1/templates/activity.csv',
    });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    expect(csv.headers['content-disposition']).toContain("filename*=UTF-8''");
  });

  it('imports, calculates, explains, reproduces, exports and reviews a year', async () => {
    const t = w.tokens;
    const e1 = `/api/v1/enterprises/${w.e1}`;
    const file = { name: 'e1-2024.xlsx', bytes: await workbook(E1_ROWS) };

    const imported = await call(app, t.clerk1, {
      method: 'POST',
      url: `${e1}/imports?year=2024`,
      file,
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({
      batch: {
        fileName: 'e1-2024.xlsx',
        rowsRead: 3,
        versionsAdded: 3,
        unchanged: 0,
        sourcesCreated: 2,
      },
      sourcesCreated: ['coal-b1', 'power'],
    });
    const imports = await call(app, t.manager1, { method: 'GET', url: `${e1}/imports` });
    expect(imports.json<{ items: unknown[] }>().items).toHaveLength(1);

    const activity = await call(app, t.verifier1, {
      method: 'GET',
      url: `${e1}/activity?year=2024`,
    });
    const cells = activity.json<{
      items: {
        sourceId: string;
        month: string;
        quantity: { value: number; unit: string };
        parameters: Record<string, string>;
        origin: unknown;
      }[];
    }>().items;
    expect(cells.map((c) => `${c.month} ${c.quantity.value} ${c.quantity.unit}`).sort()).toEqual([
      '2024-01 100 MWh',
      '2024-01 1000 t',
      '2024-02 500 t',
    ]);
    const coalJan = cells.find((c) => c.month === '2024-01' && c.quantity.unit === 't')!;
    expect(coalJan.origin).toEqual({ file: 'e1-2024.xlsx', row: 2 });
    // the form sends the measured parameters with the figure: they belong to the version
    const { parameters } = coalJan;

    // a correction in the form: a new version, kept beside the imported one
    const corrected = await call(app, t.clerk1, {
      method: 'POST',
      url: `${e1}/activity`,
      body: {
        sourceId: coalJan.sourceId,
        month: '2024-01',
        amount: '1100 t',
        parameters,
        reason: '过磅单更正 weighbridge correction',
      },
    });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json()).toMatchObject({
      appended: true,
      version: { version: 2, quantity: { value: 1100, unit: 't' } },
    });
    const same = await call(app, t.clerk1, {
      method: 'POST',
      url: `${e1}/activity`,
      body: {
        sourceId: coalJan.sourceId,
        month: '2024-01',
        amount: { value: 1100, unit: 't' },
        parameters,
        reason: 'again',
      },
    });
    expect(same.statusCode).toBe(200);
    expect(same.json<{ appended: boolean }>().appended).toBe(false);
    const history = await call(app, t.clerk1, {
      method: 'GET',
      url: `${e1}/activity/history?sourceId=${coalJan.sourceId}&month=2024-01`,
    });
    expect(
      history
        .json<{ items: { version: number; quantity: { value: number } }[] }>()
        .items.map((v) => [v.version, v.quantity.value]),
    ).toEqual([
      [1, 1000],
      [2, 1100],
    ]);
    const notAQuantity = await call(app, t.clerk1, {
      method: 'POST',
      url: `${e1}/activity`,
      body: { sourceId: coalJan.sourceId, month: '2024-01', amount: '1100 furlong', reason: 'x' },
    });
    expect(notAQuantity.statusCode).toBe(422);
    expect(errorOf(notAQuantity)).toMatchObject({
      code: 'validation-failed',
      details: [{ field: 'amount' }],
    });
    // back to the imported figure, so the run matches the hand calculation
    await call(app, t.clerk1, {
      method: 'POST',
      url: `${e1}/activity`,
      body: {
        sourceId: coalJan.sourceId,
        month: '2024-01',
        amount: '1000 t',
        parameters,
        reason: '恢复 restore',
      },
    });

    const calculated = await call(app, t.clerk1, {
      method: 'POST',
      url: `${e1}/runs`,
      body: { year: 2024 },
    });
    expect(calculated.statusCode, calculated.body).toBe(201);
    const run = calculated.json<RunBody>();
    expect(run.figures.total.unit).toBe('tCO2e');
    expect(run.figures.total.value).toBeCloseTo(E1_TOTAL_TCO2, 6);
    // January: 1875.72 tCO2 of coal + 50 tCO2 of electricity; February: 937.86 tCO2
    expect(run.figures.byMonth['2024-01']?.value).toBeCloseTo(1925.72, 6);
    expect(run.figures.byMonth['2024-02']?.value).toBeCloseTo(937.86, 6);
    expect(run.factorRefs).toEqual(['test-grid/grid.gx.2024@2024.1']);

    const read = await call(app, t.parkA, { method: 'GET', url: `/api/v1/runs/${run.id}` });
    expect(read.json<RunBody>()).toEqual(run);
    const listed = await call(app, t.regulator, {
      method: 'GET',
      url: `/api/v1/runs?enterpriseId=${w.e1}&year=2024`,
    });
    expect(listed.json<{ items: { id: string }[] }>().items.map((r) => r.id)).toEqual([run.id]);
    expect(
      (await call(app, t.regulator, { method: 'GET', url: '/api/v1/runs?year=2023' })).json(),
    ).toMatchObject({ items: [] });

    const explained = await call(app, t.verifier1, {
      method: 'GET',
      url: `/api/v1/runs/${run.id}/explanations/coal-b1.m01`,
    });
    expect(explained.statusCode).toBe(200);
    expect(
      explained.json<{ formula: { text: string }; result: { value: number } }>().result.value,
    ).toBeCloseTo(1875.72, 6);
    const noSuchLine = await call(app, t.verifier1, {
      method: 'GET',
      url: `/api/v1/runs/${run.id}/explanations/nothing`,
    });
    expect(noSuchLine.statusCode).toBe(404);

    const reproduced = await call(app, t.manager1, {
      method: 'POST',
      url: `/api/v1/runs/${run.id}/reproduce`,
    });
    expect(reproduced.json()).toMatchObject({
      runId: run.id,
      identical: true,
      recomputedResultsHash: run.resultsHash,
    });

    const xlsx = await call(app, t.regulator, {
      method: 'GET',
      url: `/api/v1/runs/${run.id}/report.xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThan(0);
    const full = await call(app, t.verifier1, {
      method: 'GET',
      url: `/api/v1/runs/${run.id}/report.json`,
    });
    const result = full.json<{
      total: { value: number };
      lines: { id: string; explanation: { subject: string } }[];
    }>();
    expect(result.total.value).toBeCloseTo(E1_TOTAL_TCO2, 6);
    expect(result.lines.every((l) => l.explanation.subject === l.id)).toBe(true);

    // the review
    const p = `${e1}/periods/2024`;
    expect((await call(app, t.clerk1, { method: 'POST', url: `${p}/submit` })).statusCode).toBe(
      403,
    );
    expect(
      (await call(app, t.manager1, { method: 'POST', url: `${p}/submit` })).json(),
    ).toMatchObject({ status: 'submitted', startsOn: '2024-01-01' });
    const locked = await call(app, t.clerk1, {
      method: 'POST',
      url: `${e1}/activity`,
      body: { sourceId: coalJan.sourceId, month: '2024-01', amount: '1 t', reason: 'late' },
    });
    expect(locked.statusCode).toBe(409);
    expect(errorOf(locked).code).toBe('conflict');
    const comment = await call(app, t.verifier1, {
      method: 'POST',
      url: `${p}/comments`,
      body: { body: '请附过磅单 attach the slips' },
    });
    expect(comment.statusCode).toBe(201);
    expect((await call(app, t.parkA, { method: 'POST', url: `${p}/accept` })).statusCode).toBe(403);
    expect(
      (
        await call(app, t.regulator, {
          method: 'POST',
          url: `${p}/return`,
          body: { reason: '补充单据' },
        })
      ).json(),
    ).toMatchObject({ status: 'returned' });
    expect((await call(app, t.manager1, { method: 'POST', url: `${p}/submit` })).statusCode).toBe(
      200,
    );
    expect(
      (await call(app, t.regulator, { method: 'POST', url: `${p}/accept` })).json(),
    ).toMatchObject({ status: 'accepted' });
    const again = await call(app, t.regulator, { method: 'POST', url: `${p}/accept` });
    expect(again.statusCode).toBe(409);
    const status = await call(app, t.manager1, { method: 'GET', url: p });
    expect(status.json()).toMatchObject({
      year: 2024,
      status: 'accepted',
      comments: [{ authorRole: 'verifier', body: '请附过磅单 attach the slips' }],
    });
    expect((await store().auditLog.verify(w.tenantId)).ok).toBe(true);
  });

  it('recalculates after a factor-set revision for the platform admin only', async () => {
    const forbidden = await call(app, w.tokens.manager1, {
      method: 'POST',
      url: `/api/v1/factor-sets/${w.gridSetId}/recalculate`,
      body: {},
    });
    expect(forbidden.statusCode).toBe(403);
    expect(errorOf(forbidden)).toMatchObject({
      code: 'forbidden',
      message: { zh: '仅平台管理员可执行此操作' },
    });
    const unknown = await call(app, w.tokens.admin, {
      method: 'POST',
      url: '/api/v1/factor-sets/no-such-set/recalculate',
      body: {},
    });
    expect(unknown.statusCode).toBe(404);
    const before = await snapshot(store(), w.tenantId);
    // nothing has changed in the grid set since the run, so no run changes and none is saved
    const report = await call(app, w.tokens.admin, {
      method: 'POST',
      url: `/api/v1/factor-sets/${w.gridSetId}/recalculate`,
      body: { save: true },
    });
    expect(report.statusCode).toBe(200);
    expect(report.json()).toMatchObject({ factorSet: w.gridSetId, changed: [] });
    const after = await snapshot(store(), w.tenantId);
    expect({ ...after, audit_log: before.audit_log }).toEqual(before);
  });

  it('answers bad requests in the bilingual error shape with 400', async () => {
    const t = w.tokens.admin;
    const cases = [
      { method: 'GET', url: '/api/v1/enterprises/not-a-uuid' },
      { method: 'GET', url: '/api/v1/enterprises?limit=0' },
      { method: 'GET', url: `/api/v1/enterprises/${w.e1}/activity` },
      { method: 'GET', url: `/api/v1/enterprises/${w.e1}/activity?year=twenty` },
      { method: 'POST', url: `/api/v1/enterprises/${w.e1}/runs`, body: {} },
      { method: 'POST', url: `/api/v1/enterprises/${w.e1}/activity`, body: { month: '2024-13' } },
      {
        method: 'POST',
        url: `/api/v1/enterprises/${w.e1}/imports?year=2024`,
        body: { not: 'a file' },
      },
      { method: 'GET', url: `/api/v1/enterprises/${w.e1}/periods/24` },
      { method: 'POST', url: '/api/v1/factor-sets/BAD%20ID/recalculate', body: {} },
    ] as const;
    for (const c of cases) {
      const res = await call(app, t, c);
      expect({ url: c.url, status: res.statusCode }).toEqual({ url: c.url, status: 400 });
      const body = errorOf(res);
      expect(body.code).toBe('bad-request');
      expect(body.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(body.message.en.length).toBeGreaterThan(0);
      expect(Array.isArray(body.details)).toBe(true);
    }
  });
});
