import { parentPort } from 'node:worker_threads';
import {
  computeRange,
  type KernelColumns,
  type KernelOutputs,
  type KernelTables,
} from './kernel.js';

/** What the pool hands each worker per run: shared columns and sums, a copy of the small tables. */
export interface WorkerRun {
  readonly tables: KernelTables;
  readonly columns: KernelColumns;
  readonly outputs: KernelOutputs;
  readonly sourcePartials: Float64Array;
  readonly partitions: Uint32Array;
}

export type WorkerMessage = { readonly run: WorkerRun } | { readonly partition: number };

let run: WorkerRun | undefined;
// Partitions never share an enterprise, so workers write disjoint slots of the shared sums.
parentPort!.on('message', (m: WorkerMessage) => {
  if ('run' in m) {
    run = m.run;
    return;
  }
  const k = m.partition;
  const s = run!.tables.sources;
  computeRange(
    run!.tables,
    run!.columns,
    run!.outputs,
    run!.sourcePartials.subarray(k * s, (k + 1) * s),
    run!.partitions[k]!,
    run!.partitions[k + 1]!,
  );
  parentPort!.postMessage(k);
});
