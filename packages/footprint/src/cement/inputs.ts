import type { Quantity } from '@carbonbase/quantity';
import { FootprintDocumentError, Reader, type Obj } from './read.js';

export const CEMENT_INPUTS_FORMAT = 'carbonbase.cement-footprint/v1';

/**
 * How the burden of a by-product from another system (granulated blast-furnace slag, fly ash,
 * desulphurisation gypsum) and of the plant's own co-products is shared:
 *  - `economic`: by revenue, the EN 15804+A2 §6.4.3.2 rule as cement EPDs apply it to slag and
 *    fly ash (docs/methods/footprint.md §8);
 *  - `cut-off`: the by-product is a waste of the system that made it and arrives burden-free
 *    (only its transport is counted); the plant's own co-products take no burden.
 */
export type AllocationRule = 'economic' | 'cut-off';
export const ALLOCATION_RULES: readonly AllocationRule[] = ['economic', 'cut-off'];

/** A transport leg of a constituent: background process (t·km) and distance. */
export interface TransportLeg {
  readonly mode: string;
  readonly distance: Quantity;
}

/**
 * What economic allocation needs of the system that makes a by-product: its footprint per tonne of
 * its main product, how much by-product comes with each tonne, and both prices.
 */
export interface EconomicAllocationData {
  /** e.g. "blast furnace, hot metal". */
  readonly producer: string;
  /** Unit of the producer's main product: t (hot metal), MWh (power). */
  readonly mainProductUnit: string;
  /** tCO2e per unit of the producer's main product, before allocation. */
  readonly producerFootprint: Quantity;
  /** t of by-product per unit of main product. */
  readonly byProductYield: Quantity;
  /** CNY per unit of main product. */
  readonly mainProductPrice: Quantity;
  readonly byProductPrice: Quantity;
  readonly source: string;
}

interface ConstituentBase {
  readonly id: string;
  readonly name: string;
  /** Mass fraction of the cement. */
  readonly share: Quantity;
  readonly transport: readonly TransportLeg[];
}

export type Constituent =
  | (ConstituentBase & { readonly kind: 'own-clinker' })
  | (ConstituentBase & {
      readonly kind: 'purchased-clinker';
      /** Supplier's cradle-to-gate clinker footprint (tCO2e/t), from its declaration. */
      readonly footprint: Quantity;
      readonly source: string;
    })
  | (ConstituentBase & { readonly kind: 'background'; readonly background: string })
  | (ConstituentBase & {
      readonly kind: 'by-product';
      /** Needed under economic allocation; ignored under cut-off. */
      readonly economic?: EconomicAllocationData;
    });

export type ConstituentKind = Constituent['kind'];
const KINDS: readonly ConstituentKind[] = [
  'own-clinker',
  'purchased-clinker',
  'background',
  'by-product',
];

/**
 * What a footprint needs beyond the inventory (`carbonbase.cement-footprint/v1`): the cement's
 * composition and supply chain, how site-level electricity splits between kiln and grinding, and
 * the allocation rule with the prices it needs. Everything is optional: without it the cement is
 * taken to be the plant's own clinker plus unspecified constituents (reported as a data gap).
 */
export interface CementFootprintInputs {
  readonly format: typeof CEMENT_INPUTS_FORMAT;
  readonly product?: string;
  readonly allocation?: AllocationRule;
  /** Site-level purchased electricity used by cement grinding (the rest goes to clinker). */
  readonly grindingElectricity?: Quantity;
  /** Prices for economic allocation between clinker and exported electricity. */
  readonly prices?: { readonly clinker?: Quantity; readonly electricity?: Quantity };
  readonly constituents?: readonly Constituent[];
}

function transport(r: Reader, o: Obj, p: string): TransportLeg[] {
  return r.list(o, 'transport', p, (t, tp) => {
    const mode = r.str(t, 'mode', tp);
    const distance = r.qty(t, 'distance', tp, 'km');
    return mode && distance ? { mode, distance } : undefined;
  });
}

