import { multiply, quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import { fmt, Trace, type Explanation } from './explain.js';
import { CbamError, inUnit, type FactorLookup } from './factor-input.js';
import { CEMENT_SECTOR, defaultValueCode, type CnCode } from './goods.js';
import { defaultRoutes, routeMeaning } from './routes.js';

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

/** What to tell a user whose default lookup failed for want of the right route. */
function routeHint(base: FactorLookup, good: CnCode, route: string | undefined): string {
  const routes = defaultRoutes(base, good);
  if (!routes.length)
    return route === undefined
      ? ''
      : `. 该货物缺省值不分路线 the default of ${good} does not depend on the production route: leave the route out`;
  const listed = routes.map(routeMeaning).join('; ');
  return route === undefined
    ? `. 该货物的缺省值按生产路线区分，请选择路线 the default of ${good} depends on the production route: choose one (route / --route ${routes.join('|')}) or give actual data — ${listed}`
    : `. 可选路线 routes with default rows for ${good}: ${listed}`;
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

/**
 * The default specific embedded emissions of a good from a country in `year`, with the mark-up:
 * SEE_default = SEE_base × (1 + mark-up). Where the factor base has rows per production route
 * for a good ((A) grey, (B) white clinker/cement), the route must be named: the route is a fact
 * about the plant that only the operator knows, so carbonbase never picks one.
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
    throw new CbamError(
      `default ${good}`,
      `no default ${component} value for ${good}${route ? ` route (${route})` : ''} from ${country}: ${(e as Error).message}${routeHint(base, good, route)}`,
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
  if (route !== undefined) t.note(`route chosen by the operator: ${routeMeaning(route)}`);
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
