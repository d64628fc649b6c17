import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileResult } from './process';
import type { WorkerInit, WorkerReply, WorkerTask } from './worker';

/** The compiled worker script, or null when running from TypeScript sources (tests): then work stays in process. */
export function workerScript(): string | null {
  const file = path.join(__dirname, 'worker.js');
  return __filename.endsWith('.js') && fs.existsSync(file) ? file : null;
}

/** The default time budget of one file (parse, every codemod, the check of the output), in seconds. */
export const DEFAULT_FILE_TIMEOUT = 60;

type Item = { file: string; source: string };

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

/**
 * Transforms files on `jobs` worker threads. Files go out in small batches as workers free up (parse times
 * are uneven), and each result is handed to `onResult` as it arrives. A watchdog gives every file
 * `budgetMs`: a worker still busy with one file after that (a codemod in an endless loop, a pathological
 * input) is stopped from outside — the only way to stop synchronous code — the file is reported as
 * skipped, and a fresh worker takes the rest. A worker that dies (out of memory, a crash) costs the file it
 * was on, reported as failed. Whatever happens to one file, every other file gets its result.
 */
export async function runInWorkers(
  script: string,
  items: Item[],
  jobs: number,
  init: WorkerInit,
  onResult: (result: FileResult) => void,
  budgetMs = DEFAULT_FILE_TIMEOUT * 1000,
): Promise<void> {
  const count = Math.max(1, Math.min(jobs, items.length));
  const batchSize = Math.max(1, Math.min(8, Math.ceil(items.length / (count * 4))));
  const queue: Item[] = [...items];
  let pending = items.length;
  const slots = new Set<Slot>();
  const seconds = budgetMs / 1000;
  try {
    await new Promise<void>((resolve, reject) => {
      const finish = () => {
        if (pending === 0) resolve();
      };
      const arm = (slot: Slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = null;
        if (slot.at >= slot.batch.length || budgetMs <= 0) return;
        slot.timer = setTimeout(() => {
          const stuck = slot.batch[slot.at]!;
          retire(slot);
          deliver(outcome(stuck.file, 'skipped', `stopped after ${seconds} s on this file (a codemod may be stuck on it); raise --file-timeout to give it longer`));
          queue.unshift(...slot.batch.slice(slot.at + 1));
          start();
        }, budgetMs);
        slot.timer.unref?.();
      };
      const deliver = (result: FileResult) => {
        pending--;
        onResult(result);
      };
      const feed = (slot: Slot) => {
        if (queue.length === 0) {
          slot.batch = [];
          slot.at = 0;
          finish();
          return;
        }
        slot.batch = queue.splice(0, batchSize);
        slot.at = 0;
        slot.worker.postMessage({ items: slot.batch } satisfies WorkerTask);
        arm(slot);
      };
      const retire = (slot: Slot) => {
        slot.retired = true;
        if (slot.timer) clearTimeout(slot.timer);
        slots.delete(slot);
        void slot.worker.terminate();
      };
      const died = (slot: Slot, why: string) => {
        if (slot.retired) return;
        if (!slot.ready) {
          // A worker that cannot even start will not start the next time either.
          retire(slot);
          reject(new Error(`a worker thread could not start: ${why}`));
          return;
        }
        const lost = slot.batch[slot.at];
        retire(slot);
        if (lost) {
          deliver(outcome(lost.file, 'failed', `the worker thread stopped while on this file (${why}); not written`));
          queue.unshift(...slot.batch.slice(slot.at + 1));
        }
        if (pending > 0) start();
        else finish();
      };
      const start = () => {
        if (pending === 0 || queue.length === 0) return finish();
        const slot: Slot = { worker: new Worker(script, { workerData: init }), ready: false, batch: [], at: 0, timer: null, retired: false };
        slots.add(slot);
        slot.worker.on('message', (reply: WorkerReply) => {
          if (slot.retired) return;
          if (reply.type === 'ready') {
            slot.ready = true;
            feed(slot);
            return;
          }
          slot.at++;
          deliver(reply.result);
          if (slot.at >= slot.batch.length) feed(slot);
          else arm(slot);
        });
        slot.worker.on('error', (error) => died(slot, error.message.split('\n')[0]!));
        slot.worker.on('exit', (code) => died(slot, `exit code ${code}`));
      };
      for (let i = 0; i < count; i++) start();
    });
  } finally {
    await Promise.all([...slots].map((s) => s.worker.terminate()));
  }
}
