import { FACTOR_KINDS, VERIFICATION_STATUSES, type FactorQuery } from '@carbonbase/factors';
import { parseQuantity, quantity, type Quantity } from '@carbonbase/quantity';
import { normalizeCn, type CnCode } from './goods.js';
import type {
  Calcination,
  CbamInstallation,
  DirectData,
  ElectricityUse,
  FactorInput,
  FuelStream,
  IndirectData,
  KilnDust,
  OtherDirectEmission,
  PrecursorUse,
  ProductionProcess,
  SeeSource,
} from './model.js';

export interface DocumentIssue {
  readonly path: string;
  readonly message: string;
}

/** An installation document that cannot be used; carries every issue found. */
export class CbamDocumentError extends Error {
  constructor(
    readonly document: string,
    readonly issues: readonly DocumentIssue[],
  ) {
    super(
      `${document}: ${issues.length} error(s)\n` +
        issues.map((i) => `  ${i.path}: ${i.message}`).join('\n'),
    );
    this.name = 'CbamDocumentError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads fields, collecting issues instead of stopping at the first. */
class Reader {
  readonly issues: DocumentIssue[] = [];

  fail(path: string, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  obj(v: unknown, path: string): Obj | undefined {
    return isObj(v) ? v : this.fail(path, 'expected an object');
  }

  str(o: Obj, key: string, path: string, optional = false): string | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (typeof v === 'string' && v.trim() !== '') return v;
    return this.fail(`${path}.${key}`, 'expected a non-empty string');
  }

  int(o: Obj, key: string, path: string, optional = false): number | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    return this.fail(`${path}.${key}`, 'expected an integer');
  }

  /** "72000 t" or { "value": 72000, "unit": "t" }; a bare number is refused (no unit). */
  qty(o: Obj, key: string, path: string, optional = false): Quantity | undefined {
    const v = o[key];
    const p = `${path}.${key}`;
    if (v === undefined && optional) return undefined;
    try {
      if (typeof v === 'string') return parseQuantity(v);
      if (isObj(v) && typeof v.value === 'number' && typeof v.unit === 'string')
        return quantity(v.value, v.unit);
    } catch (e) {
      return this.fail(p, (e as Error).message);
    }
    return this.fail(p, 'expected a quantity such as "72000 t"');
  }

  list<T>(o: Obj, key: string, path: string, each: (v: Obj, p: string) => T | undefined): T[] {
    const v = o[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) return this.fail(`${path}.${key}`, 'expected a list') ?? [];
    const out: T[] = [];
    v.forEach((item, i) => {
      const p = `${path}.${key}[${i}]`;
      const x = this.obj(item, p);
      const r = x && each(x, p);
      if (r !== undefined) out.push(r);
    });
    return out;
  }

  cn(o: Obj, key: string, path: string): CnCode | undefined {
    const s = this.str(o, key, path);
    if (s === undefined) return undefined;
    return normalizeCn(s) ?? this.fail(`${path}.${key}`, `${s} is not a CBAM cement good`);
  }

  factor(o: Obj, key: string, path: string, optional = false): FactorInput | undefined {
    const v = o[key];
    const p = `${path}.${key}`;
    if (v === undefined && optional) return undefined;
    const f = this.obj(v, p);
    if (!f) return undefined;
    if (typeof f.ref === 'string') return { ref: f.ref };
    if (f.query !== undefined) {
      const q = this.obj(f.query, `${p}.query`);
      return q && this.query(q, `${p}.query`);
    }
    const value = this.qty(f, 'value', p);
    const source = this.str(f, 'source', p);
    const verification = f.verification;
    if (
      verification !== undefined &&
      !(VERIFICATION_STATUSES as readonly unknown[]).includes(verification)
    )
      return this.fail(`${p}.verification`, `one of ${VERIFICATION_STATUSES.join(', ')}`);
    if (!value || !source) return undefined;
    return {
      value,
      source,
      ...(verification !== undefined
        ? { verification: verification as (typeof VERIFICATION_STATUSES)[number] }
        : {}),
    };
  }

  query(q: Obj, p: string): { query: FactorQuery } | undefined {
    const code = this.str(q, 'code', p);
    const parameter = this.str(q, 'parameter', p);
    const region = this.str(q, 'region', p, true);
    const year = this.int(q, 'year', p, true);
    const basis = this.str(q, 'basis', p, true);
    const set = this.str(q, 'set', p, true);
    const version = this.str(q, 'version', p, true);
    const kind = q.kind;
    if (kind !== undefined && !(FACTOR_KINDS as readonly unknown[]).includes(kind))
      return this.fail(`${p}.kind`, `one of ${FACTOR_KINDS.join(', ')}`);
    if (!code || !parameter) return undefined;
    return {
      query: {
        code,
        parameter,
        ...(region ? { region } : {}),
        ...(year !== undefined ? { year } : {}),
        ...(basis ? { basis } : {}),
        ...(set ? { set } : {}),
        ...(version ? { version } : {}),
        ...(kind !== undefined ? { kind: kind as (typeof FACTOR_KINDS)[number] } : {}),
      },
    };
  }
}

function calcination(r: Reader, o: Obj, p: string): Calcination | undefined {
  if (o.method === 'factor') {
    const factor = r.factor(o, 'factor', p);
    return factor && { method: 'factor', factor };
  }
  if (o.method !== 'output') return r.fail(`${p}.method`, 'expected "output" or "factor"');
  const cao = r.qty(o, 'cao', p);
  const mgo = r.qty(o, 'mgo', p);
  const caoNc = r.qty(o, 'caoNonCarbonate', p, true);
  const mgoNc = r.qty(o, 'mgoNonCarbonate', p, true);
  const caoFactor = r.factor(o, 'caoFactor', p, true);
  const mgoFactor = r.factor(o, 'mgoFactor', p, true);
  if (!cao || !mgo) return undefined;
  return {
    method: 'output',
    cao,
    mgo,
    ...(caoNc ? { caoNonCarbonate: caoNc } : {}),
    ...(mgoNc ? { mgoNonCarbonate: mgoNc } : {}),
    ...(caoFactor ? { caoFactor } : {}),
    ...(mgoFactor ? { mgoFactor } : {}),
  };
}

function direct(r: Reader, o: Obj, p: string): DirectData {
  const c = o.calcination === undefined ? undefined : r.obj(o.calcination, `${p}.calcination`);
  const calc = c && calcination(r, c, `${p}.calcination`);
  const kilnDust = r.list(o, 'kilnDust', p, (d, dp): KilnDust | undefined => {
    const amount = r.qty(d, 'amount', dp);
    const rate = r.factor(d, 'calcination', dp, true);
    return amount && { amount, ...(rate ? { calcination: rate } : {}) };
  });
  const fuels = r.list(o, 'fuels', p, (f, fp): FuelStream | undefined => {
    const id = r.str(f, 'id', fp);
    const name = r.str(f, 'name', fp);
    const amount = r.qty(f, 'amount', fp);
    const ncv = r.qty(f, 'ncv', fp, true);
    const emissionFactor = r.factor(f, 'emissionFactor', fp);
    const bf = r.qty(f, 'biomassFraction', fp, true);
    if (!id || !name || !amount || !emissionFactor) return undefined;
    return {
      id,
      name,
      amount,
      emissionFactor,
      ...(ncv ? { ncv } : {}),
      ...(bf ? { biomassFraction: bf } : {}),
    };
  });
  const other = r.list(o, 'other', p, (x, xp): OtherDirectEmission | undefined => {
    const id = r.str(x, 'id', xp);
    const name = r.str(x, 'name', xp);
    const emissions = r.qty(x, 'emissions', xp);
    const source = r.str(x, 'source', xp);
    return id && name && emissions && source ? { id, name, emissions, source } : undefined;
  });
  return {
    ...(calc ? { calcination: calc } : {}),
    ...(kilnDust.length ? { kilnDust } : {}),
    ...(fuels.length ? { fuels } : {}),
    ...(other.length ? { other } : {}),
  };
}

function indirect(r: Reader, o: Obj, p: string): IndirectData {
  const electricity = r.list(o, 'electricity', p, (e, ep): ElectricityUse | undefined => {
    const id = r.str(e, 'id', ep);
    const name = r.str(e, 'name', ep);
    const amount = r.qty(e, 'amount', ep);
    const factor = r.factor(e, 'factor', ep);
    return id && name && amount && factor ? { id, name, amount, factor } : undefined;
  });
  return { electricity };
}

function seeSource(r: Reader, o: Obj, p: string): SeeSource | undefined {
  if (o.basis === 'actual') {
    const value = r.qty(o, 'value', p);
    const source = r.str(o, 'source', p);
    return value && source ? { basis: 'actual', value, source } : undefined;
  }
  if (o.basis === 'default') {
    const country = r.str(o, 'country', p);
    const route = r.str(o, 'route', p, true);
    return country ? { basis: 'default', country, ...(route ? { route } : {}) } : undefined;
  }
  return r.fail(`${p}.basis`, 'expected "actual" or "default"');
}

function precursor(r: Reader, o: Obj, p: string): PrecursorUse | undefined {
  const good = r.cn(o, 'good', p);
  const amount = r.qty(o, 'amount', p);
  const from = r.obj(o.from, `${p}.from`);
  if (!from) return undefined;
  if (from.process !== undefined) {
    const process = r.str(from, 'process', `${p}.from`);
    return good && amount && process ? { good, amount, from: { process } } : undefined;
  }
  const supplier = r.str(from, 'supplier', `${p}.from`);
  const d = r.obj(from.direct, `${p}.from.direct`);
  const i = r.obj(from.indirect, `${p}.from.indirect`);
  const ds = d && seeSource(r, d, `${p}.from.direct`);
  const is = i && seeSource(r, i, `${p}.from.indirect`);
  if (!good || !amount || !supplier || !ds || !is) return undefined;
  return { good, amount, from: { supplier, direct: ds, indirect: is } };
}

function process(r: Reader, o: Obj, p: string): ProductionProcess | undefined {
  const id = r.str(o, 'id', p);
  const name = r.str(o, 'name', p);
  const good = r.cn(o, 'good', p);
  const route = r.str(o, 'route', p, true);
  const production = r.qty(o, 'production', p);
  const d = o.direct === undefined ? undefined : r.obj(o.direct, `${p}.direct`);
  const i = o.indirect === undefined ? undefined : r.obj(o.indirect, `${p}.indirect`);
  const precursors = r.list(o, 'precursors', p, (x, xp) => precursor(r, x, xp));
  if (!id || !name || !good || !production) return undefined;
  return {
    id,
    name,
    good,
    production,
    ...(route ? { route } : {}),
    ...(d ? { direct: direct(r, d, `${p}.direct`) } : {}),
    ...(i ? { indirect: indirect(r, i, `${p}.indirect`) } : {}),
    ...(precursors.length ? { precursors } : {}),
  };
}

/**
 * Reads an installation document (parsed JSON or YAML) into the model: quantities from
 * "72000 t" strings, CN codes normalised, every problem reported with its path.
 */
export function parseInstallation(doc: unknown, document = 'installation'): CbamInstallation {
  const r = new Reader();
  const o = r.obj(doc, '$');
  if (!o) throw new CbamDocumentError(document, r.issues);
  if (o.format !== 'carbonbase.cbam-installation/v1')
    r.fail('$.format', 'expected "carbonbase.cbam-installation/v1"');
  const inst = r.obj(o.installation, '$.installation');
  const name = inst && r.str(inst, 'name', '$.installation');
  const country = inst && r.str(inst, 'country', '$.installation');
  if (country !== undefined && !/^[A-Z]{2}$/.test(country))
    r.fail('$.installation.country', 'expected an ISO 3166-1 alpha-2 code such as CN');
  const optional = (k: string) => (inst ? r.str(inst, k, '$.installation', true) : undefined);
  const extra = Object.fromEntries(
    (['nameEn', 'id', 'region', 'address', 'operator', 'contact'] as const)
      .map((k) => [k, optional(k)] as const)
      .filter(([, v]) => v !== undefined),
  );
  const per = r.obj(o.period, '$.period');
  const year = per && r.int(per, 'year', '$.period');
  const from = per && r.str(per, 'from', '$.period', true);
  const to = per && r.str(per, 'to', '$.period', true);
  const processes = r.list(o, 'processes', '$', (x, p) => process(r, x, p));
  if (!Array.isArray(o.processes) || !o.processes.length)
    r.fail('$.processes', 'at least one production process is needed');
  if (r.issues.length || !name || !country || year === undefined)
    throw new CbamDocumentError(document, r.issues);
  return {
    format: 'carbonbase.cbam-installation/v1',
    installation: { name, country, ...extra },
    period: { year, ...(from ? { from } : {}), ...(to ? { to } : {}) },
    processes,
  };
}
