import { quantity, type Quantity } from '@carbonbase/quantity';
import type { ActivityParameters, RoleScope } from '@carbonbase/store';

/**
 * The demo district: an invented district of a real Guangxi city, two industrial parks and a
 * dozen invented enterprises with 24 months of activity data (2024-01 … 2025-12). Every figure
 * is generated here from a stated basis (comments) with seasonal profiles and a fixed-seed
 * variation, so the demo is the same on every machine. Names carry 演示 (demo) so that no real
 * company is implied.
 */

/** 广西壮族自治区 → 来宾市 (real, GB/T 2260 code 451300) → an invented district. */
export const DEMO_REGIONS = [
  {
    key: 'province',
    code: 'CN-GX',
    name: '广西壮族自治区',
    nameEn: 'Guangxi Zhuang Autonomous Region',
  },
  { key: 'city', code: '451300', name: '来宾市', nameEn: 'Laibin', parent: 'province' },
  {
    key: 'district',
    // invented: no such district exists; the code is marked DEMO so it cannot be mistaken for GB/T 2260
    code: '451300-DEMO',
    name: '演示新区（虚构）',
    nameEn: 'Demo New District (invented)',
    parent: 'city',
  },
] as const;

export type ParkKey = 'building-materials' | 'high-tech';

export const DEMO_PARKS: readonly { key: ParkKey; code: string; name: string; nameEn: string }[] = [
  {
    key: 'building-materials',
    code: 'DEMO-PARK-BM',
    name: '演示建材产业园',
    nameEn: 'Demo Building-Materials Industrial Park',
  },
  {
    key: 'high-tech',
    code: 'DEMO-PARK-HT',
    name: '演示高新技术产业园',
    nameEn: 'Demo High-Tech and Manufacturing Park',
  },
];

export const DEMO_YEARS = [2024, 2025] as const;

export interface DemoSource {
  readonly code: string;
  readonly name: string;
  /** The inventory line kind (docs/formats/inventory.md). */
  readonly kind: string;
  readonly facility?: string;
  readonly material?: string;
}

/** One month's figure of one source, with the parameters the inventory line carries. */
export interface DemoCell {
  readonly source: string;
  readonly amount: Quantity;
  readonly parameters: ActivityParameters;
}

/** One month's (or year's) air pollutant of an enterprise, with where the figure comes from. */
export interface DemoPollutant {
  readonly pollutant: 'SO2' | 'NOx' | 'PM';
  readonly amount: Quantity;
  readonly source: 'cems' | 'permit-report' | 'estimate';
}

