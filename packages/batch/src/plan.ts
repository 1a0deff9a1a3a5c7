import {
  CO2_PER_CARBON,
  CSI_CLINKER_DEFAULT,
  CSI_TOC_DEFAULT,
  CO2_DENSITY,
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
import { compatible, valueIn } from '@carbonbase/quantity';
import { MultiplierChain, type ChainStep } from './chain.js';
import {
  BatchError,
  SUBJECT_FIELD,
  type BatchKind,
  type PreparedBatch,
  type RowParameter,
} from './columns.js';
import { inventoryDocument, lineOf } from './document.js';
import { compileRow, ROW_WARNING_CODES, type RowFormula } from './row-formulas.js';

/** Scopes in the order of the batch's per-scope columns. */
export const SCOPES = [
  'scope1',
  'scope2',
  'scope3',
  'exported',
  'ccus',
] as const satisfies readonly ScopeKey[];

/**
 * How a combination is calculated. `chain`: a constant multiplier chain in the kernel (the fast
 * path). `row`: a chain with the row's own values (measured NCV, CaO …), evaluated per row in
 * columns before the kernel. `engine`: the rows' enterprise-years go through the per-document
 * engine inside the batch (the documented fallback, counted in the batch report).
 */
export type PlanMode = 'chain' | 'row' | 'engine';

/**
 * How the rows of one (kind, code, unit, region, year, parameter signature) are calculated: the
 * factors the engine resolved for that combination, once, and the multipliers that turn an
 * amount into tCO2e.
 */
export interface Plan {
  readonly key: number;
  readonly kind: BatchKind;
  /** The subject (fuel, material, gas …); empty for kinds without one (SUBJECT_FIELD). */
  readonly code: string;
  readonly unit: string;
  readonly region: string;
  readonly year: number;
  /** Parameters the rows give, with their units (`ncv GJ/t`). */
  readonly parameters: readonly string[];
  /** Rows that use the plan in the batch it was made for (outside enterprise-years sent to the engine). */
  readonly rows: number;
  readonly mode: PlanMode;
  readonly treatment: LineResult['treatment'];
  /** Index into SCOPES, or −1 when the line does not count (memo, excluded). */
  readonly scope: number;
  /** Signed multipliers from the amount to the line's contribution in tCO2e (mode `chain`). */
  readonly multipliers: readonly number[];
  /** Steps with the rows' own values (mode `row`), and the formula deriving a value, if any. */
  readonly steps: readonly ChainStep[];
  readonly formula?: RowFormula;
  /** Factors used, as `id@version`. */
  readonly factors: readonly string[];
  readonly warnings: readonly string[];
  /** Index into the batch's sources (kind, or kind and fuel). */
  readonly source: number;
}

export interface BatchPlan {
  readonly method: MethodSet;
  readonly plans: readonly Plan[];
  /** Plan index per key, −1 for keys no columnar row uses. */
  readonly planOfKey: Int32Array;
  /** Sources for the per-source totals: `fuel-combustion:<fuel>`, `electricity-purchased`, … */
  readonly sources: readonly string[];
  /** Key dimensions, for the kernel. */
  readonly dims: KeyDims;
  /** 1 for each enterprise-year (enterprise × years + year index) accounted by the engine. */
  readonly engineEnterpriseYears: Uint8Array;
  /** Why enterprise-years go to the engine: reason → rows. */
  readonly engineReasons: Readonly<Record<string, number>>;
}

export interface KeyDims {
  readonly codes: number;
  readonly units: number;
  readonly regions: number;
  readonly years: number;
  readonly variants: number;
}

/** The plan key of a row, from its dictionary indices: the kernel computes the same expression. */
export const planKey = (
  d: KeyDims,
  kind: number,
  code: number,
  unit: number,
  region: number,
  yearIdx: number,
  variant: number,
): number =>
  ((((kind * d.codes + code) * d.units + unit) * d.regions + region) * d.years + yearIdx) *
    d.variants +
  variant;

const MAX_KEYS = 1 << 26;
/** Amount of the probe line each plan is checked with against the engine. */
const PROBE_AMOUNT = 1234.5678;

/** Label of a row's per-source total. */
export const sourceLabel = (kind: BatchKind, code: string): string =>
  kind === 'fuel-combustion' ? `${kind}:${code}` : kind;

/**
 * Kinds and signatures whose arithmetic is not a chain of products of the row's values, or that
 * depend on other lines or on the document: their enterprise-years go to the engine. The reason
 * is what the batch report counts.
 */
function engineReason(kind: BatchKind, unit: string): string | undefined {
  if (kind === 'alternative-fuel')
    return 'alternative-fuel: fossil share 1 − β per row (not columnar yet)';
  if (kind === 'kiln-dust')
    return "kiln-dust: needs the clinker factor of its facility's clinker lines";
  if ((kind === 'heat-purchased' || kind === 'heat-exported') && compatible(unit, 't'))
    return 'steam as a mass: enthalpy difference per row (not columnar yet)';
  return undefined;
}

/**
 * Line kind → chain, mirroring packages/engine/src/calc (fuel.ts, energy.ts, cement.ts, other.ts)
 * step by step. `given` are the parameters the rows give; the factors the engine resolved come
 * from the probe line's explanation.
 */
function chainFor(
  kind: BatchKind,
  unit: string,
  given: ReadonlyMap<RowParameter, string>,
  line: LineResult,
  method: MethodSet,
): { chain: MultiplierChain; formula?: RowFormula } {
  const factor = (code: string | undefined, parameter: string) => {
    const f = line.explanation.factors.find(
      (x) => x.parameter === parameter && (code === undefined || x.code === code),
    );
    if (!f) throw new Error(`internal: the engine used no ${parameter} factor for ${line.id}`);
    return f.value;
  };
  const param = (c: MultiplierChain, name: RowParameter, fallback: () => void) => {
    const u = given.get(name);
    if (u !== undefined) c.timesParameter(name, u);
    else fallback();
    return c;
  };
  const co2e = (c: MultiplierChain) => c.convert('tCO2').times(GWP_CO2.value);
  switch (kind) {
    case 'fuel-combustion': {
      // tableUnit, heatContent, then C = AD × CC × OF, CO2 = C × 44/12, CO2e = CO2 × GWP.
      const table = compatible(unit, 't') ? 't' : compatible(unit, '万Nm3') ? '万Nm3' : 'GJ';
      const c = new MultiplierChain(unit).convert(table);
      if (compatible(table, 'GJ')) c.convert('GJ');
      else param(c, 'ncv', () => c.times(factor(undefined, 'ncv'))).convert('GJ');
      param(c, 'carbonContent', () => c.times(factor(undefined, 'carbon-content')));
      param(c, 'oxidation', () => c.times(factor(undefined, 'oxidation')));
      return { chain: co2e(c.times(CO2_PER_CARBON.value)) };
    }
    case 'electricity-purchased':
    case 'electricity-exported':
      return {
        chain: co2e(new MultiplierChain(unit).convert('MWh').times(factor('electricity', 'ef'))),
      };
    case 'heat-purchased':
    case 'heat-exported':
      return { chain: co2e(new MultiplierChain(unit).convert('GJ').times(factor('heat', 'ef'))) };
    case 'clinker': {
      const c = new MultiplierChain(unit).convert('t');
      const output =
        method.clinker === 'output' ||
        (method.clinker === 'output-else-default' && given.has('cao'));
      if (output) {
        // EF_cli = (CaO − CaO_nc) × k_CaO + (MgO − MgO_nc) × k_MgO, per row.
        return {
          chain: co2e(c.timesParameter('clinkerEf', 'tCO2/t')),
          formula: 'clinker-output',
        };
      }
      if (method.clinker === 'output-else-default')
        return { chain: co2e(c.times(CSI_CLINKER_DEFAULT.value)) };
      return { chain: co2e(c.times(factor(undefined, 'ef'))) };
    }
    case 'non-carbonate-raw-material': {
      const c = new MultiplierChain(unit).convert('t');
      return { chain: co2e(param(c, 'deduction', () => c.times(factor(undefined, 'deduction')))) };
    }
    case 'raw-meal-organic-carbon': {
      const c = new MultiplierChain(unit).convert('t');
      param(c, 'toc', () => c.times(CSI_TOC_DEFAULT.value));
      // The engine takes the mass of organic carbon as tonnes of carbon (the same number).
      return { chain: co2e(c.convert('t').relabel('tC').times(CO2_PER_CARBON.value)) };
    }
    case 'process-emission':
      return { chain: co2e(param(new MultiplierChain(unit), 'factor', () => undefined)) };
    case 'ccus': {
      if (compatible(unit, 'tCO2')) return { chain: co2e(new MultiplierChain(unit)) };
      const c = param(new MultiplierChain(unit), 'purity', () => undefined);
      return { chain: co2e(c.times(CO2_DENSITY.value)) };
    }
    case 'non-co2': {
      // CO2e = m × GWP, with the GWP read as a number per tonne of gas.
      const gwp = factor(undefined, 'gwp100');
      const perTonne = compatible(gwp.unit, '1') ? valueIn(gwp, '1') : valueIn(gwp, 'tCO2e/t');
      return { chain: new MultiplierChain(unit).convert('t').scale(perTonne).relabel('tCO2e') };
    }
    case 'spend': {
      const c = new MultiplierChain(unit);
      return {
        chain: param(c, 'factor', () => c.times(factor(undefined, 'ef'))).convert('tCO2e'),
      };
    }
    case 'electricity-generated':
    case 'alternative-fuel':
    case 'kiln-dust':
      throw new Error(`internal: no chain for ${kind}`);
  }
}

/**
 * Resolves the factors of every (kind, code, unit, region, year, parameter signature) the rows
 * use, once each, by accounting probe documents with the per-document engine (one per region and
 * year, one line per combination, carrying the first row's own parameters): the same queries,
 * checks, warnings and error messages. The probe's result is also the check that the batch
 * arithmetic still matches the engine's formulas. Enterprise-years that need the engine itself
 * (kinds without a columnar form, extra fields, inventory options) are marked and left out of the
 * plans. Throws BatchError listing every combination that fails.
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
    variants: batch.variants.length,
  };
  const space =
    c.kinds.length * dims.codes * dims.units * dims.regions * dims.years * dims.variants;
  if (space > MAX_KEYS)
    throw new BatchError([
      `too many combinations of kind × code × unit × region × year × parameter signature (${space})`,
    ]);
  const y0 = batch.years[0] ?? 0;
  const variant = batch.variant;
  const unitsOf = (v: number) =>
    new Map(batch.variants[v]!.map((p) => [p.parameter, c.units[p.unit]!] as const));

  // Enterprise-years that the engine accounts: decided before planning, so their rows are not
  // probed. The reason depends on kind and unit only, so it is looked up in a small table, and the
  // pass over the rows is skipped when nothing can send a row to the engine (the common path).
  const reasonOf = c.kinds.flatMap((k) => c.units.map((u) => engineReason(k, u)));
  const engineEy = new Uint8Array(c.enterpriseIds.length * dims.years);
  const engineReasons: Record<string, number> = {};
  const hasEngineRows =
    (reasonOf.some((r) => r !== undefined) || !!c.lineExtras?.size || !!c.documentExtras?.size) &&
    (() => {
      let any = false;
      for (let i = 0; i < batch.rows; i++) {
        const e = c.enterprise[i]!;
        let reason = reasonOf[c.kind[i]! * c.units.length + c.unit[i]!];
        if (reason === undefined && c.lineExtras?.has(batch.inputRow?.[i] ?? i))
          reason = 'line fields without a column (contracts, facility …)';
        if (reason === undefined && c.documentExtras?.has(e))
          reason = 'inventory options, facilities or production of the enterprise';
        if (reason === undefined) continue;
        engineEy[e * dims.years + batch.yearIndex[c.year[i]! - y0]!] = 1;
        engineReasons[reason] = (engineReasons[reason] ?? 0) + 1;
        any = true;
      }
      return any;
    })();

  const counts = new Uint32Array(space);
  const first = new Int32Array(space).fill(-1);
  const count = (i: number, key: number) => {
    if (counts[key] === 0) first[key] = i;
    counts[key]!++;
  };
  if (variant || hasEngineRows) {
    for (let i = 0; i < batch.rows; i++) {
      const yi = batch.yearIndex[c.year[i]! - y0]!;
      if (hasEngineRows && engineEy[c.enterprise[i]! * dims.years + yi]) continue;
      const region = c.enterpriseRegion[c.enterprise[i]!]!;
      count(i, planKey(dims, c.kind[i]!, c.code[i]!, c.unit[i]!, region, yi, variant?.[i] ?? 0));
    }
  } else {
    // The common path: no parameter signatures and no engine rows, so the key has variant 0 of
    // 1 and is planKey's expression without its last factor, written out for the loop.
    const { codes, units, regions, years } = dims;
    const { yearIndex } = batch;
    const { kind, code, unit, enterprise, enterpriseRegion, year } = c;
    for (let i = 0; i < batch.rows; i++) {
      const key =
        (((kind[i]! * codes + code[i]!) * units + unit[i]!) * regions +
          enterpriseRegion[enterprise[i]!]!) *
          years +
        yearIndex[year[i]! - y0]!;
      if (counts[key] === 0) first[key] = i;
      counts[key]!++;
    }
  }

  // One probe document per (region, year), one line per combination used there.
  const groups = dims.regions * dims.years;
  const lineId = (key: number) => `k${key}`;
  const what = (key: number) => {
    const i = first[key]!;
    const k = c.kinds[c.kind[i]!]!;
    const region = c.regions[c.enterpriseRegion[c.enterprise[i]!]!]!;
    const code = c.codes[c.code[i]!];
    const params = [...unitsOf(key % dims.variants)].map(([p, u]) => ` ${p} in ${u}`).join(',');
    return `${k}${code ? ` ${code}` : ''} in ${c.units[c.unit[i]!]}${params}, ${region}, ${c.year[i]} (${counts[key]} rows)`;
  };
  const byGroup: number[][] = Array.from({ length: groups }, () => []);
  for (let key = 0; key < space; key++)
    if (counts[key]) byGroup[Math.floor(key / dims.variants) % groups]!.push(key);
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
      keys.map((key) => lineOf(batch, first[key]!, lineId(key), PROBE_AMOUNT)),
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
        // Warnings about the row's own values are counted per row, not taken from the probe's row.
        warnings: result.warnings
          .filter((w) => w.line === line.id && !ROW_WARNING_CODES.has(w.code))
          .map((w) => w.message),
      });
    });
  }
  if (problems.length) throw new BatchError(problems);

  const plans: Plan[] = [];
  const planOfKey = new Int32Array(space).fill(-1);
  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();
  const sourceOf = (label: string) => {
    let source = sourceIndex.get(label);
    if (source === undefined) {
      source = sources.length;
      sources.push(label);
      sourceIndex.set(label, source);
    }
    return source;
  };
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
    const given = unitsOf(key % dims.variants);
    const made = counted ? chainFor(k, unit, given, line, method) : undefined;
    const chain = made?.chain;
    if (chain) {
      if (line.treatment === 'deducted') chain.scale(-1);
      const got = compileRow(batch, i, chain.steps, made.formula, method)(i, PROBE_AMOUNT);
      if (got !== line.emissions.value || chain.unit !== line.emissions.unit) {
        throw new Error(
          `internal: batch arithmetic for ${what(key)} gives ${got} ${chain.unit}, the engine ${line.emissions.value} ${line.emissions.unit}`,
        );
      }
    }
    // Rows with their own values are evaluated per row: the chain, checks and warnings of the
    // engine (which checks them on memo lines too, only excluded lines are not calculated).
    const perRow = line.treatment !== 'excluded' && given.size > 0;
    planOfKey[key] = plans.length;
    // Kinds without a subject ignore the code column: their plans name none.
    const code = SUBJECT_FIELD[k] ? (c.codes[c.code[i]!] ?? '') : '';
    plans.push({
      key,
      kind: k,
      code,
      unit,
      region,
      year,
      parameters: [...given].map(([p, u]) => `${p} ${u}`),
      rows: n,
      mode: perRow ? 'row' : 'chain',
      treatment: line.treatment,
      scope: counted && line.scope ? SCOPES.indexOf(line.scope) : -1,
      multipliers: chain && !perRow ? chain.multipliers : [],
      steps: perRow ? (chain?.steps ?? []) : [],
      ...(made?.formula ? { formula: made.formula } : {}),
      factors: line.explanation.factors.map((f) => f.ref),
      warnings,
      source: sourceOf(sourceLabel(k, code)),
    });
  }
  // Engine rows' sources, so that their per-source totals have a slot.
  if (hasEngineRows)
    for (let i = 0; i < batch.rows; i++) {
      const yi = batch.yearIndex[c.year[i]! - y0]!;
      if (engineEy[c.enterprise[i]! * dims.years + yi])
        sourceOf(sourceLabel(c.kinds[c.kind[i]!]!, c.codes[c.code[i]!] ?? ''));
    }
  return {
    method,
    plans,
    planOfKey,
    sources,
    dims,
    engineEnterpriseYears: engineEy,
    engineReasons,
  };
}
