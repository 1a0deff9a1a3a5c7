import type { Quantity } from '@carbonbase/quantity';
import { FootprintDocumentError, Reader } from './read.js';

export const BACKGROUND_FORMAT = 'carbonbase.background-set/v1';

/**
 * What a background data set covers: it decides the breakdown line its footprint is shown in.
 * A `fuels` process is the upstream of a fuel the plant burns (mining, processing, refining, up to
 * the producer's gate), not its combustion, which the inventory already counts; its `id` is the
 * fuel code of the factor base (`bituminous-coal`, `natural-gas`, `diesel`), so the inventory's
 * fuel-combustion lines find it.
 */
export type BackgroundCategory = 'materials' | 'transport' | 'fuels';
export const BACKGROUND_CATEGORIES: readonly BackgroundCategory[] = [
  'materials',
  'transport',
  'fuels',
];

/**
 * A cradle-to-gate footprint of one purchased input, per unit of it (t of material, t·km of
 * transport), with where it was taken from. Background data is not the enterprise's own data:
 * `region` says whose economy it describes, so a result can say it used foreign data.
 */
export interface BackgroundProcess {
  readonly id: string;
  readonly name: string;
  readonly category: BackgroundCategory;
  /** The unit the footprint is per: t, t·km. */
  readonly unit: string;
  /** tCO2e per `unit` (or an equivalent unit, e.g. kgCO2e/t·km). */
  readonly footprint: Quantity;
  /** Data set and process the value was computed from. */
  readonly source: string;
  /** Why this process stands for the input, when it is a proxy. */
  readonly proxy?: string;
  /** How the value was computed from the source (linking, allocation, unit conversion). */
  readonly derivation?: string;
}

export interface BackgroundSet {
  readonly format: typeof BACKGROUND_FORMAT;
  readonly id: string;
  readonly version: string;
  readonly name: string;
  /** Whose economy the data describe (e.g. "US"); shown beside every result that uses it. */
  readonly region: string;
  /** GWP set the footprints were characterized with. */
  readonly gwp: string;
  readonly licence: string;
  readonly processes: readonly BackgroundProcess[];
}

/** Reads a background set (parsed JSON); every problem is reported with its path. */
export function parseBackgroundSet(doc: unknown, document = 'background set'): BackgroundSet {
  const r = new Reader();
  const o = r.obj(doc, '$');
  if (!o) throw new FootprintDocumentError(document, r.issues);
  if (o.format !== BACKGROUND_FORMAT) r.fail('$.format', `应为 expected "${BACKGROUND_FORMAT}"`);
  const head = (k: string) => r.str(o, k, '$');
  const [id, version, name, region, gwp, licence] = [
    'id',
    'version',
    'name',
    'region',
    'gwp',
    'licence',
  ].map(head);
  const processes = r.list(o, 'processes', '$', (p, path): BackgroundProcess | undefined => {
    const pid = r.str(p, 'id', path);
    const pname = r.str(p, 'name', path);
    const category = r.oneOf(p, 'category', path, BACKGROUND_CATEGORIES);
    const unit = r.str(p, 'unit', path);
    const footprint = unit ? r.qty(p, 'footprint', path, `tCO2e/${unit}`) : undefined;
    const source = r.str(p, 'source', path);
    const proxy = r.str(p, 'proxy', path, true);
    const derivation = r.str(p, 'derivation', path, true);
    if (!pid || !pname || !category || !unit || !footprint || !source) return undefined;
    return {
      id: pid,
      name: pname,
      category,
      unit,
      footprint,
      source,
      ...(proxy ? { proxy } : {}),
      ...(derivation ? { derivation } : {}),
    };
  });
  const ids = new Set<string>();
  processes.forEach((p, i) => {
    if (ids.has(p.id)) r.fail(`$.processes[${i}].id`, `重复 duplicate id ${p.id}`);
    ids.add(p.id);
  });
  if (r.issues.length || !id || !version || !name || !region || !gwp || !licence)
    throw new FootprintDocumentError(document, r.issues);
  return { format: BACKGROUND_FORMAT, id, version, name, region, gwp, licence, processes };
}
