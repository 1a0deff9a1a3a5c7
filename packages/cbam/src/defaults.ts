import { multiply, quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import { fmt, Trace, type Explanation } from './explain.js';
import { CbamError, inUnit, type FactorLookup } from './factor-input.js';
import { CEMENT_SECTOR, defaultValueCode, type CnCode } from './goods.js';

export type Component = 'direct' | 'indirect';

export interface MarkUp {
  /** The mark-up as a share, e.g. 10 %. */
  readonly value: Quantity;
  /** The data year of the record used (2028 serves every later year). */
  readonly year: number;
  readonly ref: string;
}

/**
 * The default-value mark-up for the goods' sector in `year`: the latest mark-up whose year is
 * not after it (the 2028 value applies from 2028 on). Before the definitive period there is none.
 */
export function markUp(base: FactorLookup, year: number, sector = CEMENT_SECTOR): MarkUp {
  let r;
  try {
    r = base.resolve({ code: sector, parameter: 'markup', kind: 'cbam', region: 'EU', year });
  } catch (e) {
    throw new CbamError(
      'year',
      `no CBAM default-value mark-up for ${sector} in ${year} (the definitive period starts in 2026): ${(e as Error).message}`,
    );
  }
  return {
    value: inUnit(r.record.value, '%', r.ref),
    year: r.record.year ?? year,
    ref: r.ref,
  };
}

/** The label every default carries: `default (+10 % mark-up 2026)`. */
export function defaultLabel(m: MarkUp, year: number): string {
  return `default (+${Number(m.value.value.toPrecision(6))} % mark-up ${year})`;
}

export interface DefaultSee {
  readonly good: CnCode;
  readonly component: Component;
  readonly country: string;
  readonly route?: string;
  readonly year: number;
  /** The published value before mark-up. */
  readonly base: Quantity;
  /** `id@version` of the default-value row. */
  readonly ref: string;
  readonly markUp: MarkUp;
  /** base × (1 + mark-up), tCO2e/t. */
  readonly value: Quantity;
  readonly label: string;
  readonly explanation: Explanation;
}

/** The default rows that exist for a good: lets an error say which routes to choose from. */
function routesOf(base: FactorLookup, cn: CnCode): string[] {
  const stem = cn.replace(/ /g, '-');
  const codes = base
    .all()
    .filter((r) => r.kind === 'cbam' && r.code.startsWith(`${stem}.`))
    .map((r) => r.code);
  return [...new Set(codes)].sort();
}

/**
 * The default specific embedded emissions of a good from a country in `year`, with the mark-up:
 * SEE_default = SEE_base × (1 + mark-up). Where the factor base has routes (A)/(B) for a code,
 * the route must be named: their meaning is not verified, so carbonbase never picks one.
 */
export function defaultSee(
  base: FactorLookup,
  args: {
    readonly good: CnCode;
    readonly component: Component;
    readonly country: string;
    readonly route?: string | undefined;
    readonly year: number;
  },
): DefaultSee {
  const { good, component, country, route, year } = args;
  const code = defaultValueCode(good, route);
  const parameter = `see-${component}`;
  let r;
  try {
    r = base.resolve({ code, parameter, kind: 'cbam', region: country });
  } catch (e) {
    const routes = routesOf(base, good);
    const hint =
      route === undefined && routes.length
        ? `; this good has rows ${routes.join(', ')}: name the route (the meaning of routes (A)/(B) is not verified — check IR (EU) 2025/2621 Annex IV)`
        : '';
    throw new CbamError(
      `default ${good}`,
      `no default ${component} value for ${good}${route ? ` route (${route})` : ''} from ${country}: ${(e as Error).message}${hint}`,
    );
  }
  if (r.record.region !== country)
    throw new CbamError(
      `default ${good}`,
      `no ${country} default for ${good}; the base only has ${r.record.region} (${r.ref}) — defaults are per country of origin`,
    );
  const m = markUp(base, year);
  const t = new Trace();
  const see = t.input({
    symbol: 'SEE_base',
    name: `default ${component} SEE of ${good}${route ? ` route (${route})` : ''}, ${country}`,
    value: inUnit(r.record.value, 'tCO2e/t', r.ref),
    origin: 'default',
    ref: r.ref,
    verification: r.record.verification,
  });
  const mu = t.input({
    symbol: 'MU',
    name: `mark-up for ${year}${m.year !== year ? ` (the ${m.year} value, applying from ${m.year} on)` : ''}`,
    value: m.value,
    origin: 'default',
    ref: m.ref,
  });
  const factor = quantity(1 + valueIn(mu, '1'), '1');
  const value = t.step(
    'SEE_default',
    'default with mark-up',
    `${fmt(see)} × (1 + ${fmt(mu)})`,
    inUnit(multiply(see, factor), 'tCO2e/t', 'SEE_default'),
  );
  if (route !== undefined)
    t.note(
      `route (${route}) chosen by the operator; what routes (A)/(B) mean is not verified (IR (EU) 2025/2621 Annex IV)`,
    );
  const label = defaultLabel(m, year);
  return {
    good,
    component,
    country,
    ...(route !== undefined ? { route } : {}),
    year,
    base: see,
    ref: r.ref,
    markUp: m,
    value,
    label,
    explanation: t.finish(
      `${good} ${component} ${label}`,
      'SEE_default = SEE_base × (1 + MU)',
      value,
    ),
  };
}
