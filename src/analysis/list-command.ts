import { CODEMODS } from '../codemods/registry';
import { colorEnabled, makeColors } from '../cli/colors';
import type { Io } from '../cli/run';
import { modelCatalog, type CatalogModel } from './catalog';
import { textTable } from './table';

/** Catalog fields that hold lifecycle dates, in the order they are shown when present. */
function lifecycleDates(model: CatalogModel): string {
  const parts: string[] = [];
  if (Array.isArray(model.lifecycle)) {
    for (const e of model.lifecycle as Array<{ kind?: string; date?: string | null }>) {
      if (e && typeof e.kind === 'string') parts.push(`${e.kind} ${e.date ?? '(no date)'}`);
    }
    return parts.join(', ');
  }
  for (const [key, value] of Object.entries(model)) {
    if (typeof value === 'string' && /date|legacy|deprecat|retire|eol|launch|release/i.test(key) && /^\d{4}-\d{2}(-\d{2})?$/.test(value)) {
      parts.push(`${key.replace(/Date$|On$|At$/, '')} ${value}`);
    } else if (value && typeof value === 'object' && /lifecycle|dates/i.test(key)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (typeof v === 'string') parts.push(`${k} ${v}`);
    }
  }
  return parts.join(', ');
}

/** `list`: the codemods of the manifest (in run order) and the model catalog with lifecycle status. */
export function listCommand(opts: Record<string, unknown>, io: Io): number {
  const catalog = modelCatalog();
  if (opts.json) {
    const doc = {
      codemods: CODEMODS.map((c) => ({ name: c.name, summary: c.summary, options: c.options.map((o) => ({ flag: o.flag, key: o.key, description: o.description, default: o.default ?? null, choices: o.choices ?? null })) })),
      models: catalog.map((m) => ({ ...m })),
    };
    io.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    return 0;
  }
  const c = makeColors(colorEnabled(io.stdout, opts.color === false ? false : undefined, io.env));
  io.stdout.write(c.bold('Codemods (the `all` preset runs them in this order on one parse of each file):') + '\n');
  io.stdout.write(
    textTable(
      ['codemod', 'options', 'what it does'],
      CODEMODS.map((m) => [m.name, m.options.map((o) => o.flag.split(' ')[0]).join(' ') || '-', m.summary]),
      c.dim,
    ),
  );
  io.stdout.write('\n' + c.bold('Claude models on Amazon Bedrock:') + '\n');
  if (catalog.length === 0) {
    io.stdout.write('  (the model catalog is not available in this build)\n');
    return 0;
  }
  const paint = (status: string) => (/retired/i.test(status) ? c.red(status) : /deprecat|legacy/i.test(status) ? c.yellow(status) : /active/i.test(status) ? c.green(status) : status);
  const rows = catalog.map((m) => [m.id, String(m.name ?? ''), String(m.family ?? ''), String(m.status ?? ''), lifecycleDates(m)]);
  const table = textTable(['model ID', 'name', 'family', 'status', 'dates'], rows, c.dim).split('\n');
  // Colour the status words after padding so the columns stay aligned.
  io.stdout.write(
    table
      .map((line, i) => (i === 0 || !rows[i - 1] ? line : line.replace(` ${rows[i - 1][3]} `, ` ${paint(rows[i - 1][3])} `)))
      .join('\n'),
  );
  return 0;
}
