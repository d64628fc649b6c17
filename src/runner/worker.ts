import { parentPort, workerData } from 'node:worker_threads';
import { jscodeshiftFor } from '../engine/parse';
import { CODEMODS } from '../codemods/registry';
import type { CodemodManifestEntry, CodemodOptions } from '../engine/types';
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

/** What a worker started before the run's settings were known (prestart.ts) is sent first. */
export interface WorkerStart {
  init: WorkerInit;
}

/** `ready` once the parsers and codemods are loaded (so loading them counts against no file's time budget), then one `result` per file. */
export type WorkerReply = { type: 'ready' } | { type: 'result'; result: FileResult };

if (parentPort) {
  // stdout carries the diffs and the JSON document: whatever a codemod prints goes to stderr instead.
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  const port = parentPort;
  let init = workerData as WorkerInit | null;
  let codemods: CodemodManifestEntry[] = [];
  const begin = (settings: WorkerInit) => {
    init = settings;
    codemods = resolveCodemods(settings.selection);
    for (const entry of codemods) entry.load();
    port.postMessage({ type: 'ready' } satisfies WorkerReply);
  };
  jscodeshiftFor('ts')('0;');
  jscodeshiftFor('tsx')('0;');
  // Started early (no settings yet): every built-in codemod loads now, while the CLI reads its options.
  if (!init) for (const entry of CODEMODS) entry.load();
  port.on('message', (message: WorkerTask | WorkerStart) => {
    if ('init' in message) {
      begin(message.init);
      return;
    }
    for (const item of message.items) {
      const result = transformFile(item.file, item.source, codemods, init!.options);
      port.postMessage({ type: 'result', result } satisfies WorkerReply);
    }
  });
  if (init) begin(init);
}
