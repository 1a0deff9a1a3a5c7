import { multiply, quantity, subtract, sum, valueIn, type Quantity } from '@carbonbase/quantity';
import { fmt, Trace, type Explanation } from './explain.js';
import { CbamError, inUnit, resolveFactor, type FactorLookup } from './factor-input.js';
import type {
  Calcination,
  DirectData,
  FuelStream,
  IndirectData,
  KilnDust,
  ProductionProcess,
} from './model.js';

/** Attributed emissions of one production process for one component (tCO2e). */
export interface Attribution {
  readonly emissions: Quantity;
  readonly explanation: Explanation;
  /** Emissions per source, for the communication data (calcination, kiln dust, each fuel, …). */
  readonly sources: readonly { readonly id: string; readonly emissions: Quantity }[];
}

interface Ctx {
  readonly base: FactorLookup;
  /** Region for default factor lookups: the installation's region, else its country. */
  readonly region: string;
  readonly path: string;
}

/** EF_cli: the clinker calcination factor, tCO2/t clinker. */
function clinkerFactor(ctx: Ctx, t: Trace, c: Calcination): Quantity {
  const path = `${ctx.path}.direct.calcination`;
  if (c.method === 'factor') {
    const f = resolveFactor(ctx.base, c.factor, undefined, {
      symbol: 'EF_cli',
      name: 'clinker calcination factor',
      unit: 'tCO2/t',
      path,
    });
    return t.input(f);
  }
  // Output method (IR 2023/1773 Annex III, cement clinker, calculation method B): CO2 from the
  // CaO and MgO of the clinker, less what came from non-carbonate sources.
  const cao = t.input({ symbol: 'CaO', name: 'CaO in clinker', value: c.cao, origin: 'actual' });
  const mgo = t.input({ symbol: 'MgO', name: 'MgO in clinker', value: c.mgo, origin: 'actual' });
  const zero = quantity(0, '%');
  const caoNc = c.caoNonCarbonate
    ? t.input({
        symbol: 'CaO_nc',
        name: 'non-carbonate CaO',
        value: c.caoNonCarbonate,
        origin: 'actual',
      })
    : zero;
  const mgoNc = c.mgoNonCarbonate
    ? t.input({
        symbol: 'MgO_nc',
        name: 'non-carbonate MgO',
        value: c.mgoNonCarbonate,
        origin: 'actual',
      })
    : zero;
  if (!c.caoNonCarbonate || !c.mgoNonCarbonate)
    t.note('non-carbonate CaO/MgO not declared: taken as 0 (all from carbonates, conservative)');
  const kCao = t.input(
    resolveFactor(
      ctx.base,
      c.caoFactor,
      { code: 'cao', parameter: 'ef', region: ctx.region },
      { symbol: 'EF_CaO', name: 'CO2 per t CaO', unit: 'tCO2/t', path: `${path}.caoFactor` },
    ),
  );
  const kMgo = t.input(
    resolveFactor(
      ctx.base,
      c.mgoFactor,
      { code: 'mgo', parameter: 'ef', region: ctx.region },
      { symbol: 'EF_MgO', name: 'CO2 per t MgO', unit: 'tCO2/t', path: `${path}.mgoFactor` },
    ),
  );
  const netCao = subtract(cao, caoNc);
  const netMgo = subtract(mgo, mgoNc);
  if (netCao.value < 0 || netMgo.value < 0)
    throw new CbamError(path, 'non-carbonate CaO/MgO exceeds the total content');
  const ef = quantity(
    valueIn(multiply(netCao, kCao), 'tCO2/t') + valueIn(multiply(netMgo, kMgo), 'tCO2/t'),
    'tCO2/t',
  );
  return t.step(
    'EF_cli',
    'clinker factor, output method',
    `(${fmt(cao)} − ${fmt(caoNc)}) × ${fmt(kCao)} + (${fmt(mgo)} − ${fmt(mgoNc)}) × ${fmt(kMgo)}`,
    ef,
  );
}

