import { formatQuantity, quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import type { NeutralityRules } from './rules.js';

export interface Reduction {
  readonly id: string;
  /** Verified reductions not already reflected in the inventory figures (else they count twice). */
  readonly amount: Quantity;
  readonly verified: boolean;
}

export interface Offset {
  readonly id: string;
  readonly type: string;
  /** tCO2e for credits, MWh for electricity certificates. */
  readonly amount: Quantity;
  readonly vintage: number;
  readonly retired: boolean;
  /** Category it is set against; defaults to the type's first category. */
  readonly against?: string;
}

export interface NeutralityInput {
  readonly period: { readonly from: number; readonly to: number };
  /** Emissions per category, in a CO2e unit. */
  readonly inventory: Readonly<Record<string, Quantity>>;
  readonly inventoryVerified: boolean;
  readonly reductions: readonly Reduction[];
  readonly offsets: readonly Offset[];
  /** Converts electricity certificates to tonnes; required when any are given. */
  readonly gridFactor?: Quantity;
}

export interface ItemDecision {
  readonly id: string;
  /** Amount counted, tCO2e (0 when refused). */
  readonly counted: Quantity;
  readonly reasons: readonly string[];
}

export interface NeutralityResult {
  readonly rules: string;
  readonly notice?: string;
  readonly inventory: Quantity;
  readonly reductions: Quantity;
  readonly offsets: Quantity;
  /** inventory − verified reductions − accepted offsets. */
  readonly net: Quantity;
  readonly claimable: boolean;
  readonly reasons: readonly string[];
  readonly decisions: readonly ItemDecision[];
  /** Rules applied that are not marked verified. */
  readonly unverifiedRules: readonly string[];
}

const T = 'tCO2e';

/**
 * Carbon-neutrality check: a claim only when net = inventory − verified reductions − offsets ≤ 0
 * (methods.md §6, by analogy; the building-materials guides were not found, so every rule is data).
 */
export function checkNeutrality(rules: NeutralityRules, input: NeutralityInput): NeutralityResult {
  const categories = new Set(rules.categories.map((c) => c.id));
  for (const c of Object.keys(input.inventory))
    if (!categories.has(c)) throw new Error(`${rules.id}: unknown inventory category "${c}"`);
  const remaining = new Map<string, number>();
  for (const [c, q] of Object.entries(input.inventory)) remaining.set(c, valueIn(q, T));
  const inventory = [...remaining.values()].reduce((s, v) => s + v, 0);

  const decisions: ItemDecision[] = [];
  let reductions = 0;
  for (const r of input.reductions) {
    const amount = valueIn(r.amount, T);
    if (!r.verified) {
      decisions.push({ id: r.id, counted: quantity(0, T), reasons: ['reduction not verified'] });
      continue;
    }
    reductions += amount;
    decisions.push({ id: r.id, counted: quantity(amount, T), reasons: [] });
  }

  let offsets = 0;
  for (const o of input.offsets) {
    const type = rules.offsetTypes.find((t) => t.id === o.type);
    const reasons: string[] = [];
    if (!type) {
      decisions.push({
        id: o.id,
        counted: quantity(0, T),
        reasons: [`unknown offset type "${o.type}"`],
      });
      continue;
    }
    const against = o.against ?? type.countsAgainst[0] ?? '';
    if (!type.countsAgainst.includes(against))
      reasons.push(`${type.nameEn} may not be set against ${against}`);
    if (type.requiresRetirement && !o.retired)
      reasons.push('not retired (cancelled) in a registry');
    if (type.maxVintageAge !== null && input.period.from - o.vintage > type.maxVintageAge)
      reasons.push(
        `vintage ${o.vintage} older than ${type.maxVintageAge} years before ${input.period.from}`,
      );
    let amount: number;
    if (type.measure === 'electricity') {
      if (!input.gridFactor)
        throw new Error(`offset ${o.id}: a grid factor is needed for ${type.id}`);
      // The grid factor is in tCO2/MWh; CO2 counts one-for-one as CO2e (GWP of CO2 = 1).
      amount = valueIn(o.amount, 'MWh') * valueIn(input.gridFactor, 'tCO2/MWh');
    } else {
      amount = valueIn(o.amount, T);
    }
    if (reasons.length > 0) {
      decisions.push({ id: o.id, counted: quantity(0, T), reasons });
      continue;
    }
    const room = remaining.get(against) ?? 0;
    // Electricity certificates can only neutralise the electricity emissions that exist.
    const counted = type.measure === 'electricity' ? Math.min(amount, Math.max(room, 0)) : amount;
    if (counted < amount)
      reasons.push(
        `capped at the remaining ${against} emissions ${formatQuantity(quantity(room, T))}`,
      );
    remaining.set(against, room - counted);
    offsets += counted;
    decisions.push({ id: o.id, counted: quantity(counted, T), reasons });
  }

  const net = inventory - reductions - offsets;
  const reasons: string[] = [];
  if (net > 0) reasons.push(`net ${formatQuantity(quantity(net, T))} > 0`);
  if (rules.requireInventoryVerification.value && !input.inventoryVerified)
    reasons.push('inventory not verified by a third party');
  const named = [
    { label: 'claim rule', mark: rules.claimRule.mark },
    { label: 'inventory verification rule', mark: rules.requireInventoryVerification.mark },
    ...rules.offsetTypes.map((t) => ({ label: `offset type ${t.id}`, mark: t.mark })),
  ];
  const unverifiedRules = named
    .filter((n) => n.mark !== 'verified')
    .map((n) => `${n.label} (${n.mark})`);
  return {
    rules: rules.id,
    ...(rules.notice !== undefined && { notice: rules.notice }),
    inventory: quantity(inventory, T),
    reductions: quantity(reductions, T),
    offsets: quantity(offsets, T),
    net: quantity(net, T),
    claimable: reasons.length === 0,
    reasons,
    decisions,
    unverifiedRules,
  };
}
