import {
  CO2_PER_CARBON,
  GWP_CO2,
  InventoryError,
  account,
  formatDocumentIssue,
  type FactorLookup,
  type InventoryResult,
  type LineResult,
  type MethodSet,
  type ScopeKey,
} from '@carbonbase/engine';
import { compatible } from '@carbonbase/quantity';
import { applyChain, MultiplierChain } from './chain.js';
import { BatchError, type BatchKind, type PreparedBatch } from './columns.js';
import { inventoryDocument, lineOf } from './document.js';

/** Scopes in the order of the batch's per-scope columns. */
export const SCOPES = [
  'scope1',
  'scope2',
  'scope3',
  'exported',
  'ccus',
] as const satisfies readonly ScopeKey[];

/**
 * How the rows of one (kind, fuel code, unit, region, year) are calculated: the factors the engine
 * resolved for that combination, once, and the multipliers that turn an amount into tCO2e.
 */
export interface Plan {
  readonly key: number;
  readonly kind: BatchKind;
  readonly code: string;
  readonly unit: string;
  readonly region: string;
  readonly year: number;
  /** Rows that use the plan in the batch it was made for. */
  readonly rows: number;
  readonly treatment: LineResult['treatment'];
  /** Index into SCOPES, or −1 when the line does not count (memo, excluded). */
  readonly scope: number;
  /** Signed multipliers from the amount to the line's contribution in tCO2e. */
  readonly multipliers: readonly number[];
  /** Factors used, as `id@version`. */
  readonly factors: readonly string[];
  readonly warnings: readonly string[];
  /** Index into the batch's sources (kind, or kind and fuel). */
  readonly source: number;
}

export interface BatchPlan {
  readonly method: MethodSet;
  readonly plans: readonly Plan[];
  /** Plan index per key, −1 for keys no row uses. */
  readonly planOfKey: Int32Array;
  /** Sources for the per-source totals: `fuel-combustion:<fuel>`, `electricity-purchased`, … */
  readonly sources: readonly string[];
  /** Key dimensions, for the kernel. */
  readonly dims: KeyDims;
}

export interface KeyDims {
  readonly codes: number;
  readonly units: number;
  readonly regions: number;
  readonly years: number;
}

/** The plan key of a row, from its dictionary indices: the kernel computes the same expression. */
export const planKey = (
  d: KeyDims,
  kind: number,
  code: number,
  unit: number,
  region: number,
  yearIdx: number,
): number => (((kind * d.codes + code) * d.units + unit) * d.regions + region) * d.years + yearIdx;

const MAX_KEYS = 1 << 26;
/** Amount of the probe line each plan is checked with against the engine. */
const PROBE_AMOUNT = 1234.5678;

/** Line kind → chain, mirroring packages/engine/src/calc (fuel.ts, energy.ts) step by step. */
function chainFor(kind: BatchKind, unit: string, line: LineResult): MultiplierChain {
  const factor = (code: string | undefined, parameter: string) => {
    const f = line.explanation.factors.find(
      (x) => x.parameter === parameter && (code === undefined || x.code === code),
    );
    if (!f) throw new Error(`internal: the engine used no ${parameter} factor for ${line.id}`);
    return f.value;
  };
  switch (kind) {
    case 'fuel-combustion': {
      // tableUnit, heatContent, then C = AD × CC × OF, CO2 = C × 44/12, CO2e = CO2 × GWP.
      const table = compatible(unit, 't') ? 't' : compatible(unit, '万Nm3') ? '万Nm3' : 'GJ';
      const c = new MultiplierChain(unit).convert(table);
      if (compatible(table, 'GJ')) c.convert('GJ');
      else c.times(factor(undefined, 'ncv')).convert('GJ');
      return c
        .times(factor(undefined, 'carbon-content'))
        .times(factor(undefined, 'oxidation'))
        .times(CO2_PER_CARBON.value)
        .convert('tCO2')
        .times(GWP_CO2.value);
    }
    case 'electricity-purchased':
    case 'electricity-exported':
      return new MultiplierChain(unit)
        .convert('MWh')
        .times(factor('electricity', 'ef'))
        .convert('tCO2')
        .times(GWP_CO2.value);
    case 'heat-purchased':
    case 'heat-exported':
      return new MultiplierChain(unit)
        .convert('GJ')
        .times(factor('heat', 'ef'))
        .convert('tCO2')
        .times(GWP_CO2.value);
  }
}

/**
 * Resolves the factors of every (kind, fuel, unit, region, year) the rows use, once each, by
 * accounting probe documents with the per-document engine (one per region and year, one line per
 * combination): the same queries, checks,
 * warnings and error messages. The probe's result is also the check that the batch arithmetic
 * still matches the engine's formulas. Throws BatchError listing every combination that fails.
 */
