import { markerComment } from '../ast/markers';
import { applyHunks, buildHunks, formatHunk, unifiedDiff, type Colors } from '../runner/hunks';
import type { FileResult } from '../runner/process';
import { markersInOutput } from '../runner/report';
import { displayPath } from '../runner/runner';
import { checkOutput } from '../runner/validate';
import { writeChangedFile } from '../runner/write';
import { ask, LineReader } from './prompt';
import type { Io } from './run';

/** Applying the changes: one file at a time, and the interactive review that asks file by file or hunk by hunk. */

/** Set by SIGINT/SIGTERM while writing: finish the file being written, write no more. */
export interface StopState {
  interrupted: boolean;
  /** The signal that stopped the run. */
  signal?: 'SIGINT' | 'SIGTERM';
  reader: LineReader | null;
}

/** Writes one changed file; a refused write makes the file failed with the reason. */
export function writeOne(f: FileResult): void {
  try {
    const outcome = writeChangedFile(f.file, f.original!, f.output!, f.realPath ?? f.file);
    f.written = true;
    if (outcome.otherHardLinks > 0) f.reason += ` · written as a new file: its ${outcome.otherHardLinks} other hard link(s) keep the old text`;
  } catch (error) {
    f.status = 'failed';
    f.reason = (error as Error).message;
    f.error = { line: 0, column: 0, message: (error as Error).message };
  }
}

const FILE_HELP = '  y = apply this file, n = leave it, a = apply this and every remaining file, q = quit (keeps what was applied), h = choose hunk by hunk';
const HUNK_HELP = '  y = apply this hunk, n = leave it, a = apply this and the rest of the file, d = leave the rest of the file, q = quit (keeps what was applied)';

/** Interactive review: per file (y/n/all/quit) and, on request, per hunk. Each accepted file is written at once. */
export async function review(changed: FileResult[], io: Io, colors: Colors, stop: StopState): Promise<void> {
  if (changed.length === 0) return;
  const reader = new LineReader(io.stdin);
  stop.reader = reader;
  const echo = (io.stdin as NodeJS.ReadStream).isTTY !== true;
  let all = false;
  try {
    for (let i = 0; i < changed.length; i++) {
      const f = changed[i];
      if (stop.interrupted) {
        for (const rest of changed.slice(i)) rest.reason += ' · not applied (interrupted)';
        return;
      }
      const shown = displayPath(io.cwd, f.file);
      io.stdout.write(unifiedDiff(shown, f.original!, f.output!, colors));
      for (const m of markersInOutput(f)) io.stdout.write(colors.yellow(`  marker at line ${m.line} [${m.codemod}]: ${m.message}\n`));
      io.stdout.write('\n');
      if (all) {
        writeOne(f);
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      const answer = await ask(reader, io.stdout, `Apply the changes to ${colors.bold(shown)}? (${i + 1}/${changed.length}) [y,n,a,q,h] `, ['yes', 'no', 'all', 'quit', 'hunks'], FILE_HELP, echo);
      if (answer === null || answer === 'quit') {
        f.reason += ' · not applied (quit)';
        for (const rest of changed.slice(i + 1)) rest.reason += ' · not applied (quit)';
        return;
      }
      if (answer === 'no') {
        f.reason += ' · declined';
        continue;
      }
      if (answer === 'all') all = true;
      if (answer === 'yes' || answer === 'all') {
        writeOne(f);
        continue;
      }
      // Hunk by hunk.
      const hunks = buildHunks(f.original!, f.output!, 3, true);
      const accepted = new Set<number>();
      let quit = false;
      for (let h = 0; h < hunks.length; h++) {
        io.stdout.write(formatHunk(hunks[h], colors) + '\n');
        const a = await ask(reader, io.stdout, `Apply this hunk? (${h + 1}/${hunks.length}) [y,n,a,d,q] `, ['yes', 'no', 'all', 'done', 'quit'], HUNK_HELP, echo);
        if (a === 'yes') accepted.add(h);
        else if (a === 'all') {
          for (let k = h; k < hunks.length; k++) accepted.add(k);
          break;
        } else if (a === 'done') break;
        else if (a === null || a === 'quit') {
          quit = true;
          break;
        }
      }
      if (accepted.size > 0) {
        const partial = accepted.size === hunks.length ? f.output! : applyHunks(f.original!, f.output!, hunks, accepted);
        // Some hunks without the others may not parse (an opening line without its closing one): never written.
        const problem = partial === f.output ? null : checkOutput(f.file, f.original!, partial);
        if (problem) {
          const at = problem.line ? ` (line ${problem.line})` : '';
          f.status = 'failed';
          f.reason = `the hunks chosen give code that ${problem.message}${at}; not written (apply them together, or none)`;
          f.error = { line: problem.line, column: problem.column, message: f.reason };
        } else {
          f.output = partial;
          f.markers = f.markers.filter((m) => partial.includes(markerComment(m.message)));
          writeOne(f);
          if (f.written && accepted.size < hunks.length) f.reason += ` · ${accepted.size} of ${hunks.length} hunks applied`;
        }
      } else f.reason += ' · declined';
      if (quit) {
        for (const rest of changed.slice(i + 1)) rest.reason += ' · not applied (quit)';
        return;
      }
    }
  } finally {
    reader.close();
  }
}
