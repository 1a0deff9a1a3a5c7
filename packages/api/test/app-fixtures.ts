import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Store } from '@carbonbase/store';
import { buildServer, type StoreAreaOptions } from '../src/index.js';

export { engines, openSecond, unique, useStore } from '../../app/test/harness.js';
export {
  E1_ROWS,
  E1_TOTAL_TCO2,
  PASSWORD,
  seedWorld,
  workbook,
  type World,
} from '../../app/test/fixtures.js';

/** The API with only the application area, over the store; ready to take injected requests. */
export async function serve(
  store: Store,
  options: Omit<StoreAreaOptions, 'store'> = {},
): Promise<FastifyInstance> {
  const app = buildServer({ store: { store, ...options } });
  await app.ready();
  return app;
}

/** A multipart/form-data body with one file part, as a browser's form would send it. */
export function multipart(
  fileName: string,
  bytes: Uint8Array,
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----carbonbase${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export interface Call {
  readonly method: InjectOptions['method'];
  readonly url: string;
  readonly body?: unknown;
  /** A file to upload as multipart/form-data. */
  readonly file?: { name: string; bytes: Uint8Array };
}

/** Sends a request with the token as `Authorization: Bearer …` (none when undefined). */
export function call(
  app: FastifyInstance,
  token: string | undefined,
  c: Call,
): Promise<LightMyRequestResponse> {
  const auth: Record<string, string> =
    token === undefined ? {} : { authorization: `Bearer ${token}` };
  if (c.file) {
    const { payload, headers } = multipart(c.file.name, c.file.bytes);
    return app.inject({ method: c.method, url: c.url, payload, headers: { ...auth, ...headers } });
  }
  return app.inject({
    method: c.method,
    url: c.url,
    headers: auth,
    ...(c.body !== undefined && { payload: c.body as InjectOptions['payload'] }),
  });
}

const TENANT_TABLES = [
  'enterprises',
  'facilities',
  'emission_sources',
  'activity_data',
  'import_batches',
  'calculation_runs',
  'reporting_periods',
  'period_comments',
  'audit_log',
  'users',
  'role_grants',
  'api_tokens',
] as const;

/**
 * Row counts of every tenant table, plus a digest of the activity figures: equal snapshots mean
 * nothing of the tenant was written (the tables are append-only or versioned, so any write adds
 * a row; the digest also catches an update in place).
 */
export async function snapshot(store: Store, tenantId: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const table of TENANT_TABLES) {
    const [row] = await store.db.query<{ n: number }>(
      `select count(*)::int as n from ${table} where tenant_id = $1`,
      [tenantId],
    );
    out[table] = row!.n;
  }
  const [digest] = await store.db.query<{ d: string | null }>(
    `select md5(string_agg(a::text, '|' order by a::text)) as d from activity_data a
     where tenant_id = $1`,
    [tenantId],
  );
  out.activityDigest = digest!.d;
  const [periods] = await store.db.query<{ d: string | null }>(
    `select string_agg(status, ',' order by starts_on, enterprise_id) as d from reporting_periods
     where tenant_id = $1`,
    [tenantId],
  );
  out.periodStatuses = periods!.d;
  return out;
}

/** The JSON body of an error response, typed for assertions. */
export const errorOf = (res: LightMyRequestResponse) =>
  res.json<{ code: string; message: { zh: string; en: string }; details: unknown[] }>();