export interface DemoEnterprise {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly park?: ParkKey;
  readonly industry: string;
  readonly methodSet: 'cn-cement-cets-2024' | 'cn-gbt32150-2015';
  readonly facilities: readonly { code: string; name: string }[];
  readonly sources: readonly DemoSource[];
  /** The month's figures; `r` draws this enterprise's next variation (call order matters). */
  month(year: number, month: number, r: () => number): DemoCell[];
  /** The month's air pollutants, derived from its activity figures (no draw of its own). */
  pollutants(year: number, cells: readonly DemoCell[]): DemoPollutant[];
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const round = (x: number, decimals: number) => Number(x.toFixed(decimals));
/** 1 ± pct, uniformly. */
const vary = (r: () => number, pct: number) => 1 + (r() * 2 - 1) * pct;
const cell = (
  source: string,
  value: number,
  unit: string,
  parameters: ActivityParameters = {},
): DemoCell => ({ source, amount: quantity(value, unit), parameters });

/**
 * Seasonal profiles (share of full output by month). Cement in Guangxi: the Spring Festival and
 * the winter staggered-production stop (错峰生产) in February, the rainy season (Jun–Aug) slows
 * construction; autumn is the peak. Coal power: Guangxi is hydro-rich, so coal units run least in
 * the wet season (May–Sep). Other industry runs flat except the Spring Festival; electronics
 * draws more electricity for cooling in summer.
 */
const CEMENT = [0.93, 0.62, 0.9, 0.97, 0.98, 0.88, 0.84, 0.86, 0.96, 1, 1, 0.95];
const COAL_POWER_LOAD = [0.7, 0.56, 0.62, 0.6, 0.5, 0.45, 0.47, 0.52, 0.55, 0.62, 0.68, 0.74];
const INDUSTRY = [0.95, 0.76, 1, 1, 1, 0.98, 0.97, 0.98, 1, 1, 1, 0.98];
const COOLING = [1, 1, 1, 1.03, 1.06, 1.1, 1.12, 1.12, 1.08, 1.03, 1, 1];
const season = (profile: readonly number[], month: number) => profile[month - 1]!;

/** Σ of the month's cells whose source code starts with `prefix`, in their unit. */
const total = (cells: readonly DemoCell[], prefix: string) =>
  cells.filter((c) => c.source.startsWith(prefix)).reduce((s, c) => s + c.amount.value, 0);

/** Pollutant amounts given in kg, stored in t to the gram. */
const air = (
  source: DemoPollutant['source'],
  kg: Readonly<Partial<Record<DemoPollutant['pollutant'], number>>>,
): DemoPollutant[] =>
  (['SO2', 'NOx', 'PM'] as const).flatMap((p) =>
    kg[p] === undefined
      ? []
      : [{ pollutant: p, amount: quantity(round(kg[p] / 1000, 3), 't'), source }],
  );

/**
 * Natural-gas combustion, kg per 万Nm3 (estimates, as a permit application would use them):
 * SO2 = 0.02 × total sulphur 50 mg/m3 (GB 17820-2018 class 2 allows 100) = 1; NOx 15 with
 * low-NOx burners; PM 1 (assumptions).
 */
const GAS_AIR = { SO2: 1, NOx: 15, PM: 1 } as const;
const gasAir = (cells: readonly DemoCell[]) => {
  const gas = total(cells, 'natural-gas');
  return { SO2: gas * GAS_AIR.SO2, NOx: gas * GAS_AIR.NOx, PM: gas * GAS_AIR.PM };
};

interface KilnLine {
  readonly facility: string;
  /** Design capacity, t clinker per day. */
  readonly tpd: number;
  /** Kiln heat, GJ per t clinker: a modern NSP kiln needs about 2.9 GJ/t (≈ 100 kgce/t). */
  readonly heat: number;
  /** Measured coal NCV band (GB/T 213 monthly weighted mean), GJ/t. */
  readonly ncv: readonly [number, number];
  /** Co-processed RDF per month at full output, t (line 1 of plant A only). */
  readonly rdf?: number;
  /** Carbide slag replacing limestone, t per t clinker (plant B only). */
  readonly carbideSlag?: number;
  /** Waste-heat power generation, kWh per t clinker (30–40 for a modern line). */
  readonly whr: number;
}

/**
 * A clinker and cement plant (CETS-AG-02.01-V01-2024). Basis per month and line:
 *   clinker  = t/d × days × season × 0.93 run factor (a 5000 t/d kiln ≈ 150 kt in a full month)
 *   coal     = (clinker × kiln heat − RDF heat) / measured NCV → 0.11–0.13 t coal per t clinker
 *              at 22–23 GJ/t
 *   electricity: kiln line 55 kWh/t clinker and auxiliaries 4 kWh/t clinker, purchased =
 *              that − waste-heat power (on-site generation, a memo item); cement grinding
 *              32 kWh/t cement with cement = 1.3 × clinker (clinker factor ≈ 0.77), metered
 *              apart and outside the clinker-production boundary
 *   diesel   : quarry and site vehicles, outside the clinker-production boundary
 * `typo` puts a wrong figure in one month: the deliberate data problem of the demo.
 */
function cementPlant(spec: {
  code: string;
  name: string;
  nameEn: string;
  lines: readonly KilnLine[];
  /** Demand trend: 2025 output relative to 2024. */
  trend2025: number;
  /** Vehicle diesel per month at full output, t. */
  diesel: number;
  typo?: { year: number; month: number; facility: string; ncv: number };
  /**
   * Kiln stack (CEMS), kg per t clinker: NOx by year (SNCR lines run 0.3–1 kg/t at the
   * 100–400 mg/Nm3 limits of GB 4915 and its ultra-low revisions, ≈ 2 300 Nm3 flue gas per t),
   * SO2 and particulates (kiln, coolers and mills behind bag filters).
   */
  air: { nox: { 2024: number; 2025: number }; so2: number; pm: number };
}): DemoEnterprise {
  const sources: DemoSource[] = [];
  for (const l of spec.lines) {
    const n = l.facility.slice(-1);
    sources.push(
      {
        code: `clinker-${l.facility}`,
        name: `${n}号线熟料产量 clinker output, line ${n}`,
        kind: 'clinker',
        facility: l.facility,
      },
      {
        code: `coal-${l.facility}`,
        name: `${n}号线窑用烟煤 kiln coal, line ${n}`,
        kind: 'fuel-combustion',
        facility: l.facility,
        material: 'bituminous-coal',
      },
      {
        code: `whr-${l.facility}`,
        name: `${n}号线余热发电 waste-heat power, line ${n}`,
        kind: 'electricity-generated',
        facility: l.facility,
      },
    );
    if (l.rdf)
      sources.push({
        code: `rdf-${l.facility}`,
        name: `${n}号线协同处置垃圾衍生燃料 co-processed RDF, line ${n}`,
        kind: 'alternative-fuel',
        facility: l.facility,
        material: 'RDF',
      });
    if (l.carbideSlag)
      sources.push({
        code: `carbide-slag-${l.facility}`,
        name: `${n}号线电石渣配料 carbide slag in the raw meal, line ${n}`,
        kind: 'non-carbonate-raw-material',
        facility: l.facility,
        material: 'carbide-slag',
      });
  }
  sources.push(
    {
      code: 'power',
      name: '熟料线及辅助外购电力 purchased electricity, kiln lines and auxiliaries',
      kind: 'electricity-purchased',
    },
    {
      code: 'power-grinding',
      name: '水泥粉磨外购电力 purchased electricity, cement grinding',
      kind: 'electricity-purchased',
    },
    {
      code: 'diesel-vehicles',
      name: '矿山及厂内车辆柴油 quarry and site vehicles, diesel',
      kind: 'fuel-combustion',
      material: 'diesel',
    },
  );
  return {
    code: spec.code,
    name: spec.name,
    nameEn: spec.nameEn,
    park: 'building-materials',
    industry: '水泥熟料生产 cement clinker production (C3011)',
    methodSet: 'cn-cement-cets-2024',
    facilities: spec.lines.map((l) => ({
      code: l.facility,
      name: `${l.facility.slice(-1)}号熟料线 ${l.tpd} t/d kiln line ${l.facility.slice(-1)}`,
    })),
    sources,
    pollutants(year, cells) {
      const clinker = total(cells, 'clinker-');
      const nox = year === 2025 ? spec.air.nox[2025] : spec.air.nox[2024];
      return air('cems', {
        SO2: clinker * spec.air.so2,
        NOx: clinker * nox,
        PM: clinker * spec.air.pm,
      });
    },
    month(year, month, r) {
      const out: DemoCell[] = [];
      const trend = year === 2025 ? spec.trend2025 : 1;
      let clinkerTotal = 0;
      let whrTotal = 0;
      for (const l of spec.lines) {
        const clinker = round(
          l.tpd * daysIn(year, month) * season(CEMENT, month) * 0.93 * trend * vary(r, 0.03),
          0,
        );
        clinkerTotal += clinker;
        const rdf = l.rdf ? round(l.rdf * season(CEMENT, month) * vary(r, 0.1), 1) : 0;
        const rdfNcv = round(13 + r(), 2);
        let ncv = round(l.ncv[0] + r() * (l.ncv[1] - l.ncv[0]), 2);
        const coal = round((clinker * l.heat * vary(r, 0.015) - rdf * rdfNcv) / ncv, 1);
        const typo = spec.typo;
        // the clerk typed 12.6 for 21.6: the amount is right, the NCV is not
        if (typo && typo.year === year && typo.month === month && typo.facility === l.facility)
          ncv = typo.ncv;
        const whr = round((clinker * l.whr * vary(r, 0.04)) / 1000, 1);
        whrTotal += whr;
        out.push(
          cell(`clinker-${l.facility}`, clinker, 't', {
            clinkerType: 'portland',
            // laboratory CaO of the clinker (GB/T 176); not used by CETS, checked for range
            cao: `${round(64.8 + r() * 1.2, 2)} %`,
          }),
          cell(`coal-${l.facility}`, coal, 't', { fuel: 'bituminous-coal', ncv: `${ncv} GJ/t` }),
          cell(`whr-${l.facility}`, whr, 'MWh', { source: 'waste-heat' }),
        );
        if (l.rdf)
          out.push(
            // carbon content and biomass share as in examples/guangxi-cement-plant.yaml (plant data, invented)
            cell(`rdf-${l.facility}`, rdf, 't', {
              fuel: '生活垃圾衍生燃料 RDF',
              ncv: `${rdfNcv} GJ/t`,
              carbonContent: '0.0245 tC/GJ',
              oxidation: '98 %',
              biomassFraction: '55 %',
            }),
          );
        if (l.carbideSlag)
          out.push(
            cell(
              `carbide-slag-${l.facility}`,
              round(clinker * l.carbideSlag * vary(r, 0.05), 1),
              't',
              { material: 'carbide-slag' },
            ),
          );
      }
      // Metered apart so that GB 16780's clinker electricity can be told from cement grinding:
      // the mill sits outside the clinker-production boundary. One draw for both keeps the
      // site's figure as it was before the split.
      const v = vary(r, 0.02);
      out.push(
        cell('power', round((clinkerTotal * (55 + 4) * v) / 1000 - whrTotal, 1), 'MWh'),
        cell('power-grinding', round((clinkerTotal * 1.3 * 32 * v) / 1000, 1), 'MWh', {
          inClinkerBoundary: false,
        }),
        cell(
          'diesel-vehicles',
          round(spec.diesel * season(CEMENT, month) * trend * vary(r, 0.08), 2),
          't',
          { fuel: 'diesel', inClinkerBoundary: false },
        ),
      );
      return out;
    },
  };
}

/** A GB/T 32150 source: a plain stream whose monthly figure follows a profile. */
interface Stream {
  readonly source: DemoSource;
  /** Figure at full output in a 30-day month (before the season and trend). */
  readonly base: number;
  readonly unit: string;
  readonly profile: readonly number[];
  readonly spread: number;
  readonly decimals: number;
  readonly parameters?: ActivityParameters;
}

/** An enterprise whose sources are independent streams (general industry, GB/T 32150-2015). */
function generalPlant(spec: {
  code: string;
  name: string;
  nameEn: string;
  park?: ParkKey;
  industry: string;
  trend2025: number;
  streams: readonly Stream[];
  /** Air pollutants of the month, kg, and their data source; natural gas only by default. */
  air?: (cells: readonly DemoCell[]) => {
    source: DemoPollutant['source'];
    kg: Partial<Record<DemoPollutant['pollutant'], number>>;
  };
}): DemoEnterprise {
  return {
    code: spec.code,
    name: spec.name,
    nameEn: spec.nameEn,
    ...(spec.park && { park: spec.park }),
    industry: spec.industry,
    methodSet: 'cn-gbt32150-2015',
    facilities: [],
    sources: spec.streams.map((s) => s.source),
    pollutants(_year, cells) {
      const a = spec.air?.(cells) ?? { source: 'estimate' as const, kg: gasAir(cells) };
      return air(a.source, a.kg);
    },
    month(year, month, r) {
      const days = daysIn(year, month) / 30;
      const trend = year === 2025 ? spec.trend2025 : 1;
      return spec.streams.map((s) =>
        cell(
          s.source.code,
          round(s.base * days * season(s.profile, month) * trend * vary(r, s.spread), s.decimals),
          s.unit,
          s.parameters,
        ),
      );
    },
  };
}

const electricity = (base: number, profile = INDUSTRY): Stream => ({
  source: { code: 'power', name: '外购电力 purchased electricity', kind: 'electricity-purchased' },
  base,
  unit: 'MWh',
  profile,
  spread: 0.03,
  decimals: 1,
});
const naturalGas = (base: number, use: string): Stream => ({
  source: {
    code: 'natural-gas',
    name: `天然气 natural gas (${use})`,
    kind: 'fuel-combustion',
    material: 'natural-gas',
  },
  base,
  unit: '万Nm3',
  profile: INDUSTRY,
  spread: 0.05,
  decimals: 2,
  parameters: { fuel: 'natural-gas' },
});
const diesel = (base: number, use: string): Stream => ({
  source: {
    code: 'diesel',
    name: `柴油 diesel (${use})`,
    kind: 'fuel-combustion',
    material: 'diesel',
  },
  base,
  unit: 't',
  profile: INDUSTRY,
  spread: 0.1,
  decimals: 2,
  parameters: { fuel: 'diesel' },
});

/**
 * A coal power plant of two 350 MW units (GB/T 32150-2015). Basis per unit and month:
 *   generation = 350 MW × hours × load (hydro-driven profile)
 *   coal       = generation × 9.25 GJ/MWh (net heat rate ≈ 315 gce/kWh × 29.3076 GJ/tce)
 *                / measured NCV 20.5–21.5 GJ/t
 *   FGD limestone = 2.9 % of the coal (0.8 % S coal, Ca/S 1.03, 90 % CaCO3 — assumptions)
 * The electricity it sells is its product, not an export to deduct, so it is not a line. It sells
 * directly to the steel and chemical plants and steam to the auto-parts plant, which name it as
 * their supplier: the district's roll-up shows that supply both ways and counts it once.
 */
function coalPowerPlant(): DemoEnterprise {
  const units = ['u1', 'u2'];
  return {
    code: 'DEMO-PWR-01',
    name: '演示燃煤发电有限公司',
    nameEn: 'Demo Coal Power Co., Ltd.',
    industry: '火力发电 coal-fired power generation (D4411)',
    methodSet: 'cn-gbt32150-2015',
    facilities: units.map((u) => ({
      code: u,
      name: `${u.slice(1)}号机组 350 MW unit ${u.slice(1)}`,
    })),
    sources: [
      ...units.flatMap((u) => [
        {
          code: `coal-${u}`,
          name: `${u.slice(1)}号机组燃煤 coal, unit ${u.slice(1)}`,
          kind: 'fuel-combustion',
          facility: u,
          material: 'bituminous-coal',
        },
        {
          code: `fgd-${u}`,
          name: `${u.slice(1)}号机组脱硫石灰石 FGD limestone, unit ${u.slice(1)}`,
          kind: 'process-emission',
          facility: u,
          material: 'limestone',
        },
      ]),
      {
        code: 'ignition-oil',
        name: '点火及助燃柴油 ignition and support diesel',
        kind: 'fuel-combustion',
        material: 'diesel',
      },
    ],
    /**
     * Stack CEMS of ultra-low-emission units (35 / 50 / 10 mg/Nm3 SO2 / NOx / PM limits,
     * ≈ 3 000 Nm3 dry flue gas per MWh), running below them: 0.08 kg SO2, 0.13 kg NOx and
     * 0.015 kg PM per MWh generated; generation = coal × NCV / 9.25 GJ/MWh as above.
     */
    pollutants(_year, cells) {
      const mwh = cells
        .filter((c) => c.source.startsWith('coal-'))
        .reduce((s, c) => s + (c.amount.value * parseFloat(c.parameters.ncv as string)) / 9.25, 0);
      return air('cems', { SO2: mwh * 0.08, NOx: mwh * 0.13, PM: mwh * 0.015 });
    },
    month(year, month, r) {
      const hours = daysIn(year, month) * 24;
      const out: DemoCell[] = [];
      for (const u of units) {
        const generation = 350 * hours * season(COAL_POWER_LOAD, month) * vary(r, 0.06);
        const ncv = round(20.5 + r(), 2);
        const coal = round((generation * 9.25) / ncv, 0);
        out.push(
          cell(`coal-${u}`, coal, 't', { fuel: 'bituminous-coal', ncv: `${ncv} GJ/t` }),
          cell(`fgd-${u}`, round(coal * 0.029 * vary(r, 0.05), 1), 't', {
            process: '湿法脱硫石灰石分解 limestone in wet FGD (CaCO3 → CO2)',
            // 44.01/100.09 = 0.4397 tCO2/t CaCO3 (stoichiometry) × 90 % CaCO3 (assumption)
            factor: '0.3957 tCO2/t',
          }),
        );
      }
      out.push(
        cell('ignition-oil', round(40 * season(COAL_POWER_LOAD, month) * vary(r, 0.2), 2), 't', {
          fuel: 'diesel',
        }),
      );
      return out;
    },
  };
}

const processLine = (
  code: string,
  name: string,
  base: number,
  processName: string,
  factor: string,
  material: string,
): Stream => ({
  source: { code, name, kind: 'process-emission', material },
  base,
  unit: 't',
  profile: INDUSTRY,
  spread: 0.05,
  decimals: 1,
  parameters: { process: processName, factor },
});

const nonCo2 = (code: string, name: string, gas: string, base: number, spread: number): Stream => ({
  source: { code, name, kind: 'non-co2', material: gas },
  base,
  unit: 't',
  profile: INDUSTRY,
  spread,
  decimals: 3,
  parameters: { gas },
});

export const DEMO_ENTERPRISES: readonly DemoEnterprise[] = [
  cementPlant({
    code: 'DEMO-CEM-A',
    name: '演示红棉水泥有限公司',
    nameEn: 'Demo Hongmian Cement Co., Ltd.',
    lines: [
      { facility: 'line-1', tpd: 5000, heat: 2.85, ncv: [22, 23], rdf: 2400, whr: 35 },
      { facility: 'line-2', tpd: 4500, heat: 2.9, ncv: [22, 23], whr: 33 },
    ],
    trend2025: 0.97,
    diesel: 95,
    // SCR added to both kilns over the 2024/25 winter stop (超低排放改造, invented): NOx falls
    air: { nox: { 2024: 0.62, 2025: 0.38 }, so2: 0.12, pm: 0.05 },
  }),
  cementPlant({
    code: 'DEMO-CEM-B',
    name: '演示桂中建材水泥有限公司',
    nameEn: 'Demo Guizhong Building Materials Cement Co., Ltd.',
    lines: [
      { facility: 'line-1', tpd: 4000, heat: 2.95, ncv: [21.8, 22.8], carbideSlag: 0.035, whr: 32 },
    ],
    trend2025: 0.95,
    diesel: 60,
    air: { nox: { 2024: 0.8, 2025: 0.78 }, so2: 0.15, pm: 0.06 },
  }),
  cementPlant({
    code: 'DEMO-CEM-C',
    name: '演示石岭水泥有限公司',
    nameEn: 'Demo Shiling Cement Co., Ltd.',
    // an older 2500 t/d line: more heat per tonne, less waste-heat power
    lines: [{ facility: 'line-1', tpd: 2500, heat: 3.2, ncv: [21, 22], whr: 28 }],
    trend2025: 0.93,
    diesel: 40,
    // July 2025: NCV typed as 12.6 GJ/t for 21.6; the engine warns (ncv-far-from-default)
    typo: { year: 2025, month: 7, facility: 'line-1', ncv: 12.6 },
    // an older SNCR line, high-sulphur local limestone
    air: { nox: { 2024: 0.95, 2025: 0.95 }, so2: 0.25, pm: 0.08 },
  }),
  generalPlant({
    code: 'DEMO-RMC-01',
    name: '演示商品混凝土有限公司',
    nameEn: 'Demo Ready-Mix Concrete Co., Ltd.',
    park: 'building-materials',
    industry: '商品混凝土 ready-mixed concrete (C3021)',
    trend2025: 0.94,
    // 40 000 m3/month; ≈ 11 kWh/m3 batching; mixer trucks ≈ 1.7 kg diesel/m3 (assumptions)
    streams: [
      { ...electricity(450), profile: CEMENT },
      { ...diesel(70, '搅拌运输车 mixer trucks'), profile: CEMENT },
    ],
    // batching-plant dust behind bag filters ≈ 0.02 kg per m3 (assumption), m3 = MWh / 11 kWh
    air: (cells) => ({
      source: 'estimate',
      kg: { PM: ((total(cells, 'power') * 1000) / 11) * 0.02 },
    }),
  }),
  coalPowerPlant(),
  generalPlant({
    code: 'DEMO-STL-01',
    name: '演示特钢有限公司',
    nameEn: 'Demo Special Steel Co., Ltd.',
    park: 'high-tech',
    industry: '电炉炼钢及轧钢 electric-arc-furnace steel and rolling (C3120)',
    trend2025: 1.02,
    // 80 kt crude steel/month (≈ 1 Mt/a). EAF + ladle furnace ≈ 400 kWh/t, rolling ≈ 120 kWh/t;
    // reheating furnace ≈ 1.25 GJ/t on natural gas (389.31 GJ/万Nm3) → 257 万Nm3. Burnt lime is
    // bought in, so it brings no process CO2 here.
    // The coal power plant of the district sells to it directly (直供电): the supplier is named.
    streams: [
      { ...electricity(41_600), parameters: { supplier: 'DEMO-PWR-01' } },
      naturalGas(257, '加热炉 reheating furnace'),
      processLine(
        'electrodes',
        '石墨电极消耗 graphite electrode consumption',
        128, // 1.6 kg/t steel (assumption)
        '电炉石墨电极氧化 EAF graphite electrode oxidation',
        // electrodes taken as pure carbon: 44/12 = 3.667 (assumption)
        '3.667 tCO2/t',
        'graphite-electrode',
      ),
      processLine(
        'carburiser',
        '增碳剂 carburiser',
        480, // 6 kg/t steel (assumption)
        '电炉增碳剂氧化 carburiser carbon oxidised in the EAF',
        // 92 % fixed carbon (assumption) × 44/12
        '3.373 tCO2/t',
        'carburiser',
      ),
      diesel(30, '厂内运输 site transport'),
    ],
    // EAF dust behind bag filters ≈ 0.12 kg PM per t steel (CEMS; t steel = MWh / 0.52 MWh/t),
    // the reheating furnace's gas as estimated for natural gas
    air: (cells) => {
      const gas = gasAir(cells);
      return {
        source: 'cems',
        kg: { SO2: gas.SO2, NOx: gas.NOx, PM: gas.PM + (total(cells, 'power') / 0.52) * 0.12 },
      };
    },
  }),
  generalPlant({
    code: 'DEMO-ALU-01',
    name: '演示铝业有限公司',
    nameEn: 'Demo Aluminium Co., Ltd.',
    park: 'high-tech',
    industry: '电解铝 primary aluminium smelting (C3216)',
    trend2025: 1,
    // 200 kt/a prebake potline ≈ 16.4 kt Al per 30 days, run continuously (flat profile).
    // AC power ≈ 13 400 kWh/t Al (national average order of magnitude) → 220 000 MWh.
    streams: [
      { ...electricity(220_000), profile: Array(12).fill(1) as number[], spread: 0.01 },
      {
        ...processLine(
          'anodes',
          '预焙阳极净耗 net prebaked-anode consumption',
          6_720, // 0.41 t anode per t Al (assumption, typical prebake)
          '阳极炭氧化 anode carbon oxidised in electrolysis',
          // 98.5 % carbon (ash and sulphur 1.5 %, assumption) × 44/12
          '3.612 tCO2/t',
          'prebaked-anode',
        ),
        profile: Array(12).fill(1) as number[],
        spread: 0.015,
      },
      // PFCs from anode effects: 0.03 kg CF4 and 0.003 kg C2F6 per t Al (assumption for a modern
      // point-feed line; well below the IPCC 2006 Tier 1 default)
      {
        ...nonCo2('pfc-cf4', '阳极效应 CF4 anode-effect CF4', 'CF4', 0.49, 0.3),
        profile: Array(12).fill(1) as number[],
      },
      {
        ...nonCo2('pfc-c2f6', '阳极效应 C2F6 anode-effect C2F6', 'C2F6', 0.049, 0.3),
        profile: Array(12).fill(1) as number[],
      },
      diesel(25, '厂内运输 site transport'),
    ],
    // Potline CEMS: anode sulphur 2 % → 40 kg SO2 per t anode, 90 % removed by the wet scrubber
    // (assumptions); fluoride-bearing dust ≈ 0.5 kg PM per t Al (t Al = MWh / 13.4)
    air: (cells) => ({
      source: 'cems',
      kg: { SO2: total(cells, 'anodes') * 4, PM: (total(cells, 'power') / 13.4) * 0.5 },
    }),
  }),
  generalPlant({
    code: 'DEMO-CHM-01',
    name: '演示化工有限公司',
    nameEn: 'Demo Chemicals Co., Ltd.',
    park: 'high-tech',
    industry: '硝酸及化肥 nitric acid and fertilisers (C2611)',
    trend2025: 1.01,
    // 22 kt HNO3 (100 %)/month at 7 kg N2O/t (medium-pressure plant without abatement; IPCC 2006
    // Vol. 3 Table 3.3, recalled — assumption) → 154 t N2O. Steam: a coal boiler (6 kt coal)
    // and gas boilers; FGD limestone as at the power plant.
    streams: [
      { ...electricity(9_000), parameters: { supplier: 'DEMO-PWR-01' } },
      naturalGas(60, '燃气锅炉 gas boilers'),
      {
        source: {
          code: 'boiler-coal',
          name: '燃煤锅炉烟煤 coal boiler',
          kind: 'fuel-combustion',
          material: 'bituminous-coal',
        },
        base: 6_000,
        unit: 't',
        profile: INDUSTRY,
        spread: 0.05,
        decimals: 1,
        parameters: { fuel: 'bituminous-coal' },
      },
      processLine(
        'fgd',
        '锅炉脱硫石灰石 boiler FGD limestone',
        174,
        '湿法脱硫石灰石分解 limestone in wet FGD (CaCO3 → CO2)',
        '0.3957 tCO2/t',
        'limestone',
      ),
      nonCo2('n2o-nitric', '硝酸装置 N2O nitric-acid plant N2O', 'N2O', 154, 0.05),
    ],
    // CEMS: ultra-low-emission coal boiler (35 / 50 / 10 mg/Nm3 × ≈ 10 000 Nm3 per t coal →
    // 0.35 / 0.5 / 0.1 kg per t coal); nitric-acid tail gas after SCR ≈ 0.4 kg NOx per t HNO3
    // (t HNO3 = t N2O / 7 kg/t, as above; assumption); gas boilers as estimated for natural gas
    air: (cells) => {
      const gas = gasAir(cells);
      const coal = total(cells, 'boiler-coal');
      const acid = (total(cells, 'n2o-nitric') * 1000) / 7;
      return {
        source: 'cems',
        kg: {
          SO2: coal * 0.35 + gas.SO2,
          NOx: coal * 0.5 + acid * 0.4 + gas.NOx,
          PM: coal * 0.1 + gas.PM,
        },
      };
    },
  }),
  generalPlant({
    code: 'DEMO-ELE-A',
    name: '演示精密电路有限公司',
    nameEn: 'Demo Precision Circuits Co., Ltd.',
    park: 'high-tech',
    industry: '印制电路板制造 printed circuit boards (C3982)',
    trend2025: 1.06,
    // a mid-size PCB maker: 7 500 MWh/month, gas for drying ovens and the canteen
    streams: [
      electricity(
        7_500,
        COOLING.map((c, i) => c * INDUSTRY[i]!),
      ),
      naturalGas(9, '烘干炉及食堂 ovens and canteen'),
    ],
  }),
  generalPlant({
    code: 'DEMO-ELE-B',
    name: '演示显示科技有限公司',
    nameEn: 'Demo Display Technology Co., Ltd.',
    park: 'high-tech',
    industry: '显示模组制造 display modules (C3974)',
    trend2025: 1.08,
    streams: [
      electricity(
        14_000,
        COOLING.map((c, i) => c * INDUSTRY[i]!),
      ),
      naturalGas(15, '洁净室空调及工艺 clean-room HVAC and process'),
      diesel(1.5, '备用发电机 standby generators'),
    ],
  }),
  generalPlant({
    code: 'DEMO-AUT-01',
    name: '演示汽车零部件有限公司',
    nameEn: 'Demo Auto Parts Co., Ltd.',
    park: 'high-tech',
    industry: '汽车零部件制造 motor-vehicle parts (C3670)',
    trend2025: 1.03,
    streams: [
      electricity(3_200),
      naturalGas(22, '涂装及热处理 painting and heat treatment'),
      {
        source: {
          code: 'steam',
          name: '外购蒸汽热量 purchased steam (heat)',
          kind: 'heat-purchased',
        },
        base: 2_600,
        unit: 'GJ',
        profile: INDUSTRY,
        spread: 0.06,
        decimals: 0,
        // extraction steam from the district's coal power plant (a few GJ against its ≈ 2.5 PJ
        // of coal a year: left out of its heat rate)
        parameters: { supplier: 'DEMO-PWR-01' },
      },
    ],
  }),
  generalPlant({
    code: 'DEMO-MCH-01',
    name: '演示机械装备有限公司',
    nameEn: 'Demo Machinery Co., Ltd.',
    park: 'high-tech',
    industry: '通用设备制造 general-purpose machinery (C3400)',
    trend2025: 0.98,
    streams: [
      electricity(1_600),
      naturalGas(6, '热处理 heat treatment'),
      diesel(18, '叉车及试车 forklifts and testing'),
    ],
  }),
];

/** The enterprise of the demo whose data has a problem the engine's warnings catch. */
export const DEMO_PROBLEM = {
  enterprise: 'DEMO-CEM-C',
  warning: 'ncv-far-from-default',
  line: 'coal-line-1.m07',
  year: 2025,
} as const;

export const DEMO_PASSWORD = 'carbonbase-demo';

export interface DemoUser {
  readonly login: string;
  readonly displayName: string;
  readonly role: RoleScope['role'];
  /** What the user sees, for the list printed at `serve`. */
  readonly sees: string;
  /** The scope: a region, park or enterprise by its demo key or code. */
  readonly scope?: { region: 'district' } | { park: ParkKey } | { enterprise: string };
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    login: 'admin',
    displayName: '平台管理员 Platform administrator',
    role: 'platform-admin',
    sees: '全部 everything',
  },
  {
    login: 'bureau',
    displayName: '演示新区生态环境局 District ecology and environment bureau',
    role: 'regulator',
    sees: '全区 12 家企业，审核报告期 all 12 enterprises of the district; reviews periods',
    scope: { region: 'district' },
  },
  {
    login: 'park-bm',
    displayName: '建材产业园管理员 Building-materials park administrator',
    role: 'park-admin',
    sees: '建材产业园 4 家企业 the 4 enterprises of the building-materials park',
    scope: { park: 'building-materials' },
  },
  {
    login: 'park-ht',
    displayName: '高新园区管理员 High-tech park administrator',
    role: 'park-admin',
    sees: '高新产业园 7 家企业 the 7 enterprises of the high-tech park',
    scope: { park: 'high-tech' },
  },
  {
    login: 'cement-manager',
    displayName: '红棉水泥 企业管理员 Hongmian Cement manager',
    role: 'enterprise-manager',
    sees: '红棉水泥；提交报告期 Hongmian Cement; submits periods',
    scope: { enterprise: 'DEMO-CEM-A' },
  },
  {
    login: 'cement-clerk',
    displayName: '红棉水泥 数据填报员 Hongmian Cement data clerk',
    role: 'data-clerk',
    sees: '红棉水泥；导入与核算 Hongmian Cement; imports and calculates',
    scope: { enterprise: 'DEMO-CEM-A' },
  },
  {
    login: 'verifier',
    displayName: '核查机构 Verifier (Hongmian Cement)',
    role: 'verifier',
    sees: '红棉水泥；只读与评论 Hongmian Cement; read and comment',
    scope: { enterprise: 'DEMO-CEM-A' },
  },
  {
    login: 'electronics-manager',
    displayName: '精密电路 企业管理员 Precision Circuits manager',
    role: 'enterprise-manager',
    sees: '精密电路；提交报告期 Precision Circuits; submits periods',
    scope: { enterprise: 'DEMO-ELE-A' },
  },
];