function economic(r: Reader, o: Obj, p: string): EconomicAllocationData | undefined {
  const producer = r.str(o, 'producer', p);
  const mainProductUnit = r.str(o, 'mainProductUnit', p, true) ?? 't';
  const producerFootprint = r.qty(o, 'producerFootprint', p, `tCO2e/${mainProductUnit}`);
  const byProductYield = r.qty(o, 'byProductYield', p, `t/${mainProductUnit}`);
  const mainProductPrice = r.qty(o, 'mainProductPrice', p, `CNY/${mainProductUnit}`);
  const byProductPrice = r.qty(o, 'byProductPrice', p, 'CNY/t');
  const source = r.str(o, 'source', p);
  if (
    !producer ||
    !producerFootprint ||
    !byProductYield ||
    !mainProductPrice ||
    !byProductPrice ||
    !source
  )
    return undefined;
  return {
    producer,
    mainProductUnit,
    producerFootprint,
    byProductYield,
    mainProductPrice,
    byProductPrice,
    source,
  };
}

function constituent(r: Reader, o: Obj, p: string): Constituent | undefined {
  const id = r.str(o, 'id', p);
  const name = r.str(o, 'name', p);
  const kind = r.oneOf(o, 'kind', p, KINDS);
  const share = r.qty(o, 'share', p, '%');
  const legs = transport(r, o, p);
  if (!id || !name || !kind || !share) return undefined;
  const base = { id, name, share, transport: legs };
  switch (kind) {
    case 'own-clinker':
      return { ...base, kind };
    case 'purchased-clinker': {
      const footprint = r.qty(o, 'footprint', p, 'tCO2e/t');
      const source = r.str(o, 'source', p);
      return footprint && source ? { ...base, kind, footprint, source } : undefined;
    }
    case 'background': {
      const background = r.str(o, 'background', p);
      return background ? { ...base, kind, background } : undefined;
    }
    case 'by-product': {
      if (o.economic === undefined) return { ...base, kind };
      const e = r.obj(o.economic, `${p}.economic`);
      const data = e && economic(r, e, `${p}.economic`);
      return data ? { ...base, kind, economic: data } : undefined;
    }
  }
}

/** Reads a `carbonbase.cement-footprint/v1` document (parsed YAML or JSON). */
export function parseCementInputs(doc: unknown, document = 'inputs'): CementFootprintInputs {
  const r = new Reader();
  const o = r.obj(doc, '$');
  if (!o) throw new FootprintDocumentError(document, r.issues);
  if (o.format !== CEMENT_INPUTS_FORMAT)
    r.fail('$.format', `应为 expected "${CEMENT_INPUTS_FORMAT}"`);
  const product = r.str(o, 'product', '$', true);
  const allocation = r.oneOf(o, 'allocation', '$', ALLOCATION_RULES, true);
  const grindingElectricity = r.qty(o, 'grindingElectricity', '$', 'MWh', true);
  const pr = o.prices === undefined ? undefined : r.obj(o.prices, '$.prices');
  const clinkerPrice = pr && r.qty(pr, 'clinker', '$.prices', 'CNY/t', true);
  const electricityPrice = pr && r.qty(pr, 'electricity', '$.prices', 'CNY/MWh', true);
  const constituents =
    o.constituents === undefined
      ? undefined
      : r.list(o, 'constituents', '$', (c, p) => constituent(r, c, p));
  const ids = new Set<string>();
  constituents?.forEach((c, i) => {
    if (ids.has(c.id)) r.fail(`$.constituents[${i}].id`, `重复 duplicate id ${c.id}`);
    ids.add(c.id);
  });
  if (r.issues.length) throw new FootprintDocumentError(document, r.issues);
  return {
    format: CEMENT_INPUTS_FORMAT,
    ...(product ? { product } : {}),
    ...(allocation ? { allocation } : {}),
    ...(grindingElectricity ? { grindingElectricity } : {}),
    ...(clinkerPrice || electricityPrice
      ? {
          prices: {
            ...(clinkerPrice ? { clinker: clinkerPrice } : {}),
            ...(electricityPrice ? { electricity: electricityPrice } : {}),
          },
        }
      : {}),
    ...(constituents ? { constituents } : {}),
  };
}
