import { describe, expect, it } from 'vitest';
import { ApiError, call, createApiClient } from '../src/api/client.js';
import {
  factorFiltersToParams,
  parseFactorFilters,
} from '../src/pages/factor-library/useFactorFilters.js';

function recordingFetch(status: number, body: unknown) {
  const requests: Request[] = [];
  const fetchImpl = (request: Request) => {
    requests.push(request);
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
  return { requests, urls: () => requests.map((r) => r.url), fetchImpl };
}

describe('API client', () => {
  it('sends only the filters that are set and keeps slashes of factor ids as path separators', async () => {
    const recorded = recordingFetch(200, { items: [], total: 0, limit: 20, offset: 0 });
    const api = createApiClient({ baseUrl: 'http://api', fetch: recorded.fetchImpl });
    await call(
      api.GET('/api/v1/factors', {
        params: { query: { q: ' 烟煤 ', kind: 'fuel-property', region: '', limit: 20, offset: 0 } },
      }),
    );
    await call(
      api.GET('/api/v1/factors/{*}', {
        params: { path: { '*': 'cn-gbt32151-2024-fuels/bituminous-coal.ncv@2024.1' } },
      }),
    );
    expect(recorded.urls()).toEqual([
      'http://api/api/v1/factors?q=%E7%83%9F%E7%85%A4&kind=fuel-property&limit=20&offset=0',
      'http://api/api/v1/factors/cn-gbt32151-2024-fuels/bituminous-coal.ncv%402024.1',
    ]);
  });

  it('sends the session token and reports a refused session, but not a refused password', async () => {
    const recorded = recordingFetch(401, {
      code: 'token-expired',
      message: { zh: '登录已过期', en: 'the session has expired' },
      details: [],
    });
    let refused = 0;
    const api = createApiClient({
      baseUrl: 'http://api',
      fetch: recorded.fetchImpl,
      token: () => 'tok-1',
      onUnauthorized: () => refused++,
    });
    await expect(call(api.GET('/api/v1/factor-sets'))).rejects.toMatchObject({
      status: 401,
      code: 'token-expired',
    });
    expect(recorded.requests[0]?.headers.get('authorization')).toBe('Bearer tok-1');
    expect(refused).toBe(1);
    await expect(
      call(
        api.POST('/api/v1/auth/login', {
          body: { tenant: 'default', login: 'a', password: 'wrong' },
        }),
      ),
    ).rejects.toBeInstanceOf(ApiError);
    expect(refused).toBe(1);
  });

  it('turns the bilingual API error, with its per-cell details, into an ApiError', async () => {
    const recorded = recordingFetch(422, {
      code: 'validation-failed',
      message: { zh: '文件有 1 处错误', en: 'the file has 1 problem(s)' },
      details: [{ file: 'a.xlsx', row: 7, column: 'E', reason: '不是数字 not a number' }, 'junk'],
    });
    const api = createApiClient({ baseUrl: 'http://api', fetch: recorded.fetchImpl });
    const error = await call(api.GET('/api/v1/factor-sets')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, messages: { zh: '文件有 1 处错误' } });
    expect((error as ApiError).issues).toEqual([
      { file: 'a.xlsx', row: 7, column: 'E', reason: '不是数字 not a number' },
    ]);
  });

  it('reports Fastify validation errors and unreachable servers in both languages', async () => {
    const recorded = recordingFetch(400, {
      code: 'FST_ERR_VALIDATION',
      message: 'querystring/year must be integer',
    });
    const api = createApiClient({ baseUrl: 'http://api', fetch: recorded.fetchImpl });
    await expect(
      call(api.GET('/api/v1/factors', { params: { query: { year: 1 } } })),
    ).rejects.toMatchObject({
      status: 400,
      messages: { zh: 'querystring/year must be integer', en: 'querystring/year must be integer' },
    });
    const offline = createApiClient({
      baseUrl: 'http://api',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    await expect(call(offline.GET('/api/v1/factor-sets'))).rejects.toMatchObject({
      status: 0,
      code: 'network',
    });
  });
});

describe('factor library URL', () => {
  it('round-trips the filters and ignores malformed values', () => {
    const filters = parseFactorFilters(
      new URLSearchParams(
        'q=烟煤&kind=grid&region=CN-GRID-EAST&year=2023&page=2&pageSize=50&factor=a/b',
      ),
    );
    expect(filters).toEqual({
      q: '烟煤',
      kind: 'grid',
      region: 'CN-GRID-EAST',
      year: 2023,
      set: undefined,
      page: 2,
      pageSize: 50,
      factor: 'a/b',
    });
    expect(parseFactorFilters(factorFiltersToParams(filters))).toEqual(filters);
    expect(
      parseFactorFilters(new URLSearchParams('kind=coal&year=abc&page=-1&pageSize=7')),
    ).toMatchObject({
      kind: undefined,
      year: undefined,
      page: 1,
      pageSize: 20,
    });
  });
});
