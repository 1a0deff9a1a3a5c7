import { quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import { POLLUTANTS, type Pollutant } from '../measures/schema.js';
import { periodLabel, samePeriod, type EnterpriseRecord, type Period } from './records.js';

/** Electricity bought from a plant that is a member of the same park or region. */
export interface InternalTransfer {
  readonly buyer: string;
  readonly supplier: string;
  readonly electricity: Quantity;
  /** What the buyer reports as indirect emissions for it. */
  readonly buyerIndirect: Quantity;
  /** The supplying plant's whole direct emissions (which include this electricity), if known. */
  readonly supplierDirect: Quantity | null;
}

export interface RollupMember {
  readonly enterprise: string;
  readonly direct: Quantity | null;
  /** Indirect emissions on electricity from suppliers inside the group. */
  readonly internalIndirect: Quantity;
  /** Indirect emissions on electricity from the grid or from suppliers outside the group. */
  readonly externalIndirect: Quantity;
}

export interface Rollup {
  readonly scope: 'park' | 'region';
  readonly group: string;
  readonly period: string;
  readonly members: readonly RollupMember[];
  /** Σ direct emissions of the members: what is emitted inside the boundary. */
  readonly direct: Quantity;
  /** Σ indirect emissions as the buyers report them. */
  readonly indirect: Quantity;
  /** direct + indirect: counts electricity made and used inside the group twice. */
  readonly gross: Quantity;
  /** Indirect emissions on electricity bought from members of the group. */
  readonly internalTransfer: Quantity;
  readonly internalElectricity: Quantity;
  /**
   * gross − internalTransfer = direct + indirect from outside the group: the total without double
   * counting (the one to compare with a park's or region's target).
   */
  readonly net: Quantity;
  readonly transfers: readonly InternalTransfer[];
  /** Plain sum of members' comprehensive energy (see `notes` about internal electricity). */
  readonly energy: Quantity | null;
  readonly pollutants: Readonly<Record<Pollutant, Quantity>>;
  /** False when some member lacks direct emissions or purchase data (listed in `missing`). */
  readonly complete: boolean;
  readonly missing: readonly { readonly enterprise: string; readonly reason: string }[];
  readonly notes: readonly string[];
}

export interface RollupUnits {
  /** Emissions unit, e.g. tCO2e. */
  readonly emissions: string;
  readonly electricity: string;
  readonly energy: string;
  readonly pollutants: string;
}

const DEFAULT_UNITS: RollupUnits = {
  emissions: 'tCO2e',
  electricity: 'MWh',
  energy: 'tce',
  pollutants: 't',
};

/**
 * Park or region totals for one period, with electricity made and used inside the group shown
 * both ways: in the supplying plant's direct emissions and in the buyer's indirect emissions.
 * `net` is the total that counts it once.
 */
export function rollUp(
  records: readonly EnterpriseRecord[],
  o: {
    readonly scope: 'park' | 'region';
    readonly period: Period;
    readonly units?: Partial<RollupUnits>;
  },
): Rollup[] {
  const u = { ...DEFAULT_UNITS, ...o.units };
  const inPeriod = records.filter((r) => samePeriod(r.period, o.period));
  const groups = new Map<string, EnterpriseRecord[]>();
  for (const r of inPeriod) {
    const key = r[o.scope];
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, members]) => rollUpGroup(o.scope, group, periodLabel(o.period), members, u));
}

function rollUpGroup(
  scope: 'park' | 'region',
  group: string,
  period: string,
  records: readonly EnterpriseRecord[],
  u: RollupUnits,
): Rollup {
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.enterprise))
      throw new Error(`${scope} ${group} ${period}: two records for ${r.enterprise}`);
    seen.add(r.enterprise);
  }
  const byId = new Map(records.map((r) => [r.enterprise, r]));
  const missing: { enterprise: string; reason: string }[] = [];
  const transfers: InternalTransfer[] = [];
  let direct = 0;
  let internal = 0;
  let external = 0;
  let internalElectricity = 0;
  const members: RollupMember[] = records.map((r) => {
    if (r.direct === undefined)
      missing.push({ enterprise: r.enterprise, reason: '缺少直接排放 no direct emissions' });
    else direct += valueIn(r.direct, u.emissions);
    if (r.purchases === undefined)
      missing.push({ enterprise: r.enterprise, reason: '缺少外购电力数据 no purchase data' });
    let mi = 0;
    let me = 0;
    for (const p of r.purchases ?? []) {
      const e = valueIn(p.emissions, u.emissions);
      const supplier = p.supplier === undefined ? undefined : byId.get(p.supplier);
      if (supplier !== undefined && supplier.enterprise !== r.enterprise) {
        mi += e;
        internalElectricity += valueIn(p.electricity, u.electricity);
        transfers.push({
          buyer: r.enterprise,
          supplier: supplier.enterprise,
          electricity: quantity(valueIn(p.electricity, u.electricity), u.electricity),
          buyerIndirect: quantity(e, u.emissions),
          supplierDirect:
            supplier.direct === undefined
              ? null
              : quantity(valueIn(supplier.direct, u.emissions), u.emissions),
        });
      } else me += e;
    }
    internal += mi;
    external += me;
    return {
      enterprise: r.enterprise,
      direct: r.direct === undefined ? null : quantity(valueIn(r.direct, u.emissions), u.emissions),
      internalIndirect: quantity(mi, u.emissions),
      externalIndirect: quantity(me, u.emissions),
    };
  });
  const energyKnown = records.every((r) => r.energy !== undefined);
  const energy = energyKnown
    ? quantity(
        records.reduce((s, r) => s + valueIn(r.energy as Quantity, u.energy), 0),
        u.energy,
      )
    : null;
  const pollutants = Object.fromEntries(
    POLLUTANTS.map((p) => [
      p,
      quantity(
        records.reduce((s, r) => {
          const v = r.pollutants?.[p];
          return s + (v === undefined ? 0 : valueIn(v, u.pollutants));
        }, 0),
        u.pollutants,
      ),
    ]),
  ) as Record<Pollutant, Quantity>;
  const q = (v: number) => quantity(v, u.emissions);
  const notes = [
    `不重复计算的合计为 net = 直接排放 + 来自${scope === 'park' ? '园区' : '区域'}外的间接排放；` +
      `gross 把内部购电计了两次（电厂的直接排放和购电企业的间接排放）。 ` +
      `The total without double counting is net = direct + indirect from outside the ${scope}; ` +
      `gross counts electricity made and used inside twice (the plant's direct and the buyer's indirect emissions).`,
    ...(internalElectricity > 0 && energy !== null
      ? [
          `综合能耗为各企业之和，内部购电 ${internalElectricity} ${u.electricity} 既计入电厂燃料也计入购电企业用电。 ` +
            `Energy is the plain sum: the ${internalElectricity} ${u.electricity} bought inside is in the plant's fuel and the buyer's electricity.`,
        ]
      : []),
    ...(energy === null
      ? ['部分企业缺少综合能耗，未给出合计 some members lack energy data: no energy total']
      : []),
    ...(records.some((r) => r.pollutants === undefined)
      ? [
          '缺少污染物数据的企业按零计入污染物合计 members without pollutant data add nothing to the pollutant totals',
        ]
      : []),
  ];
  return {
    scope,
    group,
    period,
    members,
    direct: q(direct),
    indirect: q(internal + external),
    gross: q(direct + internal + external),
    internalTransfer: q(internal),
    internalElectricity: quantity(internalElectricity, u.electricity),
    net: q(direct + external),
    transfers,
    energy,
    pollutants,
    complete: missing.length === 0,
    missing,
    notes,
  };
}
