import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { FactorBase, type FactorJson } from '@carbonbase/factors';
import { bundledFactorSetsDir, loadFactorSetTree } from '@carbonbase/io';
import { factorRoutes } from '../src/routes/factors/factors.route.js';

const app = Fastify();
beforeAll(async () => {
  const base = new FactorBase(await loadFactorSetTree(bundledFactorSetsDir()));
  factorRoutes(app, { factorBase: () => Promise.resolve(base) });
  await app.ready();
});

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
};

describe('factor routes', () => {
  it('searches in Chinese with filters and pages', async () => {
    const { status, body } = await get(
      `/api/v1/factors?q=${encodeURIComponent('华东')}&year=2023&kind=grid`,
    );
    expect(status).toBe(200);
    const items = body.items as FactorJson[];
    // shared/methods.md §3: 华东 2023 = 0.5500 tCO2/MWh (MEE/NBS announcement).
    expect(items.map((f) => [f.region, f.value, f.unit])).toEqual([
      ['CN-GRID-EAST', 0.55, 'tCO2/MWh'],
    ]);
    const page = await get('/api/v1/factors?q=coal&limit=2&offset=1');
    expect((page.body.items as unknown[]).length).toBe(2);
    expect(page.body.total).toBeGreaterThan(3);
  });

  it('returns one factor by an id with slashes, and 404 with a bilingual error', async () => {
    const list = await get(
      `/api/v1/factors?q=${encodeURIComponent('烟煤')}&kind=fuel-property&limit=1`,
    );
    const id = (list.body.items as FactorJson[])[0]!.id;
    const one = await get(`/api/v1/factors/${id}`);
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(id);
    const missing = await get('/api/v1/factors/no-such/factor');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      code: 'not-found',
      message: { zh: expect.any(String), en: expect.any(String) },
    });
  });

  it('resolves with reasons, and refuses bad query parameters', async () => {
    const res = await get(
      '/api/v1/factors/resolve?code=electricity&parameter=ef&region=CN-ZJ&year=2024',
    );
    expect(res.status).toBe(200);
    expect(res.body.factor).toMatchObject({ region: 'CN-GRID-EAST', year: 2023 });
    expect((res.body.reasons as string[]).length).toBeGreaterThan(1);
    expect((await get('/api/v1/factors?year=abc')).status).toBe(400);
    expect((await get("/api/v1/factors?kind=grid';drop table factors;--")).status).toBe(400);
    expect((await get('/api/v1/factors/resolve?code=unobtainium&parameter=ef')).status).toBe(404);
  });

  it('lists the sets', async () => {
    const { body } = await get('/api/v1/factor-sets');
    expect((body as unknown as { id: string }[]).map((s) => s.id)).toContain(
      'cn-mee-electricity-heat',
    );
  });
});
