import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FactorBase } from '@carbonbase/factors';
import { bundledFactorSetsDir, loadFactorSetTree } from '@carbonbase/io';
import { parseQuantity, valueIn } from '@carbonbase/quantity';
import { cbamFactor, estimateObligation } from '../src/obligation.js';
import { defaultSee } from '../src/defaults.js';
import { defaultRoutes, ROUTE_LEGEND } from '../src/routes.js';
import { parseInstallation } from '../src/parse.js';
import { specificEmbeddedEmissions } from '../src/see.js';
import { communicationData } from '../src/communication.js';

/**
 * The CBAM tests that load the bundled factor sets: the code and data/factor-sets/eu-cbam-defaults
 * agree on codes, parameters, regions and units, and the example runs as docs/methods/cbam.md says.
 */
const base = new FactorBase(await loadFactorSetTree(bundledFactorSetsDir()));
const file = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const EXAMPLE = 'examples/cbam/guangxi-cement-cbam.json';
const COMMUNICATION = 'examples/cbam/guangxi-cement-cbam.communication.json';

describe('China defaults from the bundled eu-cbam-defaults set', () => {
  it.each([
    // methods-verification.md §5: 2523 29 00 direct 1.35 × 1.1 = 1.485, indirect 0.07 × 1.1 = 0.077
    ['2523 29 00', undefined, 'direct', 1.485],
    ['2523 29 00', undefined, 'indirect', 0.077],
    // clinker route (A) 1.35 / 0.04 → 1.485 / 0.044; route (B) 1.24 / 0.06 → 1.364 / 0.066
    ['2523 10 00', 'A', 'direct', 1.485],
    ['2523 10 00', 'A', 'indirect', 0.044],
    ['2523 10 00', 'B', 'direct', 1.364],
    ['2523 10 00', 'B', 'indirect', 0.066],
    // 2523 30 00 aluminous 1.98 → 2.178
    ['2523 30 00', undefined, 'direct', 2.178],
  ] as const)('%s route %s %s in 2026 → %f', (good, route, component, expected) => {
    const d = defaultSee(base, { good, route, component, country: 'CN', year: 2026 });
    expect(valueIn(d.value, 'tCO2e/t')).toBeCloseTo(expected, 12);
    expect(d.label).toBe('default (+10 % mark-up 2026)');
    expect(d.markUp.ref).toBe('eu-cbam-defaults/markup.cement.2026@2025.2');
  });

  it('2523 29 00 direct in 2028 and after: 1.35 × 1.3 = 1.755', () => {
    expect(
      valueIn(
        defaultSee(base, { good: '2523 29 00', component: 'direct', country: 'CN', year: 2030 })
          .value,
        'tCO2e/t',
      ),
    ).toBeCloseTo(1.755, 12);
  });

  it('clinker without a route names both routes with their meaning and refuses to choose', () => {
    const call = () =>
      defaultSee(base, { good: '2523 10 00', component: 'direct', country: 'CN', year: 2026 });
    expect(call).toThrow(/depends on the production route: choose one \(route \/ --route A\|B\)/);
    expect(call).toThrow(
      /\(A\) 灰色熟料\/水泥 grey clinker \/ cement.*\(B\) 白色熟料\/水泥 white clinker/,
    );
  });

  it('every route row of the set names the meaning the route legend gives its letter', () => {
    // The vendor's see-total row (2523 90 00) states no route: it is not a route row of the legend.
    const rows = base
      .all()
      .filter(
        (r) =>
          r.set === 'eu-cbam-defaults' &&
          /\.route-[ab]$/.test(r.code) &&
          r.parameter !== 'see-total',
      );
    expect(rows.length).toBe(10);
    for (const r of rows) {
      const letter = r.code.endsWith('a') ? 'A' : 'B';
      expect(r.nameEn, r.id).toContain(`route (${letter}): ${ROUTE_LEGEND[letter].nameEn}`);
      expect(r.name, r.id).toContain(`路线(${letter})：${ROUTE_LEGEND[letter].name}`);
      expect(r.notes, r.id).toContain('IR (EU) 2025/2620 Annex point 5.3');
    }
    expect(defaultRoutes(base, '2523 10 00')).toEqual(['A', 'B']);
    expect(defaultRoutes(base, '2507 00 80')).toEqual(['A']);
    expect(defaultRoutes(base, '2523 29 00')).toEqual([]);
  });

  it('a route on a good whose default has no routes is refused with the reason', () => {
    expect(() =>
      defaultSee(base, {
        good: '2523 29 00',
        route: 'A',
        component: 'direct',
        country: 'CN',
        year: 2026,
      }),
    ).toThrow(/does not depend on the production route: leave the route out/);
  });

  it('the CBAM factor schedule: 2026 97.5 %, 2030 51.5 %, 2034 0 %', () => {
    expect(valueIn(cbamFactor(base, 2026).value, '%')).toBe(97.5);
    expect(valueIn(cbamFactor(base, 2030).value, '%')).toBe(51.5);
    expect(valueIn(cbamFactor(base, 2034).value, '%')).toBe(0);
  });
});

