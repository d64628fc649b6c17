import { parentPort, workerData } from 'node:worker_threads';
import { jscodeshiftFor } from '../engine/parse';
import type { CodemodOptions } from '../engine/types';
import { resolveCodemods, type CodemodSelection } from './codemods';
import { transformFile, type FileResult } from './process';

/** Data every worker starts with: the same codemods and options as the main thread. */
export interface WorkerInit {
  selection: CodemodSelection;
  options: Partial<CodemodOptions>;
}

export interface WorkerTask {
  items: Array<{ file: string; source: string }>;
}

/** `ready` once the parsers and codemods are loaded (so loading them counts against no file's time budget), then one `result` per file. */
export type WorkerReply = { type: 'ready' } | { type: 'result'; result: FileResult };

if (parentPort) {
  // stdout carries the diffs and the JSON document: whatever a codemod prints goes to stderr instead.
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  const init = workerData as WorkerInit;
  const codemods = resolveCodemods(init.selection);
  jscodeshiftFor('ts')('0;');
  jscodeshiftFor('tsx')('0;');
  for (const entry of codemods) entry.load();
  const port = parentPort;
  port.on('message', (task: WorkerTask) => {
    for (const item of task.items) {
      const result = transformFile(item.file, item.source, codemods, init.options);
      port.postMessage({ type: 'result', result } satisfies WorkerReply);
    }
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}
