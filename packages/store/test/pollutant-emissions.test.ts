import { describe, expect, it } from 'vitest';
import { quantity } from '@carbonbase/quantity';
import { PollutantCellConflictError } from '../src/index.js';
import { orgTree } from './fixtures.js';
import { engines, useStore } from './harness.js';

// Pollutant emissions (migration 0010): append-only versions per cell, idempotent re-writes,
// year totals over months or a whole-year figure, never both, and tenants kept apart.
describe.each(engines)('pollutant emissions on %s', (engine) => {
  const store = useStore(engine);

  const row = (
    t: { tenantId: string; enterpriseId: string },
    month: number,
    pollutant: 'SO2' | 'NOx' | 'PM',
    amount: string,
    unit = 't',
  ) => ({
    tenantId: t.tenantId,
    enterpriseId: t.enterpriseId,
    year: 2025,
    month,
    pollutant,
    amount: quantity(Number(amount), unit),
    source: 'cems' as const,
    recordedBy: 'user:clerk',
    reason: 'test',
    origin: { file: 'p.xlsx', sheet: '污染物 Pollutants', row: month + 1 },
  });

  it('appends versions, keeps the same figure once, and sums the year in tonnes', async () => {
    const t = await orgTree(store());
    const p = store().pollutantEmissions;
    const first = await p.append(row(t, 1, 'NOx', '1250', 'kg'));
    expect(first.version).toBe(1);
    expect(first.amount).toEqual({ value: 1250, unit: 'kg' });
    expect(first.origin).toEqual({ file: 'p.xlsx', sheet: '污染物 Pollutants', row: 2 });
    const same = await p.appendIfChanged(row(t, 1, 'NOx', '1250', 'kg'));
    expect(same.appended).toBe(false);
    expect(await p.unchanged(row(t, 1, 'NOx', '1250', 'kg'))).toBe(true);
    expect(await p.unchanged(row(t, 1, 'NOx', '1.3'))).toBe(false);
    const corrected = await p.appendIfChanged(row(t, 1, 'NOx', '1.3'));
    expect(corrected).toMatchObject({ appended: true, emission: { version: 2 } });
    const history = await p.history({ ...t, year: 2025, month: 1, pollutant: 'NOx' });
    expect(history.map((h) => h.amount.value)).toEqual([1250, 1.3]);
    const current = await p.current({
      tenantId: t.tenantId,
      enterpriseIds: [t.enterpriseId],
      fromYear: 2025,
      toYear: 2025,
    });
    expect(current.map((c) => [c.month, c.pollutant, c.amount.value, c.version])).toEqual([
      [1, 'NOx', 1.3, 2],
    ]);
  });

  it('sums months into the year, and refuses a whole-year figure beside monthly ones', async () => {
    const t = await orgTree(store());
    const p = store().pollutantEmissions;
    await p.append(row(t, 1, 'SO2', '2500', 'kg'));
    await p.append(row(t, 2, 'SO2', '1.5'));
    await p.append(row(t, 0, 'PM', '7'));
    await expect(p.append(row(t, 0, 'SO2', '4'))).rejects.toBeInstanceOf(
      PollutantCellConflictError,
    );
    await expect(p.append(row(t, 3, 'PM', '1'))).rejects.toBeInstanceOf(PollutantCellConflictError);
    const years = await p.yearTotals({
      tenantId: t.tenantId,
      enterpriseIds: [t.enterpriseId],
      years: [2025],
    });
    const byPollutant = [...years].sort((a, b) => a.pollutant.localeCompare(b.pollutant));
    expect(byPollutant.map((y) => [y.pollutant, y.amount.value, y.months, y.sources])).toEqual([
      ['PM', 7, [0], ['cems']],
      ['SO2', 4, [1, 2], ['cems']],
    ]);
  });

  it('keeps tenants apart and refuses an enterprise of another tenant or a negative amount', async () => {
    const t = await orgTree(store());
    const other = await orgTree(store());
    const p = store().pollutantEmissions;
    await p.append(row(t, 5, 'PM', '0.4'));
    expect(
      await p.current({
        tenantId: other.tenantId,
        enterpriseIds: [t.enterpriseId],
        fromYear: 2000,
        toYear: 2100,
      }),
    ).toEqual([]);
    await expect(p.append({ ...row(t, 5, 'PM', '0.4'), tenantId: other.tenantId })).rejects.toThrow(
      /not found/,
    );
    await expect(p.append(row(t, 6, 'PM', '-1'))).rejects.toThrow(/non-negative/);
    await expect(p.append(row(t, 6, 'PM', '1', 'MWh'))).rejects.toThrow(/MWh/);
    // append-only: the table's trigger refuses changes
    await expect(
      store().db.query(`update pollutant_emissions set value = 0 where tenant_id = $1`, [
        t.tenantId,
      ]),
    ).rejects.toThrow(/append-only/);
  });
});
