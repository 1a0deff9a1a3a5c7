import type { Quantity } from '@carbonbase/quantity';
import { conversionFactor } from '@carbonbase/quantity';
import type { Exchange, Flow, Process, ProductSystemData } from './model.js';

/**
 * Linking: which process supplies each product input (and treats each waste output).
 *
 * Rules, tried in this order for every technosphere exchange that is not the process's own
 * reference (documented in docs/methods/footprint.md §Linking):
 *  1. `default-provider`: the provider the data set names on the exchange, if it is in the system
 *     and its reference flow is the exchanged flow.
 *  2. `preferred`: the provider the user chose for this flow (`preferredProviders`).
 *  3. `only-provider`: the one process whose reference flow has this exact flow id.
 *  4. Several candidates: `same-location` as the consuming process, then the first location in
 *     `regionPreference`, then `tie-break` (lowest process id, so results are reproducible; the
 *     decision is flagged as ambiguous in the explanation).
 *  5. No provider: the exchange is cut off. Cut-offs are listed with their amounts, never dropped
 *     silently.
 * Flows are matched by id only: openLCA data has distinct flows with equal names.
 */
export interface LinkingOptions {
  /** flow id → process id, for flows with several providers (rule 2). */
  readonly preferredProviders?: Readonly<Record<string, string>>;
  /** Locations in order of preference (rule 4), e.g. ["US", "RNA", "GLO"]. */
  readonly regionPreference?: readonly string[];
  /** Honour `defaultProvider` on exchanges (rule 1). Default true. */
  readonly useDefaultProviders?: boolean;
}

export type LinkRule =
  | 'default-provider'
  | 'preferred'
  | 'only-provider'
  | 'same-location'
  | 'region-preference'
  | 'tie-break';

export interface Link {
  readonly consumer: number;
  readonly provider: number;
  readonly flowId: string;
  readonly direction: Exchange['direction'];
  /** In the flow's reference unit, per one reference amount of the consumer. */
  readonly amount: Quantity;
  readonly rule: LinkRule;
  /** Process ids that could have supplied the flow, when there was more than one. */
  readonly candidates?: readonly string[];
}

/** An input with no provider, or a waste output with no treatment: it leaves the system boundary. */
export interface CutOff {
  readonly consumer: number;
  readonly flowId: string;
  readonly direction: Exchange['direction'];
  readonly amount: Quantity;
}

/**
 * A non-reference product output (co-product) or non-reference waste input. No allocation is
 * applied: the whole burden stays with the reference product, and the side flow is reported.
 */
export interface SideFlow {
  readonly process: number;
  readonly flowId: string;
  readonly direction: Exchange['direction'];
  readonly amount: Quantity;
}

export interface LinkedSystem {
  readonly processes: readonly Process[];
  readonly flows: ReadonlyMap<string, Flow>;
  readonly processIndex: ReadonlyMap<string, number>;
  /** Amount of the reference flow of each process, in its flow's unit. */
  readonly referenceAmounts: readonly Quantity[];
  readonly links: readonly Link[];
  readonly cutOffs: readonly CutOff[];
  readonly sideFlows: readonly SideFlow[];
  /** Elementary exchanges, per process index. */
  readonly elementary: readonly {
    readonly process: number;
    readonly flowId: string;
    readonly direction: Exchange['direction'];
    readonly amount: Quantity;
  }[];
  /** flow id → indices of processes whose reference flow it is. */
  readonly providers: ReadonlyMap<string, readonly number[]>;
}

export class ProductSystemError extends Error {
  constructor(
    message: string,
    readonly processId?: string,
    readonly flowId?: string,
  ) {
    super(message);
    this.name = 'ProductSystemError';
  }
}

/** The exchange amount in the flow's reference unit (exchanges in another unit are converted). */
export function amountInFlowUnit(ex: Exchange, flow: Flow, processId: string): Quantity {
  if (ex.amount.unit === flow.unit) return ex.amount;
  try {
    return {
      value: ex.amount.value * conversionFactor(ex.amount.unit, flow.unit),
      unit: flow.unit,
    };
  } catch (e) {
    throw new ProductSystemError(
      `exchange of "${flow.name}" in process ${processId} is in ${ex.amount.unit}, ` +
        `the flow's unit is ${flow.unit}: ${(e as Error).message}`,
      processId,
      flow.id,
    );
  }
}

