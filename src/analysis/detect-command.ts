import { colorEnabled, makeColors } from '../cli/colors';
import type { Io } from '../cli/run';
import { displayPath } from '../runner/runner';
import { detect, type Finding } from './detect';
import { textTable } from './table';

const KIND_LABEL: Record<Finding['kind'], string> = {
  call: 'call site',
  'model-id': 'model ID',
  'text-editor': 'text editor',
  'stop-reason': 'stop reason',
  error: 'error',
};

/** `detect`: the inventory as a table (or JSON). Exit 0, or 2 when a file could not be read or parsed. */
export async function detectCommand(paths: string[], opts: Record<string, unknown>, io: Io): Promise<number> {
  const inventory = detect(paths, {
    cwd: io.cwd,
    ignorePatterns: ((opts.ignore as string[] | undefined) ?? []).flatMap((p) => p.split(',')),
    gitignore: opts.gitignore !== false,
  });
  const errors = inventory.findings.filter((f) => f.kind === 'error').length;
  const code = errors > 0 ? 2 : 0;
  const needed = [...new Set(inventory.findings.map((f) => f.handledBy).filter((h): h is string => !!h))];
  const count = (kind: Finding['kind']) => inventory.findings.filter((f) => f.kind === kind).length;
  if (opts.json) {
    const doc = {
      schemaVersion: 1,
      files: inventory.files,
      scanned: inventory.scanned,
      summary: {
        callSites: count('call'),
        modelIds: count('model-id'),
        textEditor: count('text-editor'),
        stopReason: count('stop-reason'),
        errors,
        codemods: needed,
      },
      findings: inventory.findings.map((f) => ({
        path: displayPath(io.cwd, f.file),
        line: f.line,
        kind: f.kind,
        api: f.api ?? null,
        model: f.model ?? null,
        status: f.status ?? null,
        detail: f.detail,
        handledBy: f.handledBy,
        destination: f.destination ?? null,
      })),
    };
    io.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    return code;
  }
  const c = makeColors(colorEnabled(io.stdout, opts.color === false ? false : undefined, io.env));
  if (inventory.findings.length === 0) {
    io.stdout.write(`Nothing Claude-on-Bedrock related in ${inventory.files} file${inventory.files === 1 ? '' : 's'}.\n`);
    return code;
  }
  const rows = inventory.findings.map((f) => [
    `${displayPath(io.cwd, f.file)}${f.line ? `:${f.line}` : ''}`,
    KIND_LABEL[f.kind],
    f.kind === 'call' ? (f.api ?? '') : f.detail,
    f.model ? `${f.model}${f.status && f.kind === 'call' ? ` (${f.status})` : ''}` : '',
    f.handledBy ?? (f.kind === 'error' ? 'fix the file' : '-'),
    f.destination ? `${f.destination.api} (${f.destination.why})` : '',
  ]);
  io.stdout.write(textTable(['location', 'kind', 'what', 'model', 'handled by', 'destination (--api)'], rows, c.bold));
  io.stdout.write(
    `\n${c.bold('Inventory:')} ${count('call')} call site(s), ${count('model-id')} model ID(s) to review, ${count('text-editor')} text editor use(s), ${count('stop-reason')} stop-reason read(s)` +
      `${errors ? `, ${c.red(`${errors} file(s) with errors`)}` : ''} in ${inventory.scanned} of ${inventory.files} files.\n`,
  );
  io.stdout.write(needed.length ? `Codemods that apply: ${needed.join(', ')}. Preview them with: bedrock-claude-codemod ${paths.join(' ') || '.'}\n` : 'Nothing for the codemods to do.\n');
  return code;
}