/**
 * Kiln dust leaving the system, CSI / EU MRR form: EF_CKD = (EF_cli/(1+EF_cli)) × d /
 * (1 − EF_cli/(1+EF_cli) × d); fully calcined dust (d = 100 %) carries EF_cli itself.
 */
function kilnDust(ctx: Ctx, t: Trace, d: KilnDust, i: number, efCli: Quantity): Quantity {
  const q = t.input({
    symbol: `Q_CKD,${i + 1}`,
    name: 'kiln dust leaving the kiln system',
    value: inUnit(d.amount, 't', `${ctx.path}.direct.kilnDust[${i}].amount`),
    origin: 'activity',
  });
  const rate = t.input(
    resolveFactor(
      ctx.base,
      d.calcination,
      { code: 'ckd', parameter: 'calcination-rate', region: ctx.region },
      {
        symbol: `d_${i + 1}`,
        name: 'degree of calcination of the dust',
        unit: '%',
        path: `${ctx.path}.direct.kilnDust[${i}].calcination`,
      },
    ),
  );
  const ef = valueIn(efCli, 'tCO2/t');
  const dd = valueIn(rate, '1');
  const x = (ef / (1 + ef)) * dd;
  const efCkd = quantity(x / (1 - x), 'tCO2/t');
  t.step(
    `EF_CKD,${i + 1}`,
    'kiln dust factor',
    `(${fmt(efCli)}/(1 + ${ef})) × ${dd} / (1 − (${ef}/(1 + ${ef})) × ${dd})`,
    efCkd,
  );
  return t.step(
    `E_CKD,${i + 1}`,
    'kiln dust emissions',
    `${fmt(q)} × ${fmt(efCkd)}`,
    inUnit(multiply(q, efCkd), 'tCO2e', 'E_CKD'),
  );
}

function fuel(ctx: Ctx, t: Trace, f: FuelStream, i: number): Quantity {
  const path = `${ctx.path}.direct.fuels[${i}]`;
  const ad = t.input({
    symbol: `AD_${f.id}`,
    name: `${f.name} — amount burnt`,
    value: f.amount,
    origin: 'activity',
  });
  const ncv = f.ncv
    ? t.input({ symbol: `NCV_${f.id}`, name: `${f.name} — NCV`, value: f.ncv, origin: 'actual' })
    : undefined;
  const ef = t.input(
    resolveFactor(ctx.base, f.emissionFactor, undefined, {
      symbol: `EF_${f.id}`,
      name: `${f.name} — emission factor`,
      path: `${path}.emissionFactor`,
    }),
  );
  const bio = f.biomassFraction
    ? t.input({
        symbol: `BF_${f.id}`,
        name: `${f.name} — biomass share (zero-rated)`,
        value: f.biomassFraction,
        origin: 'actual',
      })
    : quantity(0, '%');
  const activity = ncv ? multiply(ad, ncv) : ad;
  const gross = inUnit(multiply(activity, ef), 'tCO2e', `${path} (AD × NCV × EF)`);
  const net = quantity(valueIn(gross, 'tCO2e') * (1 - valueIn(bio, '1')), 'tCO2e');
  return t.step(
    `E_${f.id}`,
    `${f.name} combustion`,
    `${fmt(ad)}${ncv ? ` × ${fmt(ncv)}` : ''} × ${fmt(ef)}${f.biomassFraction ? ` × (1 − ${fmt(bio)})` : ''}`,
    net,
  );
}

/**
 * AttrEm_dir of a process: calcination (clinker), kiln dust, fuels and other direct emissions.
 * Heat imports/exports and waste-gas corrections of IR 2023/1773 are not modelled (not used by
 * a cement plant without them; state them as `other` if they occur).
 */