export function planBatch(
  batch: PreparedBatch,
  method: MethodSet,
  factors: FactorLookup,
): BatchPlan {
  const c = batch.columns;
  const dims: KeyDims = {
    codes: Math.max(1, c.codes.length),
    units: Math.max(1, c.units.length),
    regions: Math.max(1, c.regions.length),
    years: Math.max(1, batch.years.length),
  };
  const space = c.kinds.length * dims.codes * dims.units * dims.regions * dims.years;
  if (space > MAX_KEYS)
    throw new BatchError([
      `too many combinations of kind × code × unit × region × year (${space})`,
    ]);
  const counts = new Uint32Array(space);
  const first = new Int32Array(space).fill(-1);
  const y0 = batch.years[0] ?? 0;
  for (let i = 0; i < batch.rows; i++) {
    const key = planKey(
      dims,
      c.kind[i]!,
      c.code[i]!,
      c.unit[i]!,
      c.enterpriseRegion[c.enterprise[i]!]!,
      batch.yearIndex[c.year[i]! - y0]!,
    );
    if (counts[key] === 0) first[key] = i;
    counts[key]!++;
  }

  // One probe document per (region, year), one line per (kind, fuel, unit) used there.
  const groups = dims.regions * dims.years;
  const lineId = (key: number) => `k${key}`;
  const what = (key: number) => {
    const i = first[key]!;
    const k = c.kinds[c.kind[i]!]!;
    const region = c.regions[c.enterpriseRegion[c.enterprise[i]!]!]!;
    return `${k}${k === 'fuel-combustion' ? ` ${c.codes[c.code[i]!]}` : ''} in ${c.units[c.unit[i]!]}, ${region}, ${c.year[i]} (${counts[key]} rows)`;
  };
  const byGroup: number[][] = Array.from({ length: groups }, () => []);
  for (let key = 0; key < space; key++) if (counts[key]) byGroup[key % groups]!.push(key);
  const probed = new Map<number, { line: LineResult; warnings: string[] }>();
  const problems: string[] = [];
  for (const keys of byGroup) {
    if (!keys.length) continue;
    const i0 = first[keys[0]!]!;
    const region = c.regions[c.enterpriseRegion[c.enterprise[i0]!]!]!;
    const doc = inventoryDocument(
      'probe',
      region,
      c.year[i0]!,
      method.id,
      keys.map((key) => {
        const i = first[key]!;
        return lineOf(c, lineId(key), c.kind[i]!, c.code[i]!, c.unit[i]!, PROBE_AMOUNT, 0);
      }),
    );
    let result: InventoryResult;
    try {
      result = account(doc, factors, { method: method.id, document: 'batch' });
    } catch (e) {
      if (!(e instanceof InventoryError)) throw e;
      for (const key of keys) {
        const mine = e.issues.filter((x) => x.line === lineId(key) || x.line === undefined);
        if (mine.length)
          problems.push(`${what(key)}: ${mine.map((x) => formatDocumentIssue(x)).join('; ')}`);
      }
      continue;
    }
    result.lines.forEach((line, j) => {
      const key = keys[j]!;
      probed.set(key, {
        line,
        warnings: result.warnings.filter((w) => w.line === line.id).map((w) => w.message),
      });
    });
  }
  if (problems.length) throw new BatchError(problems);

  const plans: Plan[] = [];
  const planOfKey = new Int32Array(space).fill(-1);
  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();
  for (let key = 0; key < space; key++) {
    const n = counts[key]!;
    if (n === 0) continue;
    const i = first[key]!;
    const k = c.kinds[c.kind[i]!]!;
    const region = c.regions[c.enterpriseRegion[c.enterprise[i]!]!]!;
    const year = c.year[i]!;
    const { line, warnings } = probed.get(key)!;
    const counted = line.treatment === 'included' || line.treatment === 'deducted';
    const unit = c.units[c.unit[i]!]!;
    const chain = counted ? chainFor(k, unit, line) : undefined;
    if (chain) {
      if (line.treatment === 'deducted') chain.scale(-1);
      const got = applyChain(PROBE_AMOUNT, chain.multipliers);
      if (got !== line.emissions.value || chain.unit !== line.emissions.unit) {
        throw new Error(
          `internal: batch arithmetic for ${what(key)} gives ${got} ${chain.unit}, the engine ${line.emissions.value} ${line.emissions.unit}`,
        );
      }
    }
    const label = k === 'fuel-combustion' ? `${k}:${c.codes[c.code[i]!]}` : k;
    let source = sourceIndex.get(label);
    if (source === undefined) {
      source = sources.length;
      sources.push(label);
      sourceIndex.set(label, source);
    }
    planOfKey[key] = plans.length;
    plans.push({
      key,
      kind: k,
      code: k === 'fuel-combustion' ? c.codes[c.code[i]!]! : '',
      unit,
      region,
      year,
      rows: n,
      treatment: line.treatment,
      scope: counted && line.scope ? SCOPES.indexOf(line.scope) : -1,
      multipliers: chain?.multipliers ?? [],
      factors: line.explanation.factors.map((f) => f.ref),
      warnings,
      source,
    });
  }
  return { method, plans, planOfKey, sources, dims };
}
