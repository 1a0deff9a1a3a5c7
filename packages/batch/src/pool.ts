import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FactorLookup } from '@carbonbase/engine';
import {
  finishRun,
  kernelColumns,
  setUpRun,
  type BatchOptions,
  type BatchResult,
} from './account.js';
import type { ActivityColumns, PreparedBatch } from './columns.js';
import type { KernelColumns, RowValues } from './kernel.js';
import type { RowAllocator } from './rows.js';
import type { WorkerMessage } from './worker.js';

export interface ParallelOptions extends BatchOptions {
  /** Worker threads; default: the machine's available parallelism. */
  readonly threads?: number;
}

/**
 * The compiled worker. From dist it sits beside this module; when this module runs from src (tests
 * under vitest) the built one in dist is used, which `npm run build` (run by `npm ci`) produces.
 */
function workerFile(): URL {
  const beside = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = new URL('../dist/worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new Error('packages/batch/dist/worker.js is missing: run `npm run build`');
}

const sharedFloat64 = (n: number) => new Float64Array(new SharedArrayBuffer(n * 8));
const sharedRows: RowAllocator = {
  f64: sharedFloat64,
  i8: (n) => new Int8Array(new SharedArrayBuffer(n)),
  i32: (n) => new Int32Array(new SharedArrayBuffer(n * 4)),
};

/** A typed array on shared memory: as is when it already is, else copied once. */
function shared<
  T extends Uint8Array | Int8Array | Uint16Array | Uint32Array | Int32Array | Float64Array,
>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const ctor = a.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new ctor(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}

function sharedColumns(batch: PreparedBatch, rows: RowValues | undefined): KernelColumns {
  const k = kernelColumns(batch, rows);
  return {
    enterpriseRegion: shared(k.enterpriseRegion),
    enterprise: shared(k.enterprise),
    year: shared(k.year),
    month: shared(k.month),
    kind: shared(k.kind),
    code: shared(k.code),
    unit: shared(k.unit),
    amount: shared(k.amount),
    ...(k.variant ? { variant: shared(k.variant) } : {}),
    ...(k.rows
      ? {
          rows: {
            value: shared(k.rows.value),
            scope: shared(k.rows.scope),
            source: shared(k.rows.source),
          },
        }
      : {}),
  };
}

/**
 * Worker threads kept for several runs (a server, a benchmark), so that thread start-up is paid
 * once. Runs on one pool take turns.
 */
export class BatchWorkerPool {
  private readonly workers: Worker[];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(threads: number = availableParallelism()) {
    const file = workerFile();
    this.workers = Array.from({ length: Math.max(1, threads) }, () => new Worker(file));
    // Idle workers must not keep the process alive.
    for (const w of this.workers) w.unref();
  }

  get threads(): number {
    return this.workers.length;
  }

  /**
   * `accountBatch` on the pool's threads: plans in this thread, then hands the partitions out one
   * at a time as workers finish. Columns and sums live on SharedArrayBuffers (columns generated
   * with `shared: true` are used in place). The result is identical to `accountBatch`'s.
   */
  account(
    columns: ActivityColumns,
    factors: FactorLookup,
    options: BatchOptions,
  ): Promise<BatchResult> {
    const next = this.queue.then(() => this.run(columns, factors, options));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(
    columns: ActivityColumns,
    factors: FactorLookup,
    options: BatchOptions,
  ): Promise<BatchResult> {
    const run = setUpRun(columns, factors, options, sharedFloat64, sharedRows);
    const count = run.partitions.length - 1;
    if (count === 0) return finishRun(run);
    const message: WorkerMessage = {
      run: {
        tables: run.tables,
        columns: sharedColumns(run.batch, run.rowValues),
        outputs: {
          total: run.total,
          byMonth: run.byMonth,
          byScope: run.byScope,
          byKind: run.byKind,
        },
        sourcePartials: run.sourcePartials,
        partitions: run.partitions,
      },
    };
    const workers = this.workers.slice(0, count);
    const cleanups: (() => void)[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        let next = 0;
        let done = 0;
        for (const w of workers) {
          const onMessage = () => {
            if (++done === count) resolve();
            else if (next < count) w.postMessage({ partition: next++ } satisfies WorkerMessage);
          };
          const onExit = (code: number) =>
            reject(new Error(`batch worker exited with code ${code}`));
          w.on('message', onMessage);
          w.on('error', reject);
          w.on('exit', onExit);
          cleanups.push(() => {
            w.off('message', onMessage);
            w.off('error', reject);
            w.off('exit', onExit);
          });
          w.ref();
          w.postMessage(message);
          // Two partitions in flight per worker keep it busy while the next request travels.
          for (let j = 0; j < 2 && next < count; j++)
            w.postMessage({ partition: next++ } satisfies WorkerMessage);
        }
      });
    } finally {
      for (const c of cleanups) c();
      for (const w of workers) w.unref();
    }
    return finishRun(run);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** One run on a pool of its own, closed afterwards (thread start-up included). */
export async function accountBatchParallel(
  columns: ActivityColumns,
  factors: FactorLookup,
  options: ParallelOptions,
): Promise<BatchResult> {
  const pool = new BatchWorkerPool(options.threads);
  try {
    return await pool.account(columns, factors, options);
  } finally {
    await pool.close();
  }
}
