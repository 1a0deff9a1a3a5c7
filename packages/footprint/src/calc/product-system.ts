import type { Quantity } from '@carbonbase/quantity';
import { conversionFactor } from '@carbonbase/quantity';
import { multiply, multiplyTransposed, nnz } from '../sparse/csc.js';
import type { Residual, SparseLu } from '../sparse/lu.js';
import { LinearSolver, type SolvePath, type SolverOptions } from '../sparse/solver.js';
import { buildMatrices, type SystemMatrices } from '../system/matrices.js';
import {
  linkProductSystem,
  ProductSystemError,
  type LinkedSystem,
  type LinkingOptions,
} from '../system/linking.js';
import type { ProductSystemData } from '../system/model.js';
import { CO2E_UNIT, characterize, type Characterization, type GwpSet } from '../impact/gwp.js';
import type {
  CutOffEntry,
  FootprintResult,
  ImpactResult,
  InputContribution,
  InventoryEntry,
  LabelledVector,
  LinkEntry,
  SideFlowEntry,
} from './result.js';

/** What to make: a process's reference product (by process id) or a product flow (by flow id). */
export interface Demand {
  readonly processId?: string;
  readonly flowId?: string;
  readonly amount: Quantity;
}

/**
 * A linked product system with its technosphere prepared once: every demand after the first
 * costs two triangular solves (plus refinement), as in Brightway's `LCA.redo_lci` or openLCA's
 * `MatrixSolver.factorize`. Large systems (2000 processes and more, `SolverOptions`) are solved
 * by the ILU(0)-preconditioned iteration when it converges fast, else by the LU; every answer
 * says which path it took (sparse/solver.ts).
 */
export class ProductSystemModel {
  readonly linked: LinkedSystem;
  readonly matrices: SystemMatrices;
  private linear: LinearSolver | undefined;

  constructor(
    data: ProductSystemData,
    linking: LinkingOptions = {},
    private readonly solverOptions: SolverOptions = {},
  ) {
    this.linked = linkProductSystem(data, linking);
    this.matrices = buildMatrices(this.linked);
  }

  /** The technosphere's solver (ILU(0) iteration or LU, see `SolverOptions`). */
  get solver(): LinearSolver {
    this.linear ??= new LinearSolver(this.matrices.technosphere, this.solverOptions);
    return this.linear;
  }

  /** The complete LU of the technosphere, whatever path the solves take. */
  get factorization(): SparseLu {
    return this.solver.lu;
  }

  /** Index of the process that supplies the demand (rule as in linking: one provider, else an error). */
  demandIndex(demand: Demand): number {
    if (demand.processId !== undefined) {
      const j = this.linked.processIndex.get(demand.processId);
      if (j === undefined)
        throw new ProductSystemError(`no process ${demand.processId}`, demand.processId);
      return j;
    }
    const list = this.linked.providers.get(demand.flowId ?? '') ?? [];
    const [only] = list;
    if (only === undefined || list.length > 1) {
      throw new ProductSystemError(
        `flow ${demand.flowId ?? '(none)'} has ${list.length} providers; name the process instead`,
        undefined,
        demand.flowId,
      );
    }
    return only;
  }

  /** Scaling vector s with A·s = f, its residual and the solver path that gave it. */
  solve(demand: Demand): {
    index: number;
    amount: Quantity;
    s: Float64Array;
    residual: Residual;
    path: SolvePath;
    iterations: number;
  } {
    const index = this.demandIndex(demand);
    const unit = this.linked.referenceAmounts[index]?.unit ?? '';
    const value =
      demand.amount.unit === unit
        ? demand.amount.value
        : demand.amount.value * conversionFactor(demand.amount.unit, unit);
    const f = new Float64Array(this.linked.processes.length);
    f[index] = value;
    const { x, residual, path, iterations } = this.solver.solve(f);
    return { index, amount: { value, unit }, s: x, residual, path, iterations };
  }

