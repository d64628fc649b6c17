/**
 * Multi-module fixtures: `__testfixtures__/multi-module/<case>/` holds a small project as `input/` (every
 * module as written) and `output/` (every module as the runner must leave it, unchanged ones included), and
 * optionally `run.json`: a run spec (see equivalence.ts) plus `"entry"`, the module (relative to `input/` and
 * `output/`) whose export is called. The entry's relative imports load the case's other modules
 * (run-module.ts), so input and output run as the whole application against the stub.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyse } from '../../src/runner/runner';
import type { FileResult } from '../../src/runner/process';
import { parseRunSpec, type RunnableCase } from './equivalence';

export interface MultiModuleCase {
  name: string;
  inputDir: string;
  outputDir: string;
  /** Module paths relative to `input/`, sorted. */
  files: string[];
  runnable?: RunnableCase;
}

export function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

export function discoverMultiModuleCases(root: string): MultiModuleCase[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .sort()
    .filter((name) => fs.statSync(path.join(root, name)).isDirectory())
    .map((name) => {
      const dir = path.join(root, name);
      const inputDir = path.join(dir, 'input');
      const outputDir = path.join(dir, 'output');
      const runPath = path.join(dir, 'run.json');
      const c: MultiModuleCase = { name, inputDir, outputDir, files: listFiles(inputDir) };
      if (fs.existsSync(runPath)) {
        const { entry, ...raw } = JSON.parse(fs.readFileSync(runPath, 'utf8')) as Record<string, unknown>;
        if (typeof entry !== 'string' || !c.files.includes(entry)) throw new Error(`${runPath}: "entry" must name a module of input/`);
        c.runnable = {
          codemod: 'multi-module',
          name,
          inputPath: path.join(inputDir, entry),
          outputPath: path.join(outputDir, entry),
          runPath,
          spec: parseRunSpec(raw, runPath),
        };
      }
      return c;
    });
}

export interface TreeRun {
  /** Relative path → the text the runner would leave (its output, or the file as it was). */
  texts: Map<string, string>;
  results: Map<string, FileResult>;
}

/** Copies a tree to a temp dir and runs the runner over it (preview, invoke-to-converse, in this thread). */
export async function runTree(dir: string): Promise<TreeRun> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'multi-module-'));
  try {
    fs.cpSync(dir, tmp, { recursive: true });
    const run = await analyse({ paths: ['.'], cwd: tmp, selection: { only: ['invoke-to-converse'] }, options: {}, jobs: 1 });
    const texts = new Map<string, string>();
    const results = new Map<string, FileResult>();
    for (const rel of listFiles(tmp)) texts.set(rel, fs.readFileSync(path.join(tmp, rel), 'utf8'));
    for (const r of run.files) {
      const rel = path.relative(fs.realpathSync(tmp), fs.realpathSync(r.file)).split(path.sep).join('/');
      results.set(rel, r);
      if (r.status === 'changed' && r.output !== undefined) texts.set(rel, r.output);
    }
    return { texts, results };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
