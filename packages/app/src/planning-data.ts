import { readFile } from 'node:fs/promises';
import {
  parseMeasureLibrary,
  parsePriceTable,
  parseSiteAssumptions,
  type MeasureLibrary,
  type PriceTable,
  type SiteAssumptions,
} from '@carbonbase/analysis';

/** The data the planning use-cases read: measure libraries, default prices, site assumptions. */
export interface PlanningData {
  readonly libraries: readonly MeasureLibrary[];
  readonly prices: PriceTable;
  readonly assumptions: SiteAssumptions;
}

/** The files, all in data/measures at the repository root. */
export const MEASURE_LIBRARY_FILES = ['cement.json', 'general.json'] as const;

/** `data/measures` at the repository root (src and dist are both three levels below it). */
export function measuresDir(): URL {
  return new URL('../../../data/measures/', import.meta.url);
}

async function readJson(name: string): Promise<unknown> {
  return JSON.parse(await readFile(new URL(name, measuresDir()), 'utf8')) as unknown;
}

let cached: Promise<PlanningData> | undefined;

/**
 * Reads and checks the planning data once per process; a file with a mistake fails every
 * planning call with the file, field and reason (DataFileError), and is read again next time.
 */
export function planningData(): Promise<PlanningData> {
  cached ??= (async () => {
    const libraries = await Promise.all(
      MEASURE_LIBRARY_FILES.map(async (f) =>
        parseMeasureLibrary(await readJson(f), `data/measures/${f}`),
      ),
    );
    return {
      libraries,
      prices: parsePriceTable(await readJson('prices.json'), 'data/measures/prices.json'),
      assumptions: parseSiteAssumptions(
        await readJson('site-assumptions.json'),
        'data/measures/site-assumptions.json',
      ),
    };
  })();
  cached.catch(() => (cached = undefined));
  return cached;
}
