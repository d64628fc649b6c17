import fs from 'node:fs';
import writeFileAtomic from 'write-file-atomic';

/**
 * Writes a file atomically (temp file + rename; a crash leaves the old or the new file, never half of one),
 * keeping its mode. Refuses when the file changed on disk since it was read or is read-only.
 * The text already carries the file's own line endings and byte-order mark.
 */
export function writeChangedFile(file: string, original: string, output: string): void {
  let current: string;
  try {
    current = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read before writing: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  if (current !== original) throw new Error('changed on disk during the run; not written');
  const mode = fs.statSync(file).mode & 0o7777;
  // The owner's write bit, not access(): a root process may write anything, but a read-only file says "leave me".
  let writable = (mode & 0o200) !== 0;
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    writable = false;
  }
  if (!writable) throw new Error('file is read-only; not written');
  writeFileAtomic.sync(file, output, { mode, encoding: 'utf8' });
}
