import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getMethodSet, parseInventory } from '@carbonbase/engine';
import {
  CementFootprintError,
  cementFootprint,
  parseBackgroundSet,
  type AllocationRule,
  type BackgroundSet,
  type CementFootprint,
  type CementProduct,
} from '@carbonbase/footprint';
import { bundledFactorSetsDir } from '@carbonbase/io';
import {
  toPactV2,
  toPactV3,
  type PactV2ProductFootprint,
  type PactV3ProductFootprint,
  type ProductFootprintInput,
} from '@carbonbase/pact';
import { quantity, valueIn } from '@carbonbase/quantity';
import type { CalculationRun, Store } from '@carbonbase/store';
import { requireEnterprise } from './access.js';
import type { Actor } from './actor.js';
import { AppError } from './errors.js';
import { annualRunOf, getRun, resultOf, type RunInputs } from './runs.js';

/**
 * ISO 14067 counts every emission of the product system: GB/T 32151.8 (cn-cement-2015) keeps kiln
 * dust and raw-meal organic carbon, which the ETS method (cn-cement-cets-2024) leaves out
 * (docs/methods/footprint.md §8.1). A stored run keeps its own method: the footprint says which.
 */
export const FOOTPRINT_METHOD = 'cn-cement-2015';

/** The background set shipped in data/footprint-background (US LCI 2017, labelled as US data). */
export const BACKGROUND_FILE = 'uslci-2017-cement-inputs.json';

let bundled: Promise<BackgroundSet> | undefined;
function bundledBackground(): Promise<BackgroundSet> {
  const file = join(bundledFactorSetsDir(), '..', 'footprint-background', BACKGROUND_FILE);
  bundled ??= readFile(file, 'utf8').then((t) =>
    parseBackgroundSet(JSON.parse(t) as unknown, file),
  );
  return bundled;
}

/** Which footprint: a run by id, or the enterprise's latest annual run of a year. */
export type FootprintQuery = (
  { readonly runId: string } | { readonly enterpriseId: string; readonly year: number }
) & {
  readonly product: CementProduct;
  /**
   * Default `cut-off`: the store holds no prices or by-product data, which economic allocation
   * needs; with exported electricity it is refused without prices, never guessed.
   */
  readonly allocation?: AllocationRule;
};

export interface ProductFootprint {
  readonly enterprise: { readonly id: string; readonly code: string; readonly name: string };
  readonly run: {
    readonly id: string;
    readonly year: number;
    /** The run's accounting method, `id@version`. */
    readonly method: string;
    readonly createdAt: string;
    /** The factor sets the run recorded, `id@version`: the footprint resolves against these. */
    readonly factorSets: readonly string[];
  };
  /** The method the foreground was accounted under (the run's), and what that means for scope. */
  readonly accounting: { readonly method: string; readonly note: string };
  readonly footprint: CementFootprint;
}

async function runFor(store: Store, actor: Actor, q: FootprintQuery): Promise<CalculationRun> {
  if ('runId' in q) return getRun(store, actor, q.runId);
  const { enterprise } = await requireEnterprise(store, actor, q.enterpriseId, 'read');
  // only a whole calendar year is an annual footprint's reference period
  const annual = await annualRunOf(store, actor.tenantId, enterprise.id, q.year);
  if (!annual)
    throw new AppError(
      'not-found',
      `${enterprise.code} ${q.year} 年没有全年核算记录，请先核算`,
      `${enterprise.code} has no annual calculation run for ${q.year}: calculate the year first`,
    );
  return annual;
}

/**
 * The cradle-to-gate footprint of 1 t of the enterprise's clinker or cement (ISO 14067; the
 * product system of docs/methods/footprint.md §8) from a stored annual run: its inventory document
 * and the engine's results as stored (same figures, same factors `id@version`, so the answer is
 * reproducible from the run alone), plus the bundled background set for fuel upstream. The run is
 * not re-accounted under cn-cement-2015: store data made for the ETS method lack what GB/T 32151.8
 * needs (the clinker MgO of the output method, for one), so the footprint keeps the run's method
 * and says what that method leaves out. Scoped like getRun: outside the scope is "not found".
 */
