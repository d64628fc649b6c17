import { Worker } from 'node:worker_threads';
import type { FileResult } from './process';
import { cpuSampler } from './cpu';
import { takePrestarted } from './prestart';
import type { WorkerInit, WorkerReply, WorkerStart, WorkerTask } from './worker';

export { workerScript } from './prestart';

/** The default time budget of one file (parse, every codemod, the check of the output), in seconds. */
export const DEFAULT_FILE_TIMEOUT = 60;

/**
 * Bytes of code to parse waiting per running worker before one more is started. A worker costs its own
 * start-up (loading jscodeshift and the codemods, 0.2–0.3 s) and runs cold at first (its first files take
 * about twice as long as later ones), and on 2 CPUs two workers share them with the reading thread and V8's
 * own compiler and GC threads. Measured on 2 CPUs (bench tree of 10,000 files): with 500 Bedrock files
 * (~370 KB to parse) a second worker finished no sooner and cost 2 s more CPU; with 2,000 (~1.5 MB) it was
 * 20–25% faster. Below ~384 KB waiting, one warm worker is done sooner.
 */
export const WORKER_BYTES = 384 * 1024;

export type Item = { file: string; source: string };

function outcome(file: string, status: 'skipped' | 'failed', reason: string): FileResult {
  return {
    file,
    status,
    reason,
    changedBy: [],
    markers: [],
    notes: [],
    ...(status === 'failed' ? { error: { line: 0, column: 0, message: reason } } : {}),
  };
}

/** What a worker is doing: the batch it was given and the file of it being worked on. */
interface Slot {
  worker: Worker;
  ready: boolean;
  batch: Item[];
  /** Index in `batch` of the file being worked on. */
  at: number;
  timer: NodeJS.Timeout | null;
  /** Set when the pool ended the worker itself (watchdog), so its exit is expected. */
  retired: boolean;
}

export interface PoolOptions {
  /** At most this many workers. */
  jobs: number;
  init: WorkerInit;
  onResult: (result: FileResult) => void;
  /** Time budget of one file in milliseconds; 0 turns the watchdog off. */
  budgetMs?: number;
  /** Workers started at once (default 1), before any file arrives, so their start-up overlaps the walk. */
  eager?: number;
  /** Queued bytes per running worker before another is started (default WORKER_BYTES). */
  bytesPerWorker?: number;
  /**
   * Whether the machine has no CPU to spare (default: cpuSampler() from the pool's start): then no worker
   * beyond the first is started, as one more thread would only take turns with the others and pay its own
   * start-up.
   */
  busy?: () => boolean;
}

/**
 * Transforms files on worker threads as they are added. The first worker starts at once (its start-up
 * overlaps discovery); another starts, up to `jobs`, whenever the code waiting for a worker exceeds
 * `bytesPerWorker` per running worker, so a small run pays for one worker only. Files go out in small
 * batches as workers free up (parse times are uneven), and each result is handed to `onResult` as it
 * arrives. A watchdog gives every file `budgetMs`: a worker still busy with one file after that (a codemod
 * in an endless loop, a pathological input) is stopped from outside — the only way to stop synchronous
 * code — the file is reported as skipped, and a fresh worker takes the rest. A worker that dies (out of
 * memory, a crash) costs the file it was on, reported as failed. Whatever happens to one file, every other
 * file gets its result.
 */
export class WorkerPool {
  private readonly queue: Item[] = [];
  private queuedBytes = 0;
  private pending = 0;
  private closed = false;
  private failure: Error | null = null;
  private readonly slots = new Set<Slot>();
  private readonly budgetMs: number;
  private readonly bytesPerWorker: number;
  private readonly busy: () => boolean;
  private settle: { resolve: () => void; reject: (error: Error) => void } | null = null;

  constructor(
    private readonly script: string,
    private readonly options: PoolOptions,
  ) {
    this.budgetMs = options.budgetMs ?? DEFAULT_FILE_TIMEOUT * 1000;
    this.bytesPerWorker = options.bytesPerWorker ?? WORKER_BYTES;
    this.busy = options.busy ?? cpuSampler();
    const eager = Math.max(0, Math.min(options.jobs, options.eager ?? 1));
    for (let i = 0; i < eager; i++) this.start();
  }

  /** Workers started so far (replacements included). */
  started = 0;

  add(item: Item): void {
    if (this.closed) throw new Error('the worker pool is closed');
    this.pending++;
    this.queue.push(item);
    this.queuedBytes += item.source.length;
    for (const slot of this.slots) if (slot.ready && slot.at >= slot.batch.length) this.feed(slot);
    if (this.slots.size >= this.options.jobs) return;
    if (this.slots.size === 0 || (this.queuedBytes > this.bytesPerWorker * this.slots.size && !this.busy())) this.start();
  }

  /**
   * Hands each ready worker up to `count` more waiting files at once, after the batch it has: this thread
   * is about to be busy (loading a module for a later step) and cannot feed them file by file meanwhile.
   */
  prefetch(count: number): void {
    for (const slot of this.slots) {
      if (!slot.ready || this.queue.length === 0) continue;
      const more = this.queue.splice(0, count);
      for (const item of more) this.queuedBytes -= item.source.length;
      const idle = slot.at >= slot.batch.length;
      slot.batch = idle ? more : [...slot.batch, ...more];
      if (idle) slot.at = 0;
      slot.worker.postMessage({ items: more } satisfies WorkerTask);
      if (idle) this.arm(slot);
    }
  }

