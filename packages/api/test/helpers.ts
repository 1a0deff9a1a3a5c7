import type { ProductFootprintInput } from '@carbonbase/pact';
import { loadPactSchemas } from '@carbonbase/pact';
import {
  buildServer,
  InMemoryPactEventLog,
  InMemoryPactRepository,
  type PactApiOptions,
} from '../src/index.js';
import { cement, clinker, gridElectricity } from '../../pact/test/fixtures.js';
import { readOpenApiSources, readSpecFile } from '../../pact/test/spec-files.js';

export const schemas = loadPactSchemas(readOpenApiSources());
export const CLIENT = { clientId: 'acme-buyer', clientSecret: 's3cret:with%chars' };

/** Two more cement grades, so pagination has several pages, and one v3-only footprint. */
const cement525: ProductFootprintInput = {
  ...cement,
  id: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  created: '2025-03-03T09:30:00Z',
  product: {
    ...cement.product,
    ids: ['urn:pact:cement.example.cn:product-id:PO-52.5'],
    nameCompany: 'P·O 52.5',
  },
  pcfExcludingBiogenic: { value: 0.7587, unit: 'tCO2e' },
  pcfIncludingBiogenic: { value: 0.7587, unit: 'tCO2e' },
  fossilGhgEmissions: { value: 0.7587, unit: 'tCO2e' },
};
const cement325: ProductFootprintInput = {
  ...cement,
  id: 'd2e3f4a5-b6c7-4d8e-9fa0-1b2c3d4e5f60',
  created: '2025-03-04T09:30:00Z',
  validityPeriod: { start: '2025-04-01T00:00:00Z', end: '2027-04-01T00:00:00Z' },
  geography: { scope: 'country', country: 'VN' },
  product: {
    ...cement.product,
    ids: ['urn:pact:cement.example.cn:product-id:PC-32.5'],
    nameCompany: 'P·C 32.5 composite cement',
    classifications: ['urn:pact:productclassification:un-cpc:37449'],
  },
};
/** Sold by the bag (PACT v3 "piece"), which PACT v2 cannot express. */
const cementBag: ProductFootprintInput = {
  ...cement,
  id: 'e3f4a5b6-c7d8-4e9f-a0b1-2c3d4e5f6071',
  created: '2025-03-05T09:30:00Z',
  product: {
    ...cement.product,
    ids: ['urn:pact:cement.example.cn:product-id:PO-42.5-BAG50'],
    nameCompany: 'P·O 42.5, 50 kg bag',
  },
  declaredUnit: { value: 1, unit: 'item' },
  productMassPerDeclaredUnit: { value: 50, unit: 'kg' },
  pcfExcludingBiogenic: { value: 35.15, unit: 'kgCO2e' },
  pcfIncludingBiogenic: { value: 35.15, unit: 'kgCO2e' },
  fossilGhgEmissions: { value: 35.15, unit: 'kgCO2e' },
};

export const footprints: readonly ProductFootprintInput[] = [
  clinker,
  cement,
  gridElectricity,
  cement525,
  cement325,
  cementBag,
];
/** Ids in the order ListFootprints returns them (creation time), all and those v2 can express. */
const byCreation = [...footprints].sort((a, b) => a.created.localeCompare(b.created));
export const allIds = byCreation.map((f) => f.id);
export const v2Ids = byCreation.filter((f) => f !== cementBag).map((f) => f.id);

export function makeServer(
  options: Pick<PactApiOptions, 'now' | 'tokenSecret' | 'callbacks' | 'onCallback'> = {},
) {
  const events = new InMemoryPactEventLog();
  const app = buildServer({
    pact: {
      footprints: new InMemoryPactRepository(footprints),
      credentials: [CLIENT, { clientId: 'other', clientSecret: 'other-secret' }],
      schemas,
      events,
      ...options,
    },
  });
  return { app, events };
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export async function token(app: ReturnType<typeof buildServer>): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/auth/token',
    headers: {
      authorization: basic(CLIENT.clientId, CLIENT.clientSecret),
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: 'grant_type=client_credentials',
  });
  if (res.statusCode !== 200)
    throw new Error(`token request failed: ${res.statusCode} ${res.body}`);
  return res.json<{ access_token: string }>().access_token;
}

/** One row of conformance-test-cases.csv. */
export interface ConformanceCase {
  readonly spec: 'v2' | 'v3';
  readonly testCase: string;
  readonly title: string;
  readonly mandatoryFor: string;
  readonly method: string;
  readonly endpoint: string;
  readonly expectedStatus: string;
}

export function readConformanceCases(): ConformanceCase[] {
  const [header, ...rows] = parseCsv(readSpecFile('conformance-test-cases.csv'));
  const col = (name: string) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`conformance CSV has no column ${name}`);
    return i;
  };
  const [spec, tc, title, mandatory, method, endpoint, status] = [
    'spec',
    'test_case',
    'title',
    'mandatory_for',
    'method',
    'endpoint',
    'expected_status',
  ].map(col) as [number, number, number, number, number, number, number];
  return rows
    .filter((r) => r.length > 1)
    .map((r) => ({
      spec: r[spec] as 'v2' | 'v3',
      testCase: r[tc] ?? '',
      title: r[title] ?? '',
      mandatoryFor: r[mandatory] ?? '',
      method: r[method] ?? '',
      endpoint: r[endpoint] ?? '',
      expectedStatus: r[status] ?? '',
    }));
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
