import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@carbonbase/store';
import { call, engines, seedWorld, serve, useStore, type World } from './app-fixtures.js';

interface RegionItem {
  id: string;
  code: string;
  name: string;
  parentId?: string;
  level: number;
}

/**
 * GET /api/v1/regions: the regions whose overview the caller may open. The world is 广西 (CN-GX)
 * with the district 兴宁区 (450102) beneath it, park A in the district; a second district
 * (450103) and a town beneath the first are added here.
 */
describe.each(engines)('the region list over the API (%s)', (engine) => {
  const getStore = useStore(engine);
  let store: Store;
  let app: FastifyInstance;
  let w: World;
  let sibling: string;
  let town: string;

  beforeAll(async () => {
    store = getStore();
    w = await seedWorld(store);
    sibling = (
      await store.organisations.createRegion(w.tenantId, {
        code: '450103',
        name: '青秀区',
        nameEn: 'Qingxiu District',
        parentId: w.regionId,
      })
    ).id;
    town = (
      await store.organisations.createRegion(w.tenantId, {
        code: '450102-001',
        name: '某镇',
        parentId: w.districtId,
      })
    ).id;
    app = await serve(store);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
  });

  const regions = async (token: string | undefined) => {
    const res = await call(app, token, { method: 'GET', url: '/api/v1/regions' });
    expect(res.statusCode).toBe(200);
    return res.json<{ items: RegionItem[] }>().items;
  };

  it('gives the platform admin every region, parents first, with parent and level', async () => {
    const items = await regions(w.tokens.admin);
    expect(items.map((r) => [r.code, r.level, r.parentId])).toEqual([
      ['CN-GX', 1, undefined],
      ['450102', 2, w.regionId],
      ['450102-001', 3, w.districtId],
      ['450103', 2, w.regionId],
    ]);
    expect(items.find((r) => r.id === sibling)).toMatchObject({ nameEn: 'Qingxiu District' });
  });

  it('gives a regulator its region and those beneath it, not the province or a sibling', async () => {
    const items = await regions(w.tokens.regulator);
    expect(items.map((r) => r.id)).toEqual([w.districtId, town]);
    // the level is the depth in the whole tree, not in the regulator's part of it
    expect(items.map((r) => r.level)).toEqual([2, 3]);
  });

  it('gives park administrators and enterprise roles no region', async () => {
    for (const who of ['parkA', 'manager1', 'clerk1', 'verifier1'] as const)
      expect(await regions(w.tokens[who]), who).toEqual([]);
  });

  it('matches the region overview: every listed region opens, an unlisted one is not found', async () => {
    const open = async (token: string, id: string) =>
      (
        await call(app, token, {
          method: 'GET',
          url: `/api/v1/regions/${id}/overview?year=2024`,
        })
      ).statusCode;
    for (const r of await regions(w.tokens.regulator))
      expect(await open(w.tokens.regulator, r.id)).toBe(200);
    expect(await open(w.tokens.regulator, w.regionId)).toBe(404);
    expect(await open(w.tokens.parkA, w.districtId)).toBe(404);
  });

  it('asks for a login', async () => {
    const res = await call(app, undefined, { method: 'GET', url: '/api/v1/regions' });
    expect(res.statusCode).toBe(401);
  });
});