  /** Resolves once every added file has its result; rejects when a worker cannot start. */
  close(): Promise<void> {
    this.closed = true;
    const done = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    this.finish();
    return done.finally(() => Promise.all([...this.slots].map((s) => s.worker.terminate())).then(() => undefined));
  }

  /** Stops every worker at once (the run failed elsewhere); results still on their way are dropped. */
  async abort(): Promise<void> {
    this.closed = true;
    const slots = [...this.slots];
    for (const slot of slots) {
      slot.retired = true;
      if (slot.timer) clearTimeout(slot.timer);
    }
    this.slots.clear();
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private finish(): void {
    if (!this.settle) return;
    if (this.failure) this.settle.reject(this.failure);
    else if (this.pending === 0) this.settle.resolve();
  }

  private deliver(result: FileResult): void {
    this.pending--;
    this.options.onResult(result);
  }

  private batchSize(): number {
    // Small batches near the end, so no worker sits on a backlog while another is idle.
    return Math.max(1, Math.min(8, Math.ceil(this.queue.length / (this.slots.size * 4))));
  }

  private feed(slot: Slot): void {
    if (this.queue.length === 0) {
      slot.batch = [];
      slot.at = 0;
      this.finish();
      return;
    }
    slot.batch = this.queue.splice(0, this.batchSize());
    for (const item of slot.batch) this.queuedBytes -= item.source.length;
    slot.at = 0;
    slot.worker.postMessage({ items: slot.batch } satisfies WorkerTask);
    this.arm(slot);
  }

  private requeue(items: Item[]): void {
    this.queue.unshift(...items);
    for (const item of items) this.queuedBytes += item.source.length;
  }

  private arm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.at >= slot.batch.length || this.budgetMs <= 0) return;
    slot.timer = setTimeout(() => {
      const stuck = slot.batch[slot.at]!;
      const seconds = this.budgetMs / 1000;
      this.retire(slot);
      this.deliver(outcome(stuck.file, 'skipped', `stopped after ${seconds} s on this file (a codemod may be stuck on it); raise --file-timeout to give it longer`));
      this.requeue(slot.batch.slice(slot.at + 1));
      this.replace();
    }, this.budgetMs);
    slot.timer.unref?.();
  }

  private retire(slot: Slot): void {
    slot.retired = true;
    if (slot.timer) clearTimeout(slot.timer);
    this.slots.delete(slot);
    void slot.worker.terminate();
  }

  /** After a worker was lost: a fresh one when files wait (or may still come and none is left). */
  private replace(): void {
    if (this.queue.length > 0 || (!this.closed && this.slots.size === 0)) this.start();
    else this.finish();
  }

  private died(slot: Slot, why: string): void {
    if (slot.retired) return;
    if (!slot.ready) {
      // A worker that cannot even start will not start the next time either.
      this.retire(slot);
      this.failure = new Error(`a worker thread could not start: ${why}`);
      this.finish();
      return;
    }
    const lost = slot.batch[slot.at];
    this.retire(slot);
    if (lost) {
      this.deliver(outcome(lost.file, 'failed', `the worker thread stopped while on this file (${why}); not written`));
      this.requeue(slot.batch.slice(slot.at + 1));
    }
    this.replace();
  }

  private start(): void {
    if (this.failure) return;
    this.started++;
    // A worker started before the run (prestart.ts) is taken first: it has been loading meanwhile.
    const early = takePrestarted(this.script);
    early?.postMessage({ init: this.options.init } satisfies WorkerStart);
    const worker = early ?? new Worker(this.script, { workerData: this.options.init });
    const slot: Slot = { worker, ready: false, batch: [], at: 0, timer: null, retired: false };
    this.slots.add(slot);
    slot.worker.on('message', (reply: WorkerReply) => {
      if (slot.retired) return;
      if (reply.type === 'ready') {
        slot.ready = true;
        this.feed(slot);
        return;
      }
      slot.at++;
      this.deliver(reply.result);
      if (slot.at >= slot.batch.length) this.feed(slot);
      else this.arm(slot);
    });
    slot.worker.on('error', (error) => this.died(slot, error.message.split('\n')[0]!));
    slot.worker.on('exit', (code) => this.died(slot, `exit code ${code}`));
  }
}

/** Transforms a known list of files on up to `jobs` worker threads, all started at once (see WorkerPool). */
export async function runInWorkers(
  script: string,
  items: Item[],
  jobs: number,
  init: WorkerInit,
  onResult: (result: FileResult) => void,
  budgetMs = DEFAULT_FILE_TIMEOUT * 1000,
): Promise<void> {
  const count = Math.max(1, Math.min(jobs, items.length));
  const pool = new WorkerPool(script, { jobs: count, init, onResult, budgetMs, eager: count });
  for (const item of items) pool.add(item);
  await pool.close();
}