export function attributeDirect(
  base: FactorLookup,
  region: string,
  p: ProductionProcess,
  path: string,
  d: DirectData,
): Attribution & { readonly clinkerFactor?: Quantity } {
  const ctx: Ctx = { base, region, path };
  const t = new Trace();
  const parts: { id: string; emissions: Quantity }[] = [];
  let efCli: Quantity | undefined;
  if (p.good === '2523 10 00') {
    if (!d.calcination)
      throw new CbamError(
        `${path}.direct`,
        'clinker needs calcination data (output method or a factor)',
      );
    const q = t.input({
      symbol: 'Q_cli',
      name: 'clinker produced',
      value: inUnit(p.production, 't', `${path}.production`),
      origin: 'activity',
    });
    efCli = clinkerFactor(ctx, t, d.calcination);
    const e = t.step(
      'E_calc',
      'calcination',
      `${fmt(q)} × ${fmt(efCli)}`,
      inUnit(multiply(q, efCli), 'tCO2e', 'E_calc'),
    );
    parts.push({ id: 'calcination', emissions: e });
  } else if (d.calcination || d.kilnDust?.length) {
    throw new CbamError(
      `${path}.direct`,
      `calcination and kiln dust belong to clinker (2523 10 00), not ${p.good}`,
    );
  }
  // Kiln dust was refused above for anything but clinker, so efCli is set whenever dust is present.
  if (efCli) {
    const ef = efCli;
    d.kilnDust?.forEach((k, i) => {
      parts.push({ id: `kiln-dust-${i + 1}`, emissions: kilnDust(ctx, t, k, i, ef) });
    });
  }
  d.fuels?.forEach((f, i) => parts.push({ id: f.id, emissions: fuel(ctx, t, f, i) }));
  d.other?.forEach((o, i) => {
    const e = t.input({
      symbol: `E_${o.id}`,
      name: o.name,
      value: inUnit(o.emissions, 'tCO2e', `${path}.direct.other[${i}].emissions`),
      origin: 'actual',
      source: o.source,
    });
    parts.push({ id: o.id, emissions: e });
  });
  const total = sum(
    parts.map((x) => x.emissions),
    'tCO2e',
  );
  t.step(
    'AttrEm_dir',
    'attributed direct emissions',
    parts.length ? parts.map((x) => fmt(x.emissions)).join(' + ') : '0 (no direct sources)',
    total,
  );
  return {
    emissions: total,
    explanation: t.finish(
      `${p.id} attributed direct`,
      'AttrEm_dir = E_calc + Σ E_CKD + Σ AD × [NCV ×] EF × (1 − BF) + Σ E_other',
      total,
    ),
    sources: parts,
    ...(efCli ? { clinkerFactor: efCli } : {}),
  };
}

/** AttrEm_indir of a process: electricity consumed × its emission factor. */
export function attributeIndirect(
  base: FactorLookup,
  p: ProductionProcess,
  path: string,
  d: IndirectData,
): Attribution {
  const t = new Trace();
  const parts = d.electricity.map((e, i) => {
    const mwh = t.input({
      symbol: `E_el,${e.id}`,
      name: `${e.name} — electricity consumed`,
      value: inUnit(e.amount, 'MWh', `${path}.indirect.electricity[${i}].amount`),
      origin: 'activity',
    });
    const ef = t.input(
      resolveFactor(base, e.factor, undefined, {
        symbol: `EF_el,${e.id}`,
        name: `${e.name} — emission factor`,
        unit: 'tCO2e/MWh',
        path: `${path}.indirect.electricity[${i}].factor`,
      }),
    );
    const em = t.step(
      `Em_el,${e.id}`,
      `${e.name} indirect emissions`,
      `${fmt(mwh)} × ${fmt(ef)}`,
      inUnit(multiply(mwh, ef), 'tCO2e', 'Em_el'),
    );
    return { id: e.id, emissions: em };
  });
  const total = sum(
    parts.map((x) => x.emissions),
    'tCO2e',
  );
  t.step(
    'AttrEm_indir',
    'attributed indirect emissions',
    parts.map((x) => fmt(x.emissions)).join(' + ') || '0',
    total,
  );
  t.note('grid factors are CO2 only; counted as CO2e with GWP 1');
  return {
    emissions: total,
    explanation: t.finish(`${p.id} attributed indirect`, 'AttrEm_indir = Σ E_el × EF_el', total),
    sources: parts,
  };
}