  /**
   * kgCO2e per reference unit of every process's product, from one transposed solve Aᵀ·λ = Bᵀ·c
   * (the "total intensity" of Heijungs & Suh 2002, §3.2).
   */
  intensities(gwp: GwpSet): {
    values: LabelledVector;
    residual: Residual;
    characterized: Characterization[];
  } {
    const { c, characterized } = this.characterizationVector(gwp);
    const { x, residual } = this.solver.solveTransposed(
      multiplyTransposed(this.matrices.intervention, c),
    );
    return {
      values: {
        unit: `${CO2E_UNIT}/reference unit`,
        labels: this.linked.processes.map((p) => p.id),
        values: x,
      },
      residual,
      characterized,
    };
  }

  calculate(demand: Demand, gwp?: GwpSet): FootprintResult {
    const { index, amount, s, residual, path, iterations } = this.solve(demand);
    const processes = this.linked.processes;
    const root = processes[index];
    if (!root) throw new ProductSystemError('demand process out of range');
    const g = multiply(this.matrices.intervention, s);
    const inventory: InventoryEntry[] = [];
    this.matrices.elementaryFlows.forEach((flow, i) => {
      const v = g[i] ?? 0;
      if (v !== 0) {
        inventory.push({
          flowId: flow.id,
          name: flow.name,
          ...(flow.compartment !== undefined ? { compartment: flow.compartment } : {}),
          amount: { value: v, unit: flow.unit },
        });
      }
    });
    const solver = this.solver;
    return {
      demand: { processId: root.id, processName: root.name, amount },
      scaling: { unit: '1', labels: processes.map((p) => p.id), values: s },
      inventory,
      ...(gwp ? { impact: this.impact(gwp, index, amount, s, g) } : {}),
      explanation: {
        links: this.linkEntries(s),
        cutOffs: this.cutOffEntries(s),
        sideFlows: this.sideFlowEntries(s),
        solver: {
          processes: processes.length,
          technosphereNonZeros: nnz(this.matrices.technosphere),
          interventionNonZeros: nnz(this.matrices.intervention),
          factorNonZeros: solver.factorNonZeros,
          offDiagonalPivots: solver.offDiagonalPivots,
          path,
          iterations,
          ...(solver.fallback !== undefined ? { fallback: solver.fallback } : {}),
          residual,
        },
      },
    };
  }

  private characterizationVector(gwp: GwpSet): {
    c: Float64Array;
    characterized: Characterization[];
  } {
    const flows = this.matrices.elementaryFlows;
    const { factors } = characterize(flows, gwp);
    const c = new Float64Array(flows.length);
    const characterized: Characterization[] = [];
    flows.forEach((f, i) => {
      const cf = factors.get(f.id);
      if (cf) {
        c[i] = cf.factor.value;
        characterized.push(cf);
      }
    });
    return { c, characterized };
  }