export async function productFootprint(
  store: Store,
  actor: Actor,
  query: FootprintQuery,
): Promise<ProductFootprint> {
  const run = await runFor(store, actor, query);
  const enterprise = (await requireEnterprise(store, actor, run.enterpriseId!, 'read')).enterprise;
  const inputs = run.inputs as unknown as RunInputs;
  const year = Number(run.periodStart!.slice(0, 4));
  const document = `${enterprise.code} ${year}`;
  const fullScope = run.methodSet.id === FOOTPRINT_METHOD;
  try {
    const footprint = cementFootprint(parseInventory(inputs.inventory, document), resultOf(run), {
      product: query.product,
      allocation: query.allocation ?? 'cut-off',
      background: await bundledBackground(),
    });
    return {
      enterprise: { id: enterprise.id, code: enterprise.code, name: enterprise.name },
      run: {
        id: run.id,
        year,
        method: `${run.methodSet.id}@${run.methodSet.version}`,
        createdAt: run.createdAt.toISOString(),
        factorSets: inputs.factorSets,
      },
      accounting: {
        method: run.methodSet.id,
        note: fullScope
          ? '核算记录采用 GB/T 32151.8，计入全部过程排放 the run uses GB/T 32151.8: every process emission counts'
          : `足迹沿用核算记录（${run.methodSet.id}）的结果；该方法不计的排放（如碳排放权交易方法不计的窑灰、生料有机碳）不在足迹中，其清单行列于数据质量说明 the footprint uses the run's figures under ${run.methodSet.id}; what that method leaves out (kiln dust and raw-meal organic carbon under the ETS method) is not in it, and its lines are listed in the data-quality notes; GB/T 32151.8 (${FOOTPRINT_METHOD}) counts them`,
      },
      footprint,
    };
  } catch (e) {
    if (e instanceof CementFootprintError)
      throw new AppError(
        'validation-failed',
        `无法计算产品碳足迹：${e.message}`,
        `the product footprint cannot be calculated: ${e.message}`,
        [{ file: document, field: e.path, reason: e.message }],
      );
    throw e;
  }
}

export type PactMajor = '2' | '3';

/** UUID v5 (RFC 4122 §4.3, SHA-1) of a name in a namespace: the same footprint keeps its id. */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** UN CPC 2.1: 37410 cement clinkers; 37440 Portland and other hydraulic cements. */
const CPC: Readonly<Record<CementProduct, string>> = { clinker: '37410', cement: '37440' };

/** Who and what a PACT document names: the data a footprint alone does not carry. */
export interface PactIdentity {
  /** UUID of the footprint dataset. */
  readonly id: string;
  /** ISO 8601 date-time. */
  readonly created: string;
  readonly companyName: string;
  /** URNs (urn:uuid:…, urn:pact:…). */
  readonly companyIds: readonly string[];
  readonly productIds: readonly string[];
  /** Where the footprint was computed from, for the comment (run, inventory file). */
  readonly provenance: string;
}

/** An enterprise code or credit code inside a URN: percent-encoded where RFC 8141 needs it. */
export const urnPart = (s: string): string => encodeURIComponent(s);

/**
 * A clinker or cement footprint as carbonbase's version-neutral PACT input: the total per
 * declared unit as the PCF (biogenic carbon is not carried: the inventory's biomass CO2 stays
 * outside, so including and excluding biogenic are equal, and the comment says so), the boundary,
 * allocation, cut-offs and background sources in the descriptive fields, and the share of
 * emissions from the plant's own processes (kiln, grinding) as the primary data share.
 */
