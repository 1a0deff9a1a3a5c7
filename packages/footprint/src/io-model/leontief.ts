import type { CscMatrix, Triplet } from '../sparse/csc.js';
import { cscFromTriplets, MatrixShapeError, multiply } from '../sparse/csc.js';
import { SparseLu, type Residual } from '../sparse/lu.js';

/**
 * Input–output (Leontief) model in the commodity-by-commodity form of a supply–use system, as
 * USEEIO builds it (Yang et al. 2017, "USEEIO: a new and transparent United States environmentally-
 * extended input–output model", §2; Miller & Blair, "Input–Output Analysis", 2nd ed., ch. 5):
 *
 *   market shares   D = V · diag(q)⁻¹      (industry × commodity: share of commodity c made by i)
 *   direct req.     B = U · diag(x)⁻¹      (commodity × industry: input per dollar of industry output)
 *   direct req.     A = B · D              (commodity × commodity)
 *   total req.      L = (I − A)⁻¹
 *
 * The tables (V, U, q, x) are given as data; a zero output leaves its column of B or D empty
 * instead of dividing by zero, and those sectors are listed in `zeroOutput`.
 */
export interface SupplyUseTables {
  /** Sector codes, in matrix order. */
  readonly commodities: readonly string[];
  readonly industries: readonly string[];
  /** Make (supply) table V, industry × commodity. */
  readonly make: readonly Triplet[];
  /** Use table U (or domestic use Ud), commodity × industry, intermediate part only. */
  readonly use: readonly Triplet[];
  /** Commodity output q and industry output x, in the tables' currency. */
  readonly commodityOutput: Float64Array;
  readonly industryOutput: Float64Array;
  /** Currency and price basis, e.g. "USD2017 producer prices". */
  readonly currency: string;
}

export interface LeontiefModel {
  readonly sectors: readonly string[];
  readonly currency: string;
  /** A, commodity × commodity, in currency per currency. */
  readonly directRequirements: CscMatrix;
  readonly leontief: SparseLu;
  readonly zeroOutput: {
    readonly commodities: readonly string[];
    readonly industries: readonly string[];
  };
}

export function buildLeontief(t: SupplyUseTables): LeontiefModel {
  const nc = t.commodities.length;
  const ni = t.industries.length;
  if (t.commodityOutput.length !== nc || t.industryOutput.length !== ni) {
    throw new MatrixShapeError(
      `q has ${t.commodityOutput.length} entries for ${nc} commodities, x ${t.industryOutput.length} for ${ni} industries`,
    );
  }
  const zc: string[] = [];
  const zi: string[] = [];
  t.commodityOutput.forEach((v, c) => v === 0 && zc.push(t.commodities[c] ?? String(c)));
  t.industryOutput.forEach((v, i) => v === 0 && zi.push(t.industries[i] ?? String(i)));
  const share: Triplet[] = t.make.flatMap((e) => {
    const q = t.commodityOutput[e.col] ?? 0;
    return q === 0 ? [] : [{ row: e.row, col: e.col, value: e.value / q }];
  });
  const d = cscFromTriplets(ni, nc, share);
  const inputs: Triplet[] = t.use.flatMap((e) => {
    const x = t.industryOutput[e.col] ?? 0;
    return x === 0 ? [] : [{ row: e.row, col: e.col, value: e.value / x }];
  });
  const b = cscFromTriplets(nc, ni, inputs);
  const a = sparseProduct(b, d);
  const iMinusA: Triplet[] = [];
  for (let j = 0; j < nc; j++) {
    iMinusA.push({ row: j, col: j, value: 1 });
    for (let p = a.colPtr[j] ?? 0; p < (a.colPtr[j + 1] ?? 0); p++) {
      iMinusA.push({ row: a.rowIndex[p] ?? 0, col: j, value: -(a.values[p] ?? 0) });
    }
  }
  return {
    sectors: t.commodities,
    currency: t.currency,
    directRequirements: a,
    leontief: new SparseLu(cscFromTriplets(nc, nc, iMinusA)),
    zeroOutput: { commodities: zc, industries: zi },
  };
}

/** C = X·Y for CSC matrices (column j of C is X times column j of Y). */
export function sparseProduct(x: CscMatrix, y: CscMatrix): CscMatrix {
  if (x.cols !== y.rows)
    throw new MatrixShapeError(`cannot multiply ${x.rows}×${x.cols} by ${y.rows}×${y.cols}`);
  const out: Triplet[] = [];
  const acc = new Float64Array(x.rows);
  const seen = new Int32Array(x.rows).fill(-1);
  for (let j = 0; j < y.cols; j++) {
    const rows: number[] = [];
    for (let p = y.colPtr[j] ?? 0; p < (y.colPtr[j + 1] ?? 0); p++) {
      const k = y.rowIndex[p] ?? 0;
      const ykj = y.values[p] ?? 0;
      for (let r = x.colPtr[k] ?? 0; r < (x.colPtr[k + 1] ?? 0); r++) {
        const i = x.rowIndex[r] ?? 0;
        if (seen[i] !== j) {
          seen[i] = j;
          acc[i] = 0;
          rows.push(i);
        }
        acc[i] = (acc[i] ?? 0) + (x.values[r] ?? 0) * ykj;
      }
    }
    for (const i of rows) out.push({ row: i, col: j, value: acc[i] ?? 0 });
  }
  return cscFromTriplets(x.rows, y.cols, out);
}

/**
 * Total requirements L = (I − A)⁻¹ as dense columns (column j = output of every sector needed to
 * deliver one unit of final demand for j), each with the residual of its solve.
 */
export function totalRequirements(model: LeontiefModel): {
  columns: Float64Array[];
  worstResidual: Residual;
} {
  const n = model.sectors.length;
  const columns: Float64Array[] = [];
  let worst: Residual = { relative: 0, backward: 0, refinementSteps: 0 };
  for (let j = 0; j < n; j++) {
    const e = new Float64Array(n);
    e[j] = 1;
    const { x, residual } = model.leontief.solve(e);
    columns.push(x);
    if (residual.relative > worst.relative) worst = residual;
  }
  return { columns, worstResidual: worst };
}

/** Output by sector needed for a final demand y (currency units): x = L·y. */
export function leontiefOutput(
  model: LeontiefModel,
  finalDemand: ArrayLike<number>,
): { output: Float64Array; residual: Residual } {
  const { x, residual } = model.leontief.solve(finalDemand);
  return { output: x, residual };
}

/** (I − A)·X − I, largest absolute entry: the check the issue asks for. */
export function identityDefect(model: LeontiefModel, columns: readonly Float64Array[]): number {
  let worst = 0;
  columns.forEach((col, j) => {
    const r = multiply(model.leontief.matrix, col);
    r[j] = (r[j] ?? 0) - 1;
    for (const v of r) worst = Math.max(worst, Math.abs(v));
  });
  return worst;
}
