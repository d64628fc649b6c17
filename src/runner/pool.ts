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

/**
 * Transforms files on `jobs` worker threads. Files go out in small batches as workers free up
 * (parse times are uneven), and each result is handed to `onResult` as it arrives.
 */
export async function runInWorkers(
  script: string,
  items: Array<{ file: string; source: string }>,
  jobs: number,
  init: WorkerInit,
  onResult: (result: FileResult) => void,
): Promise<void> {
  const count = Math.max(1, Math.min(jobs, items.length));
  const batch = Math.max(1, Math.min(8, Math.ceil(items.length / (count * 4))));
  let next = 0;
  let nextId = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      const feed = (worker: Worker) => {
        if (next >= items.length) {
          if (running === 0) resolve();
          return;
        }
        const task: WorkerTask = { id: nextId++, items: items.slice(next, next + batch) };
        next += task.items.length;
        running++;
        worker.postMessage(task);
      };
      for (let i = 0; i < count; i++) {
        const worker = new Worker(script, { workerData: init });
        workers.push(worker);
        worker.on('message', (reply: WorkerReply) => {
          running--;
          for (const r of reply.results) onResult(r);
          feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`worker stopped with exit code ${code}`));
        });
      }
      for (const worker of workers) feed(worker);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
