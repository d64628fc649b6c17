import { parentPort, workerData } from 'node:worker_threads';
import type { CodemodOptions } from '../engine/types';
import { resolveCodemods, type CodemodSelection } from './codemods';
import { transformFile, type FileResult } from './process';

/** Data every worker starts with: the same codemods and options as the main thread. */
export interface WorkerInit {
  selection: CodemodSelection;
  options: Partial<CodemodOptions>;
}

export interface WorkerTask {
  id: number;
  items: Array<{ file: string; source: string }>;
}

export interface WorkerReply {
  id: number;
  results: FileResult[];
}

if (parentPort) {
  const init = workerData as WorkerInit;
  const codemods = resolveCodemods(init.selection);
  const port = parentPort;
  port.on('message', (task: WorkerTask) => {
    const results = task.items.map((item) => transformFile(item.file, item.source, codemods, init.options));
    port.postMessage({ id: task.id, results } satisfies WorkerReply);
  });
}
