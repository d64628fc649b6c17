import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface GitState {
  /** False when the paths are not inside a git work tree (or git is missing). */
  repository: boolean;
  /** `git status --porcelain` lines for the given paths: modified, staged or untracked files. */
  dirty: string[];
  /** The work tree's top directory (porcelain paths are relative to it). */
  top?: string;
}

/** The uncommitted changes under `paths` (each checked in the repository that holds it). */
export function gitState(paths: readonly string[], cwd: string): GitState {
  let top: string;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return { repository: false, dirty: [] };
  }
  const rels = paths.map((p) => path.relative(top, path.resolve(cwd, p)) || '.');
  let out: string;
  try {
    // -z: paths as they are (no quoting of spaces or non-ASCII names), NUL-separated.
    out = execFileSync('git', ['status', '--porcelain', '-z', '--', ...rels], {
      cwd: top,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return { repository: false, dirty: [] };
  }
  const dirty: string[] = [];
  const entries = out.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.trim() === '') continue;
    dirty.push(entry);
    // A rename or copy is followed by its source path.
    if (entry[0] === 'R' || entry[0] === 'C') i++;
  }
  return { repository: true, dirty, top };
}
