import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateYear, importActivityFile, login, provisionUser } from '@carbonbase/app';
import {
  call,
  E1_ROWS,
  engines,
  errorOf,
  PASSWORD,
  seedWorld,
  serve,
  snapshot,
  useStore,
  workbook,
  type Call,
  type World,
} from './app-fixtures.js';

/**
 * What the API refuses: other enterprises' and other tenants' data, callers outside their
 * park or region, bad tokens, and ids or filters that carry SQL.
 */
describe.each(engines)('security of the application API on %s', (engine) => {
  const store = useStore(engine);
  let app: FastifyInstance;
  let w: World;
  /** Another tenant of the same store. */
  let other: World;
  /** A run of each enterprise of `w`, and a source and month of E1's data. */
  let runs: { e1: string; e2: string; e3: string };
  let e1Source: string;

  beforeAll(async () => {
    const s = store();
    w = await seedWorld(s);
    other = await seedWorld(s);
    const file = { name: 'data.xlsx', bytes: await workbook(E1_ROWS) };
    const year = { year: 2024 };
    await importActivityFile(s, w.as.clerk1, w.e1, file, year);
    await importActivityFile(s, w.as.clerk2, w.e2, file, year);
    await importActivityFile(s, w.as.admin, w.e3, file, year);
    runs = {
      e1: (await calculateYear(s, w.as.clerk1, w.e1, 2024)).id,
      e2: (await calculateYear(s, w.as.clerk2, w.e2, 2024)).id,
      e3: (await calculateYear(s, w.as.admin, w.e3, 2024)).id,
    };
    e1Source = (await s.organisations.listSources(w.tenantId, w.e1))[0]!.id;
    app = await serve(s);
  }, 180_000);
  afterAll(() => app?.close());

  /** Every resource of E1 (and its run), read and written. */
  const e1Requests = async (): Promise<Call[]> => {
    const e = `/api/v1/enterprises/${w.e1}`;
    const r = `/api/v1/runs/${runs.e1}`;
    const file = { name: 'data.xlsx', bytes: await workbook([{ ...E1_ROWS[0]!, amount: 7 }]) };
    return [
      { method: 'GET', url: e },
      { method: 'GET', url: `${e}/activity?year=2024` },
      {
        method: 'POST',
        url: `${e}/activity`,
        body: { sourceId: e1Source, month: '2024-03', amount: '1 t', reason: 'probe' },
      },
      { method: 'GET', url: `${e}/activity/history?sourceId=${e1Source}&month=2024-01` },
      { method: 'POST', url: `${e}/imports?year=2024`, file },
      { method: 'GET', url: `${e}/imports` },
      { method: 'POST', url: `${e}/runs`, body: { year: 2024 } },
      { method: 'GET', url: `/api/v1/runs?enterpriseId=${w.e1}` },
      { method: 'GET', url: r },
      { method: 'GET', url: `${r}/explanations/total` },
      { method: 'GET', url: `${r}/report.xlsx` },
      { method: 'GET', url: `${r}/report.json` },
      { method: 'POST', url: `${r}/reproduce` },
      { method: 'GET', url: `${e}/periods/2024` },
      { method: 'POST', url: `${e}/periods/2024/submit` },
      { method: 'POST', url: `${e}/periods/2024/accept` },
      { method: 'POST', url: `${e}/periods/2024/return`, body: { reason: 'probe' } },
      { method: 'POST', url: `${e}/periods/2024/comments`, body: { body: 'probe' } },
    ];
  };

  it.each([
    ['the clerk of another enterprise', 'clerk2'],
    ["another enterprise's manager and verifier", 'manager-of-e2'],
    ['the platform admin of another tenant', 'other-admin'],
  ])(
    '%s gets 404 for every resource of an enterprise, never 200, and changes nothing',
    async (_who, who) => {
      const s = store();
      let token: string;
      if (who === 'clerk2') token = w.tokens.clerk2;
      else if (who === 'other-admin') token = other.tokens.admin;
      else {
        // manager and verifier of E2 in one user: every enterprise role, still only on E2
        await provisionUser(s, w.tenantId, {
          login: 'e2-everything',
          displayName: 'e2',
          password: PASSWORD,
          roles: [
            { role: 'enterprise-manager', enterpriseId: w.e2 },
            { role: 'verifier', enterpriseId: w.e2 },
            { role: 'data-clerk', enterpriseId: w.e2 },
          ],
        });
        token = (await login(s, w.tenantId, 'e2-everything', PASSWORD)).token;
      }
      const before = await snapshot(s, w.tenantId);
      for (const c of await e1Requests()) {
        const res = await call(app, token, c);
        expect({ request: `${c.method} ${c.url}`, status: res.statusCode }).toEqual({
          request: `${c.method} ${c.url}`,
          status: 404,
        });
        const body = errorOf(res);
        expect(body.code).toBe('not-found');
        // the answer names no enterprise data beyond the id that was asked for
        expect(res.body).not.toContain('企业 E1');
      }
      // lists leave E1 out rather than refusing
      const list = await call(app, token, { method: 'GET', url: '/api/v1/enterprises?limit=500' });
      expect(list.json<{ items: { id: string }[] }>().items.map((e) => e.id)).not.toContain(w.e1);
      const runList = await call(app, token, { method: 'GET', url: '/api/v1/runs?limit=500' });
      expect(runList.json<{ items: { id: string }[] }>().items.map((r) => r.id)).not.toContain(
        runs.e1,
      );
      const org = await call(app, token, { method: 'GET', url: '/api/v1/organisation' });
      expect(org.json<{ parks: { id: string }[] }>().parks.map((p) => p.id)).not.toContain(w.parkA);
      const after = await snapshot(s, w.tenantId);
      expect(after).toEqual(before);
    },
  );

  it('keeps a park admin to its park and a regulator to its region and beneath', async () => {
    const ids = async (token: string, url: string) =>
      (await call(app, token, { method: 'GET', url }))
        .json<{ items: { id: string }[] }>()
        .items.map((x) => x.id)
        .sort();
    const sorted = (...xs: string[]) => [...xs].sort();
    // park A holds E1 only
    expect(await ids(w.tokens.parkA, '/api/v1/enterprises')).toEqual([w.e1]);
    expect(await ids(w.tokens.parkA, '/api/v1/runs')).toEqual([runs.e1]);
    expect(await ids(w.tokens.parkA, `/api/v1/enterprises?parkId=${w.parkB}`)).toEqual([]);
    for (const [enterprise, run] of [
      [w.e2, runs.e2],
      [w.e3, runs.e3],
    ] as const) {
      expect(
        (
          await call(app, w.tokens.parkA, {
            method: 'GET',
            url: `/api/v1/enterprises/${enterprise}`,
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (await call(app, w.tokens.parkA, { method: 'GET', url: `/api/v1/runs/${run}` })).statusCode,
      ).toBe(404);
      expect(
        (
          await call(app, w.tokens.parkA, {
            method: 'GET',
            url: `/api/v1/runs?enterpriseId=${enterprise}`,
          })
        ).statusCode,
      ).toBe(404);
    }
    // a park admin reads but does not write
    const write = await call(app, w.tokens.parkA, {
      method: 'POST',
      url: `/api/v1/enterprises/${w.e1}/runs`,
      body: { year: 2024 },
    });
    expect(write.statusCode).toBe(403);
    expect(errorOf(write).code).toBe('forbidden');

    // the district regulator: E1 (park A in the district) and E3 (the district), not E2
    expect(await ids(w.tokens.regulator, '/api/v1/enterprises')).toEqual(sorted(w.e1, w.e3));
    expect(await ids(w.tokens.regulator, '/api/v1/runs')).toEqual(sorted(runs.e1, runs.e3));
    expect(
      (await call(app, w.tokens.regulator, { method: 'GET', url: `/api/v1/enterprises/${w.e2}` }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await call(app, w.tokens.regulator, {
          method: 'GET',
          url: `/api/v1/runs/${runs.e2}/report.json`,
        })
      ).statusCode,
    ).toBe(404);
    const org = (
      await call(app, w.tokens.regulator, { method: 'GET', url: '/api/v1/organisation' })
    ).json<{ regions: { id: string }[]; parks: { id: string }[] }>();
    expect(org.parks.map((p) => p.id)).toEqual([w.parkA]);
    expect(org.regions.map((r) => r.id)).toEqual([w.districtId]);
    // a regulator of the province reaches the district beneath it as well
    await provisionUser(store(), w.tenantId, {
      login: 'province',
      displayName: '自治区生态环境厅',
      password: PASSWORD,
      roles: [{ role: 'regulator', regionId: w.regionId }],
    });
    const province = (await login(store(), w.tenantId, 'province', PASSWORD)).token;
    expect(await ids(province, '/api/v1/enterprises')).toEqual(sorted(w.e1, w.e2, w.e3));
    expect(await ids(province, '/api/v1/runs')).toEqual(sorted(runs.e1, runs.e2, runs.e3));
    // the platform admin sees the whole tenant, and nothing of another
    expect(await ids(w.tokens.admin, '/api/v1/enterprises')).toEqual(sorted(w.e1, w.e2, w.e3));
    expect(await ids(other.tokens.admin, '/api/v1/runs')).toEqual([]);
  });

  it('refuses missing, malformed, forged, revoked and expired tokens with 401', async () => {
    const s = store();
    const me = (authorization?: string) =>
      app.inject({
        method: 'GET',
        url: `/api/v1/enterprises/${w.e1}`,
        headers: authorization === undefined ? {} : { authorization },
      });
    const token = w.tokens.manager1;
    expect((await me(`Bearer ${token}`)).statusCode).toBe(200);

    const refused = [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      `Basic ${Buffer.from('manager1:x').toString('base64')}`,
      `bearer${token}`,
      `Bearer ${token} extra`,
      `Bearer ${token.slice(0, -1)}`,
      `Bearer ${token.slice(0, -4)}AAAA`,
      `Bearer ${token}A`,
      `Bearer cb_${w.tenantId}_${'A'.repeat(43)}`,
      // a real token of another tenant with this tenant's name in front
      `Bearer cb_${w.tenantId}_${other.tokens.manager1.split('_').slice(2).join('_')}`,
      `Bearer cb_${w.tenantId}_' or 1=1 --`,
      "Bearer ' or '1'='1",
      'Bearer 令牌',
      `Bearer ${'x'.repeat(10_000)}`,
    ];
    for (const header of refused) {
      const res = await me(header);
      expect({ header: header?.slice(0, 80), status: res.statusCode }).toEqual({
        header: header?.slice(0, 80),
        status: 401,
      });
      expect(errorOf(res).code).toBe('unauthenticated');
      expect(res.headers['www-authenticate']).toBe('Bearer realm="carbonbase"');
    }

    // expired: a token issued with a past expiry
    const manager = await s.access.findUserByLogin(w.tenantId, 'manager1');
    const old = await s.access.issueToken(w.tenantId, manager!.id, {
      name: 'old',
      expiresAt: new Date(Date.now() - 1000),
    });
    const expired = await me(`Bearer ${old.token}`);
    expect(expired.statusCode).toBe(401);
    expect(errorOf(expired)).toMatchObject({
      code: 'token-expired',
      message: { zh: '令牌已过期，请重新登录', en: 'the token has expired; log in again' },
    });
    // a session is good for 12 hours: the same token with the clock 13 hours on is refused
    const later = await serve(s, { now: () => new Date(Date.now() + 13 * 3600_000) });
    try {
      const res = await later.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(errorOf(res).code).toBe('token-expired');
    } finally {
      await later.close();
    }

    // revoked: a session after logout, and nothing else of the user's is revoked with it
    const session = await login(s, w.tenantId, 'manager1', PASSWORD);
    const logout = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(logout.statusCode).toBe(204);
    expect((await me(`Bearer ${session.token}`)).statusCode).toBe(401);
    expect((await me(`Bearer ${token}`)).statusCode).toBe(200);

    // the token is checked before the request is validated: an anonymous caller learns nothing
    const probe = await app.inject({ method: 'GET', url: '/api/v1/enterprises/not-a-uuid' });
    expect(probe.statusCode).toBe(401);
  });

  it('treats SQL and wildcards in ids and filters as plain text, and the data stays intact', async () => {
    const s = store();
    const before = await snapshot(s, w.tenantId);
    const t = w.tokens.admin;
    const nasty = [
      "' or 1=1 --",
      "'; drop table enterprises; --",
      '%',
      '_',
      '\\',
      '%%',
      '企业%',
      '\u0000',
      '🏭',
      'Ｅ1',
    ];
    const q = encodeURIComponent;
    for (const text of nasty) {
      for (const param of ['q', 'industry']) {
        const res = await call(app, t, {
          method: 'GET',
          url: `/api/v1/enterprises?${param}=${q(text)}`,
        });
        if (text === '\u0000') {
          // PostgreSQL text cannot hold a NUL: refused before it reaches the database
          expect(res.statusCode).toBe(400);
          continue;
        }
        expect({ text, param, status: res.statusCode }).toEqual({ text, param, status: 200 });
        expect({ text, param, items: res.json<{ total: number }>().total }).toEqual({
          text,
          param,
          items: 0,
        });
      }
      for (const url of [
        `/api/v1/enterprises/${q(text)}`,
        `/api/v1/runs/${q(text)}`,
        `/api/v1/enterprises?parkId=${q(text)}`,
        `/api/v1/enterprises?regionId=${q(text)}`,
        `/api/v1/runs?enterpriseId=${q(text)}`,
        `/api/v1/enterprises/${w.e1}/activity/history?sourceId=${q(text)}&month=2024-01`,
        `/api/v1/enterprises/${w.e1}/activity/history?sourceId=${e1Source}&month=${q(text)}`,
        `/api/v1/enterprises/${w.e1}/activity?year=${q(text)}`,
      ]) {
        const res = await call(app, t, { method: 'GET', url });
        expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
        expect(errorOf(res).code).toBe('bad-request');
      }
      const explanation = await call(app, t, {
        method: 'GET',
        url: `/api/v1/runs/${runs.e1}/explanations/${q(text)}`,
      });
      expect(explanation.statusCode).toBe(404);
      const loginRes = await call(app, undefined, {
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { tenant: w.tenantId, login: text, password: text },
      });
      expect(loginRes.statusCode).toBe(401);
    }
    // search still finds what it should: the words are matched as text
    const found = await call(app, t, { method: 'GET', url: `/api/v1/enterprises?q=${q('企业')}` });
    expect(found.json<{ total: number }>().total).toBe(3);
    const one = await call(app, t, { method: 'GET', url: `/api/v1/enterprises?q=E2` });
    expect(one.json<{ items: { id: string }[] }>().items.map((e) => e.id)).toEqual([w.e2]);
    expect(await snapshot(s, w.tenantId)).toEqual(before);
    expect((await s.auditLog.verify(w.tenantId)).ok).toBe(true);
  });

  it('slows password guessing: attempts beyond the limit get 429, others can still log in', async () => {
    const limited = await serve(store(), { loginLimit: { max: 3, windowMs: 60_000 } });
    try {
      const attempt = (login: string, password: string) =>
        limited.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { tenant: w.tenantId, login, password },
        });
      for (let i = 0; i < 3; i++)
        expect((await attempt('manager1', 'wrong password')).statusCode).toBe(401);
      // the fourth attempt is refused before the password is even checked, the right one too
      const blocked = await attempt('manager1', PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(blocked.json()).toMatchObject({
        code: 'too-many-requests',
        message: {
          zh: expect.stringContaining('秒后再试'),
          en: expect.stringContaining('try again'),
        },
      });
      // another user behind the same address is not locked out by those attempts
      expect((await attempt('clerk1', PASSWORD)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
