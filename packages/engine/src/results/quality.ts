import { getRegion } from '@carbonbase/factors';
import { sum } from '@carbonbase/quantity';
import type { RunContext } from '../calc/context.js';
import type { LineResult } from './types.js';
import type { Inventory, InventoryLine } from '../document/schema.js';

/** Lines that describe the same stream over time: same kind, facility and subject (fuel, gas …). */
function streamKey(line: InventoryLine): string {
  let subject = '';
  switch (line.kind) {
    case 'fuel-combustion':
    case 'alternative-fuel':
      subject = line.fuel;
      break;
    case 'non-carbonate-raw-material':
      subject = line.material;
      break;
    case 'kiln-dust':
      subject = line.dustType;
      break;
    case 'non-co2':
      subject = line.gas;
      break;
    case 'spend':
      subject = line.category;
      break;
    case 'process-emission':
      subject = line.process;
      break;
    case 'clinker':
      subject = line.clinkerType ?? '';
      break;
    case 'electricity-generated':
      subject = line.source;
      break;
    case 'raw-meal-organic-carbon':
    case 'electricity-purchased':
    case 'electricity-exported':
    case 'heat-purchased':
    case 'heat-exported':
    case 'ccus':
      break;
  }
  return [line.kind, line.facility ?? '', subject].join(' / ');
}

export function periodMonths(inv: Inventory): number[] {
  return inv.period.months
    ? [...new Set(inv.period.months)].sort((a, b) => a - b)
    : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
}

/**
 * Data-quality checks over the document as a whole: negative quantities, and streams reported by
 * month that skip months of the period or mix monthly and whole-period lines.
 */
export function checkDocumentQuality(ctx: RunContext): void {
  const inv = ctx.inventory;
  for (const [field, code] of [
    ['reporter.region', inv.reporter.region],
    ...(inv.facilities ?? []).flatMap((f, i) =>
      f.region ? [[`facilities[${i}].region`, f.region]] : [],
    ),
  ] as [string, string][]) {
    if (!getRegion(code)) {
      ctx.warn(
        'unknown-region',
        `未知地区 region "${code}" is not in the region table: factor resolution widens it straight to GLOBAL`,
        undefined,
        field,
      );
    }
  }
  for (const line of inv.lines) {
    if (line.amount.value < 0) {
      ctx.warn(
        'negative-quantity',
        `负数量 negative quantity ${line.amount.value} ${line.amount.unit}: corrections belong in the source data; the figure is used as given`,
        line.id,
        'amount',
      );
    }
  }
  const months = periodMonths(inv);
  const streams = new Map<string, InventoryLine[]>();
  for (const line of inv.lines) {
    const key = streamKey(line);
    const list = streams.get(key);
    if (list) list.push(line);
    else streams.set(key, [line]);
  }
  for (const [key, lines] of streams) {
    const monthly = lines.filter((l) => l.month !== undefined);
    if (!monthly.length) continue;
    const present = new Set(monthly.map((l) => l.month));
    const missing = months.filter((m) => !present.has(m));
    const first = monthly[0]!;
    if (missing.length) {
      ctx.warn(
        'missing-months',
        `缺少月份数据 ${key}: no line for month(s) ${missing.join(', ')} of ${inv.period.year}`,
        first.id,
        'month',
      );
    }
    const whole = lines.filter((l) => l.month === undefined);
    if (whole.length) {
      ctx.warn(
        'mixed-periods',
        `${key}: monthly lines and whole-period lines (${whole.map((l) => l.id).join(', ')}) for one stream; check for double counting`,
        whole[0]!.id,
        'month',
      );
    }
  }
}

/**
 * CETS-AG-02.01-V01-2024: deductions larger than the clinker process CO2 of a facility would make
 * its process emissions negative. The implementation seen floors at zero per month (R); the
 * engine keeps the figure and warns, so the reader sees the data problem.
 */
export function checkProcessFloor(ctx: RunContext, lines: readonly LineResult[]): void {
  if (ctx.method.clinker !== 'default-factor') return;
  const byFacility = new Map<string, LineResult[]>();
  for (const l of lines) {
    if (l.kind !== 'clinker' && l.kind !== 'non-carbonate-raw-material') continue;
    const key = l.facility ?? '';
    byFacility.set(key, [...(byFacility.get(key) ?? []), l]);
  }
  for (const [facility, group] of byFacility) {
    const net = sum(
      group.map((l) => l.emissions),
      'tCO2e',
    );
    if (net.value < 0) {
      ctx.warn(
        'process-below-zero',
        `过程排放为负 process emissions${facility ? ` of ${facility}` : ''} are ${net.value} tCO2e: the non-carbonate deductions exceed the clinker process CO2; check the amounts (the guideline's floor at zero is not applied)`,
        group[0]!.id,
        'amount',
      );
    }
  }
}
