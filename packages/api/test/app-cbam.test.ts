import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRun, listRuns, loadBundledFactorSets, login, resultOf } from '@carbonbase/app';
import { DEMO_PASSWORD, seedDemo } from '@carbonbase/app/demo';
import { valueIn } from '@carbonbase/quantity';
import type { Store } from '@carbonbase/store';
import { call, engines, errorOf, serve, unique, useStore } from './app-fixtures.js';

interface Q {
  value: number;
  unit: string;
}
interface Body {
  enterpriseCode: string;
  runId: string;
  method: string;
  notes: string[];
  communication: {
    installation: { id: string; country: string };
    goods: {
      cn: string;
      route?: string;
      routeMeaning?: string;
      activityLevel: Q;
      attributed: { direct: Q; indirect: Q };
      see: { direct: { value: Q; basis: string }; indirect: { value: Q; basis: string }; total: Q };
    }[];
    caveats: string[];
  };
}

/**
 * CBAM of a stored annual run (docs/methods/cbam.md §9, the demo cement plant DEMO-CEM-A, 2025):
 * the figures are recomputed here from the run's own line results, without the cbam package.
 */
describe.each(engines)('CBAM of an enterprise year over the API (%s)', (engine) => {
  const current = useStore(engine);
  let store: Store;
  let app: FastifyInstance;
  const tenant = unique('apicbam');
  const tokens = new Map<string, string>();
  const ids = new Map<string, string>();
  const url = (code: string, query: string) => `/api/v1/enterprises/${ids.get(code)}/cbam?${query}`;

  beforeAll(async () => {
    store = current();
    await loadBundledFactorSets(store);
    await store.organisations.createTenant(tenant, 'CBAM');
    await seedDemo(store, tenant);
    for (const l of ['cement-clerk', 'park-ht', 'park-bm'])
      tokens.set(l, (await login(store, tenant, l, DEMO_PASSWORD)).token);
    for (const e of await store.organisations.listEnterprises(tenant, {}, { limit: 100 }))
      ids.set(e.code, e.id);
    app = await serve(store);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
  });

  it('gives the plant its clinker SEE, equal to the run’s own lines divided by the clinker made', async () => {
    const res = await call(app, tokens.get('cement-clerk'), {
      method: 'GET',
      url: url('DEMO-CEM-A', 'year=2025'),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<Body>();
    const actor = (await login(store, tenant, 'cement-clerk', DEMO_PASSWORD)).actor;
    const [latest] = await listRuns(store, actor, {
      enterpriseId: ids.get('DEMO-CEM-A')!,
      year: 2025,
    });
    expect(body.runId).toBe(latest!.id);
    const run = await getRun(store, actor, latest!.id);
    const r = resultOf(run);
    const counted = r.lines.filter((l) => l.treatment === 'included' || l.treatment === 'deducted');
    const t = (xs: typeof counted) => xs.reduce((s, l) => s + valueIn(l.emissions, 'tCO2e'), 0);
    // Direct: every scope-1 line except the site vehicles (outside the installation boundary).
    const vehicles = counted.filter((l) => l.id.startsWith('diesel-vehicles'));
    const direct = t(counted.filter((l) => l.scope === 'scope1')) - t(vehicles);
    expect(vehicles.length).toBe(12);
    // Indirect: purchased electricity; clinker made: the clinker lines' amounts.
    const indirect = t(counted.filter((l) => l.kind === 'electricity-purchased'));
    const inventory = (run.inputs as { inventory: { lines: { kind: string; amount: string }[] } })
      .inventory;
    const clinker = inventory.lines
      .filter((l) => l.kind === 'clinker')
      .reduce((s, l) => s + Number.parseFloat(String(l.amount)), 0);
    const [good] = body.communication.goods;
    expect(body.communication.goods).toHaveLength(1);
    expect(good!.cn).toBe('2523 10 00');
    expect(good!.activityLevel.value).toBeCloseTo(clinker, 6);
    expect(good!.attributed.direct.value).toBeCloseTo(direct, 6);
    expect(good!.attributed.indirect.value).toBeCloseTo(indirect, 6);
    expect(good!.see.direct.basis).toBe('actual');
    expect(good!.see.direct.value.value).toBeCloseTo(direct / clinker, 12);
    expect(good!.see.indirect.value.value).toBeCloseTo(indirect / clinker, 12);
    expect(good!.see.total.value).toBeCloseTo((direct + indirect) / clinker, 12);
    // The worked example's figures (docs/methods/cbam.md §9), to 4 significant digits.
    expect(Number(good!.see.direct.value.value.toPrecision(4))).toBe(0.7838);
    expect(Number(good!.see.indirect.value.value.toPrecision(4))).toBe(0.03501);
    expect(body.communication.installation).toMatchObject({ id: 'DEMO-CEM-A', country: 'CN' });
    expect(body.method).toBe('cn-cement-cets-2024@1.0.0');
    expect(body.notes.join('\n')).toContain('leaves out kiln dust');
  });

  it('records the route with its meaning and mark, and refuses a route that is not A or B', async () => {
    const a = await call(app, tokens.get('cement-clerk'), {
      method: 'GET',
      url: url('DEMO-CEM-A', 'year=2025&route=A'),
    });
    expect(a.statusCode).toBe(200);
    const good = a.json<Body>().communication.goods[0]!;
    expect(good.route).toBe('A');
    expect(good.routeMeaning).toBe(
      '(A) 灰色熟料/水泥 grey clinker / cement — IR (EU) 2025/2620 Annex point 5.3 legend (secondary transcriptions, V-sec)',
    );
    const c = await call(app, tokens.get('cement-clerk'), {
      method: 'GET',
      url: url('DEMO-CEM-A', 'year=2025&route=C'),
    });
    expect(c.statusCode).toBe(400);
  });

  it('answers 404 outside the actor’s scope, and when the year has no run', async () => {
    for (const [who, code] of [
      ['cement-clerk', 'DEMO-CEM-B'],
      ['park-ht', 'DEMO-CEM-A'],
    ] as const) {
      const res = await call(app, tokens.get(who), { method: 'GET', url: url(code, 'year=2025') });
      expect(res.statusCode, `${who} ${code}`).toBe(404);
      const xlsx = await call(app, tokens.get(who), {
        method: 'GET',
        url: `/api/v1/enterprises/${ids.get(code)}/cbam/communication.xlsx?year=2025`,
      });
      expect(xlsx.statusCode).toBe(404);
    }
    const none = await call(app, tokens.get('park-bm'), {
      method: 'GET',
      url: url('DEMO-CEM-B', 'year=2019'),
    });
    expect(none.statusCode).toBe(404);
    expect(errorOf(none).message.en).toMatch(/no annual calculation run for 2019/);
    const anon = await app.inject({ method: 'GET', url: url('DEMO-CEM-A', 'year=2025') });
    expect(anon.statusCode).toBe(401);
  });

  it('refuses a plant without clinker with the reason (CBAM here covers cement plants)', async () => {
    const res = await call(app, tokens.get('park-bm'), {
      method: 'GET',
      url: url('DEMO-RMC-01', 'year=2025'),
    });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).message.en).toMatch(/the inventory has no clinker line/);
  });

  it('serves the communication workbook of the same figures', async () => {
    const res = await call(app, tokens.get('park-bm'), {
      method: 'GET',
      url: `/api/v1/enterprises/${ids.get('DEMO-CEM-B')}/cbam/communication.xlsx?year=2025`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toMatch(/cbam-communication-.*-2025\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const json = await call(app, tokens.get('park-bm'), {
      method: 'GET',
      url: url('DEMO-CEM-B', 'year=2025'),
    });
    const see = json.json<Body>().communication.goods[0]!.see.total.value;
    const cells = wb.worksheets.flatMap((ws) =>
      ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])),
    );
    expect(cells).toContain(see);
  });
});
