/**
 * A worker started before the command line is even read. Loading the parsers and the codemods costs a
 * worker ~0.2–0.3 s, and the runner's first files wait for it; the CLI's own start-up (its modules, the
 * options, the config file) takes ~0.1 s. Started first thing, the worker loads while the CLI starts, and
 * the pool adopts it with the run's settings (`{ init }`, see worker.ts). A command that runs no codemods
 * never adopts it: it is unref'd, so it never keeps the process alive, and `discardPrestarted` stops it.
 *
 * This module loads nothing but node:worker_threads, so that requiring it costs the CLI nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

let early: Worker | null = null;

/** The compiled worker script, or null when running from TypeScript sources (tests): then work stays in process. */
export function workerScript(): string | null {
  const file = path.join(__dirname, 'worker.js');
  return __filename.endsWith('.js') && fs.existsSync(file) ? file : null;
}

/** Starts one worker without settings, once; it loads and waits for `{ init }`. */
export function prestartWorker(): void {
  const file = workerScript();
  if (early || !file) return;
  early = new Worker(file, { workerData: null });
  early.unref();
  // Whatever happens to it before a pool adopts it, the pool starts its own.
  early.on('error', lost);
  early.on('exit', lost);
}

function lost(): void {
  early = null;
}

/** The prestarted worker for `file`, handed over once (ref'd again: the pool waits on it), or null. */
export function takePrestarted(file: string): Worker | null {
  if (!early || file !== workerScript()) return null;
  const worker = early;
  early = null;
  worker.off('error', lost);
  worker.off('exit', lost);
  worker.ref();
  return worker;
}

/** Stops a prestarted worker no pool took (the run parsed nothing, or ran in this thread). */
export function discardPrestarted(): void {
  if (!early) return;
  void early.terminate();
  early = null;
}
