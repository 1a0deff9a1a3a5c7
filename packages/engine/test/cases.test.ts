import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sum, valueIn, type Quantity } from '@carbonbase/quantity';
import { InventoryError, account, type InventoryResult } from '../src/index.js';
import { factorBase } from './fixtures.js';

/**
 * Runs every worked case under test/cases/ (see its README). Each expectation is compared with its
 * stated tolerance after converting the engine's figure to the expected unit.
 */
interface Expectation {
  path: string;
  value: number;
  unit: string;
  tolerance: { abs?: number; rel?: number };
  arithmetic: string;
}
interface Variant {
  name: string;
  set?: Record<string, unknown>;
  factors?: Parameters<typeof factorBase>[0];
  expect?: Expectation[];
  expectError?: { line?: string; field: string };
}
interface Case {
  case: string;
  title: string;
  source: string;
  factors: Parameters<typeof factorBase>[0];
  inventory: Record<string, unknown>;
  expect: Expectation[];
  variants?: Variant[];
}

const dir = fileURLToPath(new URL('./cases/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function lookup(result: InventoryResult, path: string): Quantity {
  if (path.startsWith('linesSum:')) {
    const ids = path.slice('linesSum:'.length).split(',');
    return sum(
      ids.map((id) => result.lines.find((l) => l.id === id)!.emissions),
      'tCO2e',
    );
  }
  const parts = path.split('.');
  let node: unknown = result;
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i]!;
    if (
      (key === 'lines' || key === 'intensities') &&
      Array.isArray((node as Record<string, unknown>)[key])
    ) {
      const id = parts[++i];
      node = ((node as Record<string, unknown[]>)[key] as { id: string }[]).find(
        (x) => x.id === id,
      );
    } else if (key === 'steps') {
      const symbol = parts[++i];
      node = (node as InventoryResult['lines'][number]).explanation.steps.find(
        (s) => s.symbol === symbol,
      )?.value;
    } else {
      node = (node as Record<string, unknown>)?.[key];
    }
    if (node === undefined) throw new Error(`path ${path}: nothing at "${key}"`);
  }
  return node as Quantity;
}

/** Sets `a.b[1].c` inside a copy of the document. */
function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node = root;
  for (const k of keys.slice(0, -1)) {
    node[k] ??= {};
    node = node[k] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

function check(result: InventoryResult, e: Expectation): void {
  const got = valueIn(lookup(result, e.path), e.unit);
  const tol = Math.max(e.tolerance.abs ?? 0, (e.tolerance.rel ?? 0) * Math.abs(e.value));
  expect(tol, `${e.path}: a tolerance is stated`).toBeGreaterThan(0);
  expect(
    Math.abs(got - e.value),
    `${e.path} = ${got} ${e.unit}, expected ${e.value} ± ${tol} (${e.arithmetic})`,
  ).toBeLessThanOrEqual(tol);
}

describe.each(files)('worked case %s', (file) => {
  const c = parse(readFileSync(join(dir, file), 'utf8')) as Case;

  it(`${c.case}: ${c.title}`, () => {
    expect(c.source).toMatch(/methods(-verification)?\.md/);
    const result = account(c.inventory, factorBase(c.factors), { document: file });
    for (const e of c.expect) check(result, e);
  });

  for (const v of c.variants ?? []) {
    it(`${c.case} variant: ${v.name}`, () => {
      const inv = structuredClone(c.inventory);
      for (const [path, value] of Object.entries(v.set ?? {})) setPath(inv, path, value);
      const rows = v.factors
        ? [
            ...c.factors.filter((r) => !v.factors!.some((o) => o.id === r.id && o.set === r.set)),
            ...v.factors,
          ]
        : c.factors;
      const run = () => account(inv, factorBase(rows), { document: file });
      if (v.expectError) {
        let error: unknown;
        try {
          run();
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(InventoryError);
        const issues = (error as InventoryError).issues;
        expect(issues).toContainEqual(
          expect.objectContaining({ document: file, ...v.expectError }),
        );
        return;
      }
      const result = run();
      for (const e of v.expect ?? []) check(result, e);
    });
  }
});
