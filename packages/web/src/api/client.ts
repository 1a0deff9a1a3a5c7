/**
 * The typed HTTP client of the carbonbase API: openapi-fetch over the types that
 * openapi-typescript generates from docs/api/openapi.yaml into schema.d.ts (`npm run gen:api -w
 * @carbonbase/web`; test/schema.test.ts fails when the file is stale). Nothing here names a route
 * by hand: a path or a field that the API does not have is a compile error.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema.js';

export type { paths };
export type Api = Client<paths>;

/** The JSON body of a path's successful GET. */
export type GetOk<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer B } } } };
}
  ? B
  : never;

/** The JSON body of a path's successful POST (200 or 201). */
export type PostOk<P extends keyof paths> = paths[P] extends {
  post: { responses: infer R };
}
  ? R extends { 201: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 200: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;

export type FactorJson = GetOk<'/api/v1/factors/{*}'>;
export type SetSummary = GetOk<'/api/v1/factor-sets'>[number];
export type FactorPage = GetOk<'/api/v1/factors'>;

export interface BilingualMessage {
  readonly zh: string;
  readonly en: string;
}

/** One problem the API found in a request: a cell of an uploaded file, or a field. */
export interface ErrorDetail {
  readonly file?: string;
  /** The workbook sheet of the row. */
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  readonly field?: string;
  readonly reason: string;
}

/**
 * A failed request. `status` is 0 when the server was not reached at all; `messages` holds the
 * API's own bilingual text when it sent one, so pages can show it in the user's language.
 * `details` is the API's list of problems (the application area) or its object (the factor area).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: BilingualMessage,
    readonly details: unknown = [],
  ) {
    super(`${status} ${code}: ${messages.en}`);
    this.name = 'ApiError';
  }

  /** The per-cell or per-field problems, when the API listed them. */
  get issues(): readonly ErrorDetail[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is ErrorDetail => isRecord(d) && typeof d.reason === 'string',
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The API's `{code, message: {zh, en}, details}`, or Fastify's own `{code?, message: string}`. */
export function toApiError(response: Response, body: unknown): ApiError {
  const fallback = {
    zh: `服务器返回错误 ${response.status}`,
    en: `The server answered ${response.status} ${response.statusText}`.trim(),
  };
  if (!isRecord(body)) return new ApiError(response.status, 'http-error', fallback);
  const code = typeof body.code === 'string' ? body.code : 'http-error';
  const details = body.details ?? [];
  const message = body.message;
  if (isRecord(message) && typeof message.zh === 'string' && typeof message.en === 'string')
    return new ApiError(response.status, code, { zh: message.zh, en: message.en }, details);
  if (typeof message === 'string')
    return new ApiError(response.status, code, { zh: message, en: message }, details);
  return new ApiError(response.status, code, fallback, details);
}

export const NETWORK_ERROR: BilingualMessage = {
  zh: '无法连接到服务器，请检查网络或稍后重试。',
  en: 'Could not reach the server. Check the connection or try again later.',
};

/**
 * The body of a successful answer, or an ApiError. Every page calls the API through this, so
 * an error has one shape whatever went wrong.
 */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await request;
  } catch (e) {
    // An abort is the caller's decision, not a failure to report.
    if (e instanceof Error && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', NETWORK_ERROR);
  }
  if (!answer.response.ok) throw toApiError(answer.response, answer.error);
  // 204 (logout) has no body; openapi-fetch gives `undefined` data for it, which is the answer.
  return answer.data as T;
}

/**
 * Path parameters: `{name}` is percent-encoded as one segment; the factor route's wildcard
 * `{*}` takes an id with "/" in it, so each of its segments is encoded on its own.
 * (openapi-fetch's default reads `{*}` as an exploded parameter named "" and leaves it in.)
 */
export function serializePath(pathname: string, params: Record<string, unknown>): string {
  return pathname.replace(/\{([^}]+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return match;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return name === '*'
      ? text.split('/').map(encodeURIComponent).join('/')
      : encodeURIComponent(text);
  });
}

/** Empty strings mean "no filter": the API rejects some of them (an empty kind is not a kind). */
export function serializeQuery(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    // The API's query parameters are strings, numbers and booleans.
    const text = typeof value === 'string' ? value.trim() : JSON.stringify(value);
    if (text !== '') search.set(key, text);
  }
  return search.toString();
}

export interface ApiClientOptions {
  /** Prefix of the API, '' when the web is served by the API itself. */
  readonly baseUrl?: string;
  readonly fetch?: (request: Request) => Promise<Response>;
  /** The bearer token of the session, read on every request. */
  readonly token?: () => string | undefined;
  /** Called when the API refuses the session (expired, revoked): the app goes back to login. */
  readonly onUnauthorized?: () => void;
}

export function createApiClient(options: ApiClientOptions = {}): Api {
  const client = createClient<paths>({
    // openapi-fetch needs an absolute base in Node (tests); in the browser the page's origin.
    baseUrl: options.baseUrl ?? '',
    // Bound late: tests and pages may replace the global fetch after the client is created.
    fetch: options.fetch ?? ((request) => fetch(request)),
    pathSerializer: serializePath,
    querySerializer: serializeQuery,
  });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = options.token?.();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ request, response }) {
      // A wrong password is a 401 too, and must stay on the login form with its message.
      if (response.status === 401 && !new URL(request.url).pathname.endsWith('/auth/login'))
        options.onUnauthorized?.();
      return response;
    },
  };
  client.use(auth);
  return client;
}
