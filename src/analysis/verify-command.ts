import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { colorEnabled, makeColors } from '../cli/colors';
import { runConfig, settingsFrom, UsageError, type Io, type RunFlags } from '../cli/run';
import type { FileResult } from '../runner/process';
import { analyse, displayPath } from '../runner/runner';
import { findTsconfig, verifyChanges, type VerifyChange } from './verify';

const CHECKED = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** Files that differ between `ref` and the working tree under `paths`, with their text at `ref`. */
function changesSince(ref: string, paths: readonly string[], cwd: string): VerifyChange[] {
  const git = (args: string[], where = cwd) => execFileSync('git', args, { cwd: where, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel']).trim();
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`--against ${ref}: not a commit of a git repository here`);
  }
  const rels = paths.map((p) => path.relative(top, path.resolve(cwd, p)) || '.');
  const names = git(['diff', '--name-only', '-z', '--diff-filter=M', ref, '--', ...rels], top).split('\0').filter(Boolean);
  const out: VerifyChange[] = [];
  for (const name of names) {
    if (!CHECKED.test(name)) continue;
    const file = path.join(top, name);
    out.push({ file, before: git(['show', `${ref}:${name}`], top), after: fs.readFileSync(file, 'utf8') });
  }
  return out;
}

/**
 * `verify`: computes the migration in memory (nothing is written) and type-checks the changed files
 * before and after. Exit 0: no new diagnostics; 1: the migration introduces diagnostics; 2: failures.
 */
export async function verifyCommand(paths: string[], flags: RunFlags, project: string | undefined, io: Io, against?: string): Promise<number> {
  const settings = settingsFrom(paths, flags, io.cwd);
  const tsconfig = project ? path.resolve(io.cwd, project) : findTsconfig(io.cwd);
  if (!tsconfig) throw new UsageError('verify needs a tsconfig.json: none found at or above the current directory (use --project)');
  let changes: VerifyChange[];
  let failed: FileResult[] = [];
  if (against) changes = changesSince(against, settings.paths, io.cwd);
  else {
    const run = await analyse(runConfig(settings, flags, io.cwd));
    // Config files (.json, .env, …) are not type-checked.
    changes = run.files.filter((f) => f.status === 'changed' && CHECKED.test(f.file)).map((f) => ({ file: f.file, after: f.output! }));
    failed = run.files.filter((f) => f.status === 'failed');
  }
  const result = verifyChanges(tsconfig, changes);
  const code = failed.length > 0 ? 2 : result.introduced > 0 ? 1 : 0;

  if (flags.json) {
    const doc = {
      schemaVersion: 1,
      tsconfig: displayPath(io.cwd, tsconfig),
      against: against ?? null,
      exitCode: code,
      introduced: result.introduced,
      files: result.files.map((f) => ({
        path: displayPath(io.cwd, f.file),
        status: f.status,
        reason: f.reason ?? null,
        before: f.before,
        after: f.after,
        fixed: f.fixed,
        introduced: f.introduced.map((d) => ({ line: d.line, code: d.code, message: d.message })),
      })),
      failed: failed.map((f) => ({ path: displayPath(io.cwd, f.file), line: f.error?.line ?? 0, message: f.error?.message ?? f.reason })),
    };
    io.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    return code;
  }

  const c = makeColors(colorEnabled(io.stdout, flags.color === false ? false : undefined, io.env));
  const what = against ? `changed since ${against}` : 'the migration would change';
  const how = against ? `at ${against} and as they are now` : 'before and after the migration, nothing written';
  io.stdout.write(`Checking ${changes.length} file${changes.length === 1 ? '' : 's'} ${what} against ${displayPath(io.cwd, tsconfig)} (${how})\n\n`);
  const width = Math.min(60, Math.max(0, ...result.files.map((f) => displayPath(io.cwd, f.file).length)));
  for (const f of result.files) {
    const where = displayPath(io.cwd, f.file).padEnd(width);
    if (f.status === 'not-checked') {
      io.stdout.write(`  ${c.dim('not checked')}  ${where}  ${f.reason}\n`);
      continue;
    }
    const fixed = (f.fixed ? ` · ${f.fixed} fixed` : '') + (f.reason ? ` · ${f.reason}` : '');
    if (f.introduced.length === 0) {
      io.stdout.write(`  ${c.green('ok')}           ${where}  no new diagnostics (${f.before} before, ${f.after} after${fixed})\n`);
      continue;
    }
    io.stdout.write(`  ${c.red('new errors')}   ${where}  ${f.introduced.length} introduced (${f.before} before, ${f.after} after${fixed})\n`);
    for (const d of f.introduced) io.stdout.write(`      ${where.trimEnd()}:${d.line}  TS${d.code}: ${d.message.split('\n').join('\n        ')}\n`);
  }
  for (const f of failed) io.stdout.write(`  ${c.red('failed')}       ${displayPath(io.cwd, f.file)}${f.error?.line ? `:${f.error.line}` : ''}  ${f.error?.message ?? f.reason}\n`);
  io.stdout.write(
    `\n${c.bold('Verify:')} ${result.introduced === 0 ? c.green('the migration introduces no type errors') : c.red(`${result.introduced} diagnostic${result.introduced === 1 ? '' : 's'} introduced by the migration`)}` +
      `${failed.length ? `; ${c.red(`${failed.length} file(s) failed`)}` : ''}.\n`,
  );
  return code;
}
