import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** What a write did beyond replacing the text. */
export interface WriteOutcome {
  /** Other hard links to the old file: they keep the old text (the new file is a new inode). */
  otherHardLinks: number;
}

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String((error as Error)?.message ?? error);
}

/** The owner's write bit, not access() alone: a root process may write anything, but a read-only mode says "leave me". */
function writable(target: string, mode: number): boolean {
  if ((mode & 0o200) === 0) return false;
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a file atomically (temp file in the same directory + rename; a crash, a full disk or a signal
 * leaves the old file or the new one, never half of one), keeping its mode. `real` is the file's real path
 * as the run found it: the write goes there, and is refused when the path now leads elsewhere (a link put
 * in its place), when the file was deleted or changed on disk since it was read, or when the file or its
 * directory is read-only. The text already carries the file's own line endings and byte-order mark.
 */
export function writeChangedFile(file: string, original: string, output: string, real: string = file): WriteOutcome {
  let now: string;
  try {
    now = fs.realpathSync(file);
  } catch (error) {
    if (code(error) === 'ENOENT') throw new Error('deleted since it was read; not written');
    throw new Error(`cannot read before writing: ${code(error)}`);
  }
  if (now !== real) throw new Error(`now leads to ${now} (a symbolic link was put in its place); not written`);
  let current: string;
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(real);
    current = fs.readFileSync(real, 'utf8');
  } catch (error) {
    throw new Error(`cannot read before writing: ${code(error)}`);
  }
  if (current !== original) throw new Error('changed on disk during the run; not written');
  const mode = stat.mode & 0o7777;
  if (!writable(real, mode)) throw new Error('file is read-only; not written');
  const dir = path.dirname(real);
  if (!writable(dir, fs.statSync(dir).mode)) throw new Error(`its directory is read-only (a safe write needs a temp file beside it); not written`);
  try {
    writeFileAtomic.sync(real, output, { mode, encoding: 'utf8' });
  } catch (error) {
    const c = code(error);
    const what = c === 'ENOSPC' ? 'disk full (ENOSPC)' : c === 'EDQUOT' ? 'disk quota exceeded (EDQUOT)' : `write failed (${c})`;
    throw new Error(`${what}; not written, the file is unchanged`);
  }
  return { otherHardLinks: stat.nlink - 1 };
}
