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
    out = execFileSync('git', ['status', '--porcelain', '--', ...rels], {
      cwd: top,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return { repository: false, dirty: [] };
  }
  return { repository: true, dirty: out.split('\n').filter((l) => l.trim() !== ''), top };
}
