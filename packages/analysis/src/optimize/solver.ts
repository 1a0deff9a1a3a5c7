import type { Highs } from 'highs';

type HighsLoader = () => Promise<Highs>;

/**
 * The optimizer talks to a solver through this small port, so the model building and the
 * explanation logic can be tested on their own and another solver could be dropped in.
 */
export interface MipSolution {
  readonly status: 'optimal' | 'infeasible' | 'other';
  /** The solver's own status text, kept for messages. */
  readonly detail: string;
  readonly objective: number;
  /** Column name → value (only when optimal). */
  readonly values: Readonly<Record<string, number>>;
}

/** Solves a model written in CPLEX LP format. */
export type MipSolver = (lp: string) => MipSolution;

export interface HighsOptions {
  /**
   * Stop when the best plan found is within this relative distance of the best bound (HiGHS
   * `mip_rel_gap`, default 1e-4). Large park schedules with many near-equal choices may take long
   * to prove the last fraction; a wider gap trades proven optimality for time.
   */
  readonly mipRelativeGap?: number;
}

/**
 * HiGHS (wasm) behind the port. Loaded lazily: the wasm runtime is only instantiated when an
 * optimization is actually asked for.
 */
export async function loadHighsSolver(options: HighsOptions = {}): Promise<MipSolver> {
  // The package ships CJS and ESM builds with one .d.ts; TypeScript reads it as CJS (default
  // under `.default.default`) while Node's ESM build has the loader at `.default`. Accept both.
  const mod = (await import('highs')) as unknown as {
    default: HighsLoader | { default: HighsLoader };
  };
  const load = typeof mod.default === 'function' ? mod.default : mod.default.default;
  const highs = await load();
  return (lp) => {
    const s = highs.solve(lp, {
      output_flag: false,
      ...(options.mipRelativeGap !== undefined && { mip_rel_gap: options.mipRelativeGap }),
    });
    if (s.Status === 'Optimal') {
      const values: Record<string, number> = {};
      // An optimal result carries primal values for every column.
      const columns = s.Columns as Record<string, { readonly Primal?: number }>;
      for (const [name, col] of Object.entries(columns)) {
        if (typeof col.Primal === 'number') values[name] = col.Primal;
      }
      return { status: 'optimal', detail: s.Status, objective: s.ObjectiveValue, values };
    }
    return {
      status: s.Status === 'Infeasible' ? 'infeasible' : 'other',
      detail: s.Status,
      objective: Number.NaN,
      values: {},
    };
  };
}
