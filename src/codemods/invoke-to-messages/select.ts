/**
 * Which destination a file's InvokeModel calls go to: `--api converse|messages` (default converse), and per
 * path glob (`--api-path <glob=api>`, or `apiPaths` in the config file, whose globs are relative to the
 * config file's directory). The manifest's `enabled` predicates read it, so the Converse codemods and this
 * one never both run on a file.
 */
import path from 'node:path';
import ignore from 'ignore';
import { parsePairs } from '../../engine/options';
import type { CodemodOptions } from '../../engine/types';

export const APIS = ['converse', 'messages'] as const;
export type Api = (typeof APIS)[number];

function checked(value: unknown, where: string): Api {
  const api = String(value);
  if (!(APIS as readonly string[]).includes(api)) throw new Error(`${where} must be one of ${APIS.join(', ')}, got "${api}"`);
  return api as Api;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** True when `file` matches the gitignore-style `glob` (absolute globs against the absolute path). */
function matches(glob: string, file: string): boolean {
  const abs = toPosix(path.resolve(file));
  if (glob.startsWith('/')) return ignore().add(glob.slice(1)).ignores(abs.slice(1));
  const rel = toPosix(path.isAbsolute(file) ? path.relative(process.cwd(), file) : file);
  if (!rel || rel.startsWith('..')) return false;
  return ignore().add(glob).ignores(rel);
}

/** The destination for one file: the last matching `apiPaths` glob wins, else `api`, else converse. */
export function apiFor(options: CodemodOptions, file: string): Api {
  const byPath = options.apiPaths === undefined ? {} : parsePairs(options.apiPaths);
  let chosen: Api | undefined;
  for (const [glob, api] of Object.entries(byPath)) {
    if (matches(glob, file)) chosen = checked(api, `--api-path ${glob}`);
  }
  return chosen ?? (options.api === undefined ? 'converse' : checked(options.api, '--api'));
}