export function linkProductSystem(
  data: ProductSystemData,
  options: LinkingOptions = {},
): LinkedSystem {
  const flows = new Map<string, Flow>();
  for (const f of data.flows) {
    if (flows.has(f.id))
      throw new ProductSystemError(`flow id ${f.id} is defined twice`, undefined, f.id);
    flows.set(f.id, f);
  }
  const processIndex = new Map<string, number>();
  const providers = new Map<string, number[]>();
  const referenceAmounts: Quantity[] = [];
  data.processes.forEach((p, j) => {
    if (processIndex.has(p.id))
      throw new ProductSystemError(`process id ${p.id} is defined twice`, p.id);
    processIndex.set(p.id, j);
    const flow = flows.get(p.referenceFlowId);
    if (!flow || flow.kind === 'elementary') {
      throw new ProductSystemError(
        `process "${p.name}" has no product or waste reference flow (${p.referenceFlowId})`,
        p.id,
        p.referenceFlowId,
      );
    }
    const refs = p.exchanges.filter(
      (e) => e.flowId === p.referenceFlowId && isReferenceSide(e, flow),
    );
    const first = refs[0];
    if (!first) {
      throw new ProductSystemError(
        `process "${p.name}" has no ${flow.kind === 'waste' ? 'input' : 'output'} of its reference flow`,
        p.id,
        flow.id,
      );
    }
    const amount = amountInFlowUnit(first, flow, p.id);
    if (amount.value === 0)
      throw new ProductSystemError(
        `process "${p.name}" has a zero reference amount`,
        p.id,
        flow.id,
      );
    referenceAmounts.push(amount);
    const list = providers.get(flow.id) ?? [];
    list.push(j);
    providers.set(flow.id, list);
  });

  const preferred = options.preferredProviders ?? {};
  const regions = options.regionPreference ?? [];
  const useDefault = options.useDefaultProviders ?? true;
  const links: Link[] = [];
  const cutOffs: CutOff[] = [];
  const sideFlows: SideFlow[] = [];
  const elementary: {
    process: number;
    flowId: string;
    direction: Exchange['direction'];
    amount: Quantity;
  }[] = [];

  data.processes.forEach((p, j) => {
    let referenceSeen = false;
    for (const ex of p.exchanges) {
      const flow = flows.get(ex.flowId);
      if (!flow)
        throw new ProductSystemError(
          `process "${p.name}" names unknown flow ${ex.flowId}`,
          p.id,
          ex.flowId,
        );
      const amount = amountInFlowUnit(ex, flow, p.id);
      if (flow.kind === 'elementary') {
        elementary.push({ process: j, flowId: flow.id, direction: ex.direction, amount });
        continue;
      }
      // The first exchange on the reference side of the reference flow is the diagonal entry.
      if (!referenceSeen && flow.id === p.referenceFlowId && isReferenceSide(ex, flow)) {
        referenceSeen = true;
        continue;
      }
      if (isReferenceSide(ex, flow)) {
        sideFlows.push({ process: j, flowId: flow.id, direction: ex.direction, amount });
        continue;
      }
      const choice = chooseProvider(
        ex,
        flow,
        p,
        providers,
        processIndex,
        data.processes,
        preferred,
        regions,
        useDefault,
      );
      if (choice) {
        links.push({ consumer: j, flowId: flow.id, direction: ex.direction, amount, ...choice });
      } else {
        cutOffs.push({ consumer: j, flowId: flow.id, direction: ex.direction, amount });
      }
    }
  });
  return {
    processes: data.processes,
    flows,
    processIndex,
    referenceAmounts,
    links,
    cutOffs,
    sideFlows,
    elementary,
    providers,
  };
}

/** Products are provided as outputs; waste is "provided" (treated) by a process taking it in. */
function isReferenceSide(ex: Exchange, flow: Flow): boolean {
  return flow.kind === 'waste' ? ex.direction === 'input' : ex.direction === 'output';
}

function chooseProvider(
  ex: Exchange,
  flow: Flow,
  consumer: Process,
  providers: ReadonlyMap<string, readonly number[]>,
  processIndex: ReadonlyMap<string, number>,
  processes: readonly Process[],
  preferred: Readonly<Record<string, string>>,
  regions: readonly string[],
  useDefault: boolean,
): { provider: number; rule: LinkRule; candidates?: readonly string[] } | undefined {
  const candidates = providers.get(flow.id) ?? [];
  const isCandidate = (id: string | undefined): number | undefined => {
    if (id === undefined) return undefined;
    const k = processIndex.get(id);
    return k !== undefined && candidates.includes(k) ? k : undefined;
  };
  const named = useDefault ? isCandidate(ex.defaultProvider) : undefined;
  const ids = candidates.length > 1 ? candidates.map((k) => processes[k]?.id ?? '') : undefined;
  const withIds = <T extends object>(o: T): T & { candidates?: readonly string[] } =>
    ids ? { ...o, candidates: ids } : o;
  if (named !== undefined) return withIds({ provider: named, rule: 'default-provider' as const });
  const chosen = isCandidate(preferred[flow.id]);
  if (chosen !== undefined) return withIds({ provider: chosen, rule: 'preferred' as const });
  const [only] = candidates;
  if (only === undefined) return undefined;
  if (candidates.length === 1) return { provider: only, rule: 'only-provider' };
  const local = candidates.filter(
    (k) => consumer.location !== undefined && processes[k]?.location === consumer.location,
  );
  const [firstLocal] = local;
  if (firstLocal !== undefined && local.length === 1)
    return withIds({ provider: firstLocal, rule: 'same-location' as const });
  const pool = local.length > 1 ? local : candidates;
  for (const region of regions) {
    const hit = pool.filter((k) => processes[k]?.location === region);
    const [h] = hit;
    if (h !== undefined && hit.length === 1)
      return withIds({ provider: h, rule: 'region-preference' as const });
  }
  const byId = [...pool].sort((a, b) =>
    (processes[a]?.id ?? '') < (processes[b]?.id ?? '') ? -1 : 1,
  );
  return withIds({ provider: byId[0] ?? only, rule: 'tie-break' as const });
}