describe(EXAMPLE, () => {
  const inst = parseInstallation(JSON.parse(readFileSync(file(EXAMPLE), 'utf8')), EXAMPLE);
  const r = specificEmbeddedEmissions(inst, base, { year: 2026 });
  const [clinker, cement] = r.goods;
  const see = (x: { value: { value: number; unit: string } }) => valueIn(x.value, 'tCO2e/t');

  it('clinker: the figures worked through in docs/methods/cbam.md', () => {
    // EF_cli = 0.645 × 0.785 + 0.0184 × 1.092 = 0.506325 + 0.0200928 = 0.5264178 tCO2/t
    expect(valueIn(clinker!.clinkerFactor!, 'tCO2/t')).toBeCloseTo(0.5264178, 12);
    // E_calc = 2 900 000 × 0.5264178 = 1 526 611.62 t
    expect(clinker!.direct.sources![0]!.emissions.value).toBeCloseTo(1526611.62, 4);
    // grid 107 800 × 0.5306 = 57 198.68 t; waste heat 0; SEE_indirect = 57 198.68 / 2 900 000
    expect(valueIn(clinker!.indirect.attributed!, 'tCO2e')).toBeCloseTo(57198.68, 6);
    expect(see(clinker!.indirect)).toBeCloseTo(57198.68 / 2900000, 12);
    expect(clinker!.direct.label).toBe('actual');
  });

  it('cement: (AttrEm + own clinker × SEE_cli + purchased × SEE_p) / AL', () => {
    const cliDir = see(clinker!.direct);
    // direct: 350 × 3.096 = 1 083.6 t; + 2 220 000 × SEE_cli + 60 000 × 0.86; / 2 400 000
    expect(see(cement!.direct)).toBeCloseTo(
      (1083.6 + 2220000 * cliDir + 60000 * 0.86) / 2400000,
      12,
    );
    // indirect: 91 200 × 0.5306 = 48 390.72 t; + 2 220 000 × SEE_cli,ind + 60 000 × 0.044 (route (A) default, 2026)
    expect(see(cement!.indirect)).toBeCloseTo(
      (48390.72 + 2220000 * see(clinker!.indirect) + 60000 * 0.044) / 2400000,
      12,
    );
    expect(cement!.indirect.label).toMatch(/default \(\+10 % mark-up 2026\)/);
    expect(cement!.direct.label).toBe('actual');
  });

  it('obligation estimate for 10 000 t of the CEM I at a price given as input', () => {
    // 10 000 t × 0.8372857 tCO2e/t = 8 372.857 certificates (no benchmark bundled: no adjustment);
    // at 75.36 EUR/tCO2e (2026-Q1 price, methods-verification.md §5, used here as an input) = 630 978.4 EUR
    const o = estimateObligation(base, {
      mass: parseQuantity('10000 t'),
      see: cement!.total,
      year: 2026,
      price: parseQuantity('75.36 EUR/tCO2e'),
    });
    expect(valueIn(o.certificates, 'tCO2e')).toBeCloseTo(8372.857, 2);
    expect(valueIn(o.cost, 'EUR')).toBeCloseTo(630978.4, 0);
    expect(o.cbamFactor.ref).toBe('eu-cbam-defaults/cbam-factor.2026@2025.2');
  });

  it(`matches ${COMMUNICATION} (CBAM_UPDATE_EXAMPLE=1 rewrites it)`, () => {
    const text = `${JSON.stringify(communicationData(inst, r, { issued: '2026-11-24' }), null, 2)}\n`;
    if (process.env.CBAM_UPDATE_EXAMPLE === '1') writeFileSync(file(COMMUNICATION), text);
    expect(readFileSync(file(COMMUNICATION), 'utf8')).toBe(text);
  });
});
