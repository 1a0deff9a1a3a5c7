import type { Verification } from '@carbonbase/factors';
import type { FactorLookup } from './factor-input.js';
import type { CnCode } from './goods.js';

/**
 * The production-route letters the cement sector's default-value rows carry. Classification, like
 * the CN codes in goods.ts: which letters exist and what the regulation calls them. Which letters a
 * good has, and the values, come from the factor base (eu-cbam-defaults rows `<cn>.route-<x>`).
 *
 * Source: the legend of IR (EU) 2025/2620 Annex point 5.3 ("Where more than one benchmark value is
 * given for a specific CN code, the meaning of the indicators is as follows: (A) grey clinker /
 * cement, (B) white clinker / cement …"); point 5.2.1 defines white cement clinker by its Fe2O3,
 * Cr2O3 and Mn2O3 contents and grey clinker as any other. Read in secondary transcriptions of the
 * OJ text, not in the OJ itself, hence the mark `secondary` (docs/methods/cbam.md §3).
 */
export const ROUTE_LEGEND = {
  A: { name: '灰色熟料/水泥', nameEn: 'grey clinker / cement' },
  B: { name: '白色熟料/水泥', nameEn: 'white clinker / cement' },
} as const;

export type RouteCode = keyof typeof ROUTE_LEGEND;

/** How far the meaning of the letters is confirmed: secondary transcriptions of the OJ text. */
export const ROUTE_LEGEND_VERIFICATION: Verification = 'secondary';

export const ROUTE_LEGEND_SOURCE =
  'IR (EU) 2025/2620 Annex point 5.3 legend (secondary transcriptions, V-sec)';

export function isRouteCode(code: string): code is RouteCode {
  return Object.hasOwn(ROUTE_LEGEND, code);
}

/** `(A) 灰色熟料/水泥 grey clinker / cement — IR (EU) 2025/2620 … (V-sec)`, for labels and notes. */
export function routeMeaning(route: string): string {
  if (!isRouteCode(route)) return `(${route}) — not in the route legend`;
  const m = ROUTE_LEGEND[route];
  return `(${route}) ${m.name} ${m.nameEn} — ${ROUTE_LEGEND_SOURCE}`;
}

/**
 * The route letters the factor base has default rows for, for one good (any country): `['A', 'B']`
 * for clinker in the bundled set, `[]` for a good whose default does not depend on the route.
 */
export function defaultRoutes(base: FactorLookup, cn: CnCode): string[] {
  const prefix = `${cn.replace(/ /g, '-')}.route-`;
  const routes = base
    .all()
    .filter((r) => r.kind === 'cbam' && r.code.startsWith(prefix))
    .map((r) => r.code.slice(prefix.length).toUpperCase());
  return [...new Set(routes)].sort();
}
