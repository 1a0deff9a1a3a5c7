import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '../src/api/client.js';
import {
  factorFiltersToParams,
  parseFactorFilters,
} from '../src/pages/factor-library/useFactorFilters.js';

function recordingFetch(status: number, body: unknown) {
  const urls: string[] = [];
  const fetchImpl: typeof fetch = (input) => {
    // The client passes URLs as strings.
    urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
  return { urls, fetchImpl };
}

describe('API client', () => {
  it('sends only the filters that are set and keeps slashes of factor ids as path separators', async () => {
    const { urls, fetchImpl } = recordingFetch(200, { items: [], total: 0, limit: 20, offset: 0 });
    const api = createApiClient({ baseUrl: 'http://api', fetch: fetchImpl });
    await api.listFactors({ q: ' 烟煤 ', kind: 'fuel-property', region: '', limit: 20, offset: 0 });
    await api.getFactor('cn-gbt32151-2024-fuels/bituminous-coal.ncv@2024.1');
    expect(urls).toEqual([
      'http://api/api/v1/factors?q=%E7%83%9F%E7%85%A4&kind=fuel-property&limit=20&offset=0',
      'http://api/api/v1/factors/cn-gbt32151-2024-fuels/bituminous-coal.ncv%402024.1',
    ]);
  });

  it('turns the bilingual API error into an ApiError', async () => {
    const { fetchImpl } = recordingFetch(404, {
      code: 'not-found',
      message: { zh: '未找到因子 x/y', en: 'no factor with id x/y' },
      details: { id: 'x/y' },
    });
    const error = await createApiClient({ fetch: fetchImpl })
      .getFactor('x/y')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not-found',
      messages: { zh: '未找到因子 x/y' },
      details: { id: 'x/y' },
    });
  });

  it('reports Fastify validation errors and unreachable servers in both languages', async () => {
    const { fetchImpl } = recordingFetch(400, {
      code: 'FST_ERR_VALIDATION',
      message: 'querystring/year must be integer',
    });
    await expect(
      createApiClient({ fetch: fetchImpl }).listFactors({ year: 1 }),
    ).rejects.toMatchObject({
      status: 400,
      messages: { zh: 'querystring/year must be integer', en: 'querystring/year must be integer' },
    });
    const offline = createApiClient({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(offline.listFactorSets()).rejects.toMatchObject({ status: 0, code: 'network' });
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