export function pactInputOf(f: CementFootprint, who: PactIdentity): ProductFootprintInput {
  const total = valueIn(f.total, 'tCO2e/t');
  const own = f.contributions.byProcess
    .filter((c) => c.id === 'kiln' || c.id === 'grinding')
    .reduce((s, c) => s + valueIn(c.value, 'tCO2e/t'), 0);
  const sources = [
    ...(f.background ? [{ name: f.background.id, version: f.background.version }] : []),
    ...f.inventory.electricityFactors.map((ref) => {
      const at = ref.lastIndexOf('@');
      return { name: ref.slice(0, at), version: ref.slice(at + 1) };
    }),
  ];
  const cutOffs = f.dataQuality.filter((n) => n.startsWith('截断 cut off:'));
  const year = f.inventory.year;
  return {
    id: who.id,
    created: who.created,
    status: 'Active',
    company: { name: who.companyName, ids: [...who.companyIds] },
    product: {
      ids: [...who.productIds],
      nameCompany: f.productName,
      description: `${f.productName}, ${f.inventory.reporter} ${year}: 摇篮到大门 cradle-to-gate, 1 t at the plant gate`,
      classifications: [`urn:pact:productclassification:un-cpc:${CPC[f.product]}`],
      cpcCode: CPC[f.product],
    },
    comment: [
      `carbonbase: ${who.provenance}, accounted under ${f.inventory.method}.`,
      `Fuel upstream: ${f.fuelUpstream.status}.`,
      'Biogenic carbon is not carried into the footprint: pcfIncludingBiogenic equals pcfExcludingBiogenic.',
    ].join(' '),
    declaredUnit: f.declaredUnit,
    referencePeriod: { start: `${year}-01-01T00:00:00Z`, end: `${year + 1}-01-01T00:00:00Z` },
    geography: { scope: 'country', country: 'CN' },
    pcfExcludingBiogenic: quantity(total, 'tCO2e'),
    pcfIncludingBiogenic: quantity(total, 'tCO2e'),
    fossilGhgEmissions: quantity(total, 'tCO2e'),
    // clinker and cement are mineral: no fossil or biogenic carbon in the product
    fossilCarbonContent: quantity(0, 'kgC'),
    biogenicCarbonContent: quantity(0, 'kgC'),
    packaging: { included: false },
    characterizationFactors: [getMethodSet(f.inventory.method).gwp],
    crossSectoralStandards: ['ISO14067'],
    boundaryProcessesDescription: [
      'Cradle-to-gate: the plant (kiln and, for cement, grinding) from the enterprise inventory;',
      'purchased electricity at the grid factors of the inventory;',
      `fuel upstream (mining, processing, refining) from background data (${f.fuelUpstream.status});`,
      'excluded: transport of fuels to the plant, packaging, capital goods.',
    ].join(' '),
    allocationRulesDescription: f.allocation.statements.join(' '),
    exemptedEmissions: {
      // cut-off flows have no data, so their emissions are not known: 0 is stated, not estimated
      percent: quantity(0, '%'),
      description: cutOffs.length
        ? `Not quantified (no data): ${cutOffs.join('; ')}`
        : 'No cut-off flows.',
    },
    ...(sources.length ? { secondaryEmissionFactorSources: sources } : {}),
    primaryDataShare: quantity(total > 0 ? (own / total) * 100 : 0, '%'),
  };
}

/**
 * The footprint of productFootprint as a PACT ProductFootprint (v2.3 or v3.0), scoped the same
 * way; its id is derived from the run, product and allocation, so asking again gives the same
 * document.
 */
export async function pactFootprintOf(
  store: Store,
  actor: Actor,
  query: FootprintQuery,
  version: PactMajor,
): Promise<PactV2ProductFootprint | PactV3ProductFootprint> {
  const p = await productFootprint(store, actor, query);
  const f = p.footprint;
  const code = urnPart(p.enterprise.code);
  const input = pactInputOf(f, {
    id: uuidV5(p.run.id, `carbonbase footprint ${f.product} ${f.allocation.rule}`),
    created: p.run.createdAt,
    companyName: p.enterprise.name,
    companyIds: [`urn:uuid:${p.enterprise.id}`, `urn:pact:carbonbase:company-id:${code}`],
    productIds: [`urn:pact:carbonbase:product-id:${code}:${f.product}`],
    provenance: `run ${p.run.id} (${p.run.method})`,
  });
  return version === '2' ? toPactV2(input) : toPactV3(input);
}
