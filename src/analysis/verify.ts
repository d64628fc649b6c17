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
/** At most this many files that import a changed file are checked too. */
const MAX_DEPENDENTS = 200;

function compare(beforeDiags: readonly Diagnostic[], afterDiags: readonly Diagnostic[], file: string): { introduced: VerifyDiagnostic[]; fixed: number } {
  const pool = new Map<string, number>();
  for (const d of beforeDiags) pool.set(key(d), (pool.get(key(d)) ?? 0) + 1);
  const introduced: VerifyDiagnostic[] = [];
  for (const d of afterDiags) {
    const k = key(d);
    const left = pool.get(k) ?? 0;
    if (left > 0) pool.set(k, left - 1);
    else introduced.push(toVerify(d, file));
  }
  return { introduced, fixed: [...pool.values()].reduce((a, b) => a + b, 0) };
}

/**
 * Type-checks the changed files in the project's own program (its tsconfig), first as they are on disk
 * (or as `before` says), then with the migrated text in memory, and keeps only the diagnostics the
 * migration introduced. Files that import a changed file are checked the same way, since a changed
 * export can break them. Diagnostics are matched by code and message (not line: the migration moves
 * lines), as a multiset.
 */
export function verifyChanges(tsconfig: string, changed: readonly VerifyChange[]): VerifyResult {
  const project = new Project({ tsConfigFilePath: tsconfig });
  const files: VerifyFile[] = [];
  const targets: Array<{ file: string; after?: string; sf: SourceFile; dependent: boolean }> = [];
  for (const result of changed) {
    let sf = project.getSourceFile(result.file);
    if (!sf && TS_FILE.test(result.file) && !/\.d\.[cm]?ts$/.test(result.file)) sf = project.addSourceFileAtPath(result.file);
    if (!sf) {
      files.push({ file: result.file, status: 'not-checked', reason: 'not part of the TypeScript program (JavaScript without checkJs?)', before: 0, after: 0, introduced: [], fixed: 0 });
      continue;
    }
    if (result.before !== undefined) sf.replaceWithText(result.before);
    targets.push({ file: result.file, after: result.after, sf, dependent: false });
  }
  const changedPaths = new Set(targets.map((t) => t.sf.getFilePath()));
  const dependents = new Map<string, SourceFile>();
  for (const t of [...targets]) {
    for (const ref of t.sf.getReferencingSourceFiles()) {
      const p = ref.getFilePath();
      if (changedPaths.has(p) || dependents.has(p) || ref.isDeclarationFile() || ref.isInNodeModules()) continue;
      if (dependents.size >= MAX_DEPENDENTS) break;
      dependents.set(p, ref);
    }
  }
  for (const [p, sf] of dependents) targets.push({ file: path.normalize(p), sf, dependent: true });

  const before = targets.map(({ sf }) => sf.getPreEmitDiagnostics());
  for (const t of targets) if (t.after !== undefined) t.sf.replaceWithText(t.after);
  targets.forEach((t, i) => {
    const after = t.sf.getPreEmitDiagnostics();
    const { introduced, fixed } = compare(before[i], after, t.file);
    // An importing file is listed only when the migration affects it.
    if (t.dependent && introduced.length === 0 && fixed === 0) return;
    files.push({
      file: t.file,
      status: 'checked',
      ...(t.dependent ? { reason: 'imports a changed file' } : {}),
      before: before[i].length,
      after: after.length,
      introduced,
      fixed,
    });
  });
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { tsconfig, files, introduced: files.reduce((n, f) => n + f.introduced.length, 0) };
}