  private impact(
    gwp: GwpSet,
    root: number,
    amount: Quantity,
    s: Float64Array,
    g: Float64Array,
  ): ImpactResult {
    const { c, characterized } = this.characterizationVector(gwp);
    let total = 0;
    for (let i = 0; i < c.length; i++) total += (c[i] ?? 0) * (g[i] ?? 0);
    // Direct emissions of each process: (Bᵀc)_j · s_j.
    const perRun = multiplyTransposed(this.matrices.intervention, c);
    const processes = this.linked.processes;
    const byProcess = processes
      .map((p, j) => ({
        processId: p.id,
        processName: p.name,
        amount: { value: (perRun[j] ?? 0) * (s[j] ?? 0), unit: CO2E_UNIT },
      }))
      .filter((x) => x.amount.value !== 0)
      .sort((a, b) => Math.abs(b.amount.value) - Math.abs(a.amount.value));
    // By input: h = λ_r f_r = (f_r / A_rr)·((Bᵀc)_r + Σ_k (−A_kr) λ_k), so each first-tier input k
    // contributes (f_r / A_rr)·(−A_kr)·λ_k and the root's own emissions (f_r / A_rr)·(Bᵀc)_r.
    const lambda = this.solver.solveTransposed(perRun).x;
    const a = this.matrices.technosphere;
    let diag = 0;
    for (let p = a.colPtr[root] ?? 0; p < (a.colPtr[root + 1] ?? 0); p++) {
      if (a.rowIndex[p] === root) diag = a.values[p] ?? 0;
    }
    const runs = amount.value / diag;
    const byInput: InputContribution[] = [];
    for (const link of this.linked.links) {
      if (link.consumer !== root || link.provider === root) continue;
      const provider = processes[link.provider];
      const flow = this.linked.flows.get(link.flowId);
      if (!provider || !flow) continue;
      const sign = (link.direction === 'input') !== (flow.kind === 'waste') ? 1 : -1;
      byInput.push({
        flowId: flow.id,
        flowName: flow.name,
        providerId: provider.id,
        providerName: provider.name,
        input: { value: runs * link.amount.value, unit: link.amount.unit },
        amount: {
          value: runs * sign * link.amount.value * (lambda[link.provider] ?? 0),
          unit: CO2E_UNIT,
        },
      });
    }
    byInput.sort((x, y) => Math.abs(y.amount.value) - Math.abs(x.amount.value));
    return {
      gwpSet: { id: gwp.id, version: gwp.version, source: gwp.source },
      total: { value: total, unit: CO2E_UNIT },
      byProcess,
      direct: { value: runs * (perRun[root] ?? 0), unit: CO2E_UNIT },
      byInput,
      characterized,
    };
  }

  private linkEntries(s: Float64Array): LinkEntry[] {
    const ps = this.linked.processes;
    const out: LinkEntry[] = [];
    for (const l of this.linked.links) {
      const sj = s[l.consumer] ?? 0;
      if (sj === 0) continue;
      const consumer = ps[l.consumer];
      const provider = ps[l.provider];
      out.push({
        consumerId: consumer?.id ?? '',
        consumerName: consumer?.name ?? '',
        flowId: l.flowId,
        flowName: this.linked.flows.get(l.flowId)?.name ?? '',
        providerId: provider?.id ?? '',
        providerName: provider?.name ?? '',
        rule: l.rule,
        ...(l.candidates ? { candidates: l.candidates } : {}),
        supplied: { value: sj * l.amount.value, unit: l.amount.unit },
      });
    }
    return out;
  }

  private cutOffEntries(s: Float64Array): CutOffEntry[] {
    const ps = this.linked.processes;
    const out: CutOffEntry[] = [];
    for (const c of this.linked.cutOffs) {
      const sj = s[c.consumer] ?? 0;
      if (sj === 0) continue;
      out.push({
        consumerId: ps[c.consumer]?.id ?? '',
        consumerName: ps[c.consumer]?.name ?? '',
        flowId: c.flowId,
        flowName: this.linked.flows.get(c.flowId)?.name ?? '',
        direction: c.direction,
        perReference: c.amount,
        total: { value: sj * c.amount.value, unit: c.amount.unit },
      });
    }
    return out;
  }

  private sideFlowEntries(s: Float64Array): SideFlowEntry[] {
    const ps = this.linked.processes;
    const out: SideFlowEntry[] = [];
    for (const c of this.linked.sideFlows) {
      const sj = s[c.process] ?? 0;
      if (sj === 0) continue;
      out.push({
        processId: ps[c.process]?.id ?? '',
        processName: ps[c.process]?.name ?? '',
        flowId: c.flowId,
        flowName: this.linked.flows.get(c.flowId)?.name ?? '',
        direction: c.direction,
        total: { value: sj * c.amount.value, unit: c.amount.unit },
      });
    }
    return out;
  }
}
