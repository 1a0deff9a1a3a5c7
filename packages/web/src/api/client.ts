/**
 * The typed HTTP client of the carbonbase API, for the factor routes the dashboard uses.
 *
 * Hand-written for now: once docs/api/openapi.yaml exists, a client generated from it replaces
 * this file (docs/web.md). The types come from @carbonbase/factors as `import type` only, so no
 * server code reaches the browser bundle.
 */
import type { FactorJson, FactorKind, SetSummary } from '@carbonbase/factors';

export type { FactorJson, FactorKind, SetSummary };

export interface FactorListQuery {
  /** Words in Chinese or English; every word must match. */
  readonly q?: string;
  /** Site region code; the API includes its grid region, CN and GLOBAL. */
  readonly region?: string;
  readonly year?: number;
  readonly kind?: FactorKind;
  /** Factor-set id. */
  readonly set?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface FactorPage {
  readonly items: readonly FactorJson[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface FactorResolveQuery {
  readonly code: string;
  readonly parameter: string;
  readonly region?: string;
  readonly year?: number;
  readonly basis?: string;
  readonly set?: string;
}

export interface FactorResolution {
  /** `id@version` of the chosen factor. */
  readonly ref: string;
  readonly factor: FactorJson;
  /** Why this factor was chosen, in the order the rule applied. */
  readonly reasons: readonly string[];
}

export interface BilingualMessage {
  readonly zh: string;
  readonly en: string;
}

/**
 * A failed request. `status` is 0 when the server was not reached at all; `message` holds the
 * API's own bilingual text when it sent one, so pages can show it in the user's language.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: BilingualMessage,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${status} ${code}: ${messages.en}`);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
}

export interface ApiClient {
  listFactors(query: FactorListQuery, options?: RequestOptions): Promise<FactorPage>;
  /** One factor by `id` or `id@version`; ids contain "/". */
  getFactor(id: string, options?: RequestOptions): Promise<FactorJson>;
  resolveFactor(query: FactorResolveQuery, options?: RequestOptions): Promise<FactorResolution>;
  listFactorSets(options?: RequestOptions): Promise<readonly SetSummary[]>;
}

export interface ApiClientOptions {
  /** Prefix of the API, '' when the web is served by the API itself. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
}

type QueryValue = string | number | undefined;

function queryString(params: Readonly<Record<string, QueryValue>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    // Empty strings mean "no filter": the API rejects some of them (an empty kind is not a kind).
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The API's `{code, message: {zh, en}, details}`, or Fastify's own `{code?, message: string}`. */
async function toApiError(response: Response): Promise<ApiError> {
  const fallback = {
    zh: `服务器返回错误 ${response.status}`,
    en: `The server answered ${response.status} ${response.statusText}`.trim(),
  };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return new ApiError(response.status, 'http-error', fallback);
  }
  if (!isRecord(body)) return new ApiError(response.status, 'http-error', fallback);
  const code = typeof body.code === 'string' ? body.code : 'http-error';
  const details = isRecord(body.details) ? body.details : {};
  const message = body.message;
  if (isRecord(message) && typeof message.zh === 'string' && typeof message.en === 'string')
    return new ApiError(response.status, code, { zh: message.zh, en: message.en }, details);
  if (typeof message === 'string')
    return new ApiError(response.status, code, { zh: message, en: message }, details);
  return new ApiError(response.status, code, fallback, details);
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  // Bound late: tests and pages may replace the global fetch after the client is created.
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function get<T>(path: string, requestOptions: RequestOptions = {}): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        headers: { accept: 'application/json' },
        ...(requestOptions.signal && { signal: requestOptions.signal }),
      });
    } catch (e) {
      // An abort is the caller's decision, not a failure to report.
      if (e instanceof Error && e.name === 'AbortError') throw e;
      throw new ApiError(0, 'network', {
        zh: '无法连接到服务器，请检查网络或稍后重试。',
        en: 'Could not reach the server. Check the connection or try again later.',
      });
    }
    if (!response.ok) throw await toApiError(response);
    return (await response.json()) as T;
  }

  return {
    listFactors: (query, requestOptions) =>
      get<FactorPage>(
        `/api/v1/factors${queryString({
          q: query.q?.trim(),
          region: query.region,
          year: query.year,
          kind: query.kind,
          set: query.set,
          limit: query.limit,
          offset: query.offset,
        })}`,
        requestOptions,
      ),
    getFactor: (id, requestOptions) =>
      get<FactorJson>(
        `/api/v1/factors/${id.split('/').map(encodeURIComponent).join('/')}`,
        requestOptions,
      ),
    resolveFactor: (query, requestOptions) =>
      get<FactorResolution>(
        `/api/v1/factors/resolve${queryString({
          code: query.code,
          parameter: query.parameter,
          region: query.region,
          year: query.year,
          basis: query.basis,
          set: query.set,
        })}`,
        requestOptions,
      ),
    listFactorSets: (requestOptions) =>
      get<readonly SetSummary[]>('/api/v1/factor-sets', requestOptions),
  };
}
