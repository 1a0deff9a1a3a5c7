import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeRun, listRuns, loadBundledFactorSets, login } from '@carbonbase/app';
import { DEMO_PASSWORD, seedDemo } from '@carbonbase/app/demo';
import type { Store } from '@carbonbase/store';
import { call, engines, serve, unique, useStore } from './app-fixtures.js';

interface Q {
  value: number;
  unit: string;
}
interface Figures {
  runId: string;
  intensities: { id: string; value: Q; denominator: Q }[];
  energy: { calorific: Q; equivalent: Q | null };
  gb16780: {
    applicable: boolean;
    reason?: { zh: string; en: string };
    grade?: {
      factorSet: string;
      coefficient: { value: Q; ref: string };
      indicators: {
        id: string;
        value: Q;
        grade: string | null;
        limits: { grade: string; limit: Q; corrections: string[] }[];
      }[];
      notGraded: { id: string; reason: { zh: string; en: string } }[];
      notes: { id: string; zh: string; en: string; reading: boolean }[];
    };
  };
}

/** GET /runs/{id}/figures on the demo district: the grade as the use-case gives it, scoped. */
for (const engine of engines)
  describe(`run figures and GB 16780 grade over the API (${engine})`, () => {
    const store = useStore(engine);
    let app: FastifyInstance;
    const tenant = unique('apifigures');
    const tokens = new Map<string, string>();
    const runs = new Map<string, string>();

    beforeAll(async () => {
      const s: Store = store();
      await loadBundledFactorSets(s);
      await s.organisations.createTenant(tenant, '能效 figures');
      await seedDemo(s, tenant);
      for (const l of ['admin', 'cement-manager'])
        tokens.set(l, (await login(s, tenant, l, DEMO_PASSWORD)).token);
      const admin = (await login(s, tenant, 'admin', DEMO_PASSWORD)).actor;
      for (const e of await s.organisations.listEnterprises(tenant, {}, { limit: 100 })) {
        const [run] = await listRuns(s, admin, { enterpriseId: e.id, year: 2024 });
        runs.set(e.code, run!.id);
      }
      app = await serve(s);
    }, 600_000);
    afterAll(async () => {
      await app?.close();
    });

    it('gives the cement manager its plant’s figures and grade, equal to the use-case', async () => {
      const id = runs.get('DEMO-CEM-A')!;
      const res = await call(app, tokens.get('cement-manager'), {
        method: 'GET',
        url: `/api/v1/runs/${id}/figures`,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<Figures>();
      expect(body.intensities[0]!.id).toBe('per-t-clinker');
      expect(body.energy.calorific.unit).toBe('tce');
      const grade = body.gb16780.grade!;
      expect(body.gb16780.applicable).toBe(true);
      expect(grade.factorSet).toBe('cn-gb16780-2021@2021.1');
      // the response schema keeps every part the use-case returns
      const actor = (await login(store(), tenant, 'cement-manager', DEMO_PASSWORD)).actor;
      const direct = await gradeRun(store(), actor, id);
      expect(JSON.parse(JSON.stringify(direct))).toEqual(grade);
      const energy = grade.indicators.find((i) => i.id === 'clinker.comprehensive-energy')!;
      expect(energy.limits.map((l) => l.limit.value)).toEqual([100, 107, 117]);
      expect(energy.value.unit).toBe('kgce/t');
      expect(grade.notes.find((n) => n.id === 'waste-heat-power')!.reading).toBe(true);
    });

    it('says why a plant without clinker is not graded', async () => {
      const res = await call(app, tokens.get('admin'), {
        method: 'GET',
        url: `/api/v1/runs/${runs.get('DEMO-STL-01')!}/figures`,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<Figures>();
      expect(body.gb16780).toEqual({ applicable: false, reason: expect.any(Object) });
      expect(body.gb16780.reason!.zh).toContain('GB 16780-2021');
    });

    it('answers 404 for another enterprise’s run and for an unknown run', async () => {
      for (const id of [runs.get('DEMO-CEM-B')!, '00000000-0000-4000-8000-000000000000']) {
        const res = await call(app, tokens.get('cement-manager'), {
          method: 'GET',
          url: `/api/v1/runs/${id}/figures`,
        });
        expect(res.statusCode).toBe(404);
        expect(res.json<{ code: string }>().code).toBe('not-found');
      }
    });

    it('refuses without a token', async () => {
      const res = await call(app, undefined, {
        method: 'GET',
        url: `/api/v1/runs/${runs.get('DEMO-CEM-A')!}/figures`,
      });
      expect(res.statusCode).toBe(401);
    });
  });
