import fs from 'node:fs';
import path from 'node:path';
import { Project, ts, type Diagnostic, type SourceFile } from 'ts-morph';

/** One file to check: its text after the migration, and before it when that is not what is on disk. */
export interface VerifyChange {
  file: string;
  after: string;
  before?: string;
}

export interface VerifyDiagnostic {
  /** Absolute path. */
  file: string;
  line: number;
  code: number;
  message: string;
}

export interface VerifyFile {
  file: string;
  /** checked, or why not. */
  status: 'checked' | 'not-checked';
  reason?: string;
  before: number;
  after: number;
  introduced: VerifyDiagnostic[];
  /** Diagnostics that were there before and are gone after the migration. */
  fixed: number;
}

export interface VerifyResult {
  tsconfig: string;
  files: VerifyFile[];
  introduced: number;
}

/** The nearest tsconfig.json at or above `dir`. */
export function findTsconfig(dir: string): string | null {
  let current = path.resolve(dir);
  for (;;) {
    const file = path.join(current, 'tsconfig.json');
    if (fs.existsSync(file)) return file;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

function key(d: Diagnostic): string {
  return `${d.getCode()}\u0000${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n')}`;
}

function toVerify(d: Diagnostic, file: string): VerifyDiagnostic {
  return {
    file,
    line: d.getLineNumber() ?? 0,
    code: d.getCode(),
    message: ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n'),
  };
}

const TS_FILE = /\.(ts|tsx|mts|cts)$/;

/**
 * Type-checks the changed files in the project's own program (its tsconfig), first as they are on disk,
 * then with the migrated text in memory, and keeps only the diagnostics the migration introduced.
 * Diagnostics are matched by code and message (not line: the migration moves lines), as a multiset.
 */
export function verifyChanges(tsconfig: string, changed: readonly VerifyChange[]): VerifyResult {
  const project = new Project({ tsConfigFilePath: tsconfig });
  const files: VerifyFile[] = [];
  const targets: Array<{ result: VerifyChange; sf: SourceFile }> = [];
  for (const result of changed) {
    let sf = project.getSourceFile(result.file);
    if (!sf && TS_FILE.test(result.file) && !/\.d\.[cm]?ts$/.test(result.file)) sf = project.addSourceFileAtPath(result.file);
    if (!sf) {
      files.push({ file: result.file, status: 'not-checked', reason: 'not part of the TypeScript program (JavaScript without checkJs?)', before: 0, after: 0, introduced: [], fixed: 0 });
      continue;
    }
    if (result.before !== undefined) sf.replaceWithText(result.before);
    targets.push({ result, sf });
  }
  const before = targets.map(({ sf }) => sf.getPreEmitDiagnostics());
  for (const { result, sf } of targets) sf.replaceWithText(result.after);
  targets.forEach(({ result, sf }, i) => {
    const after = sf.getPreEmitDiagnostics();
    const pool = new Map<string, number>();
    for (const d of before[i]) pool.set(key(d), (pool.get(key(d)) ?? 0) + 1);
    const introduced: VerifyDiagnostic[] = [];
    for (const d of after) {
      const k = key(d);
      const left = pool.get(k) ?? 0;
      if (left > 0) pool.set(k, left - 1);
      else introduced.push(toVerify(d, result.file));
    }
    const fixed = [...pool.values()].reduce((a, b) => a + b, 0);
    files.push({ file: result.file, status: 'checked', before: before[i].length, after: after.length, introduced, fixed });
  });
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { tsconfig, files, introduced: files.reduce((n, f) => n + f.introduced.length, 0) };
}
