import { CODEMODS } from './registry';

export const TABLE_START = '<!-- codemods:start (generated from src/codemods/registry.ts) -->';
export const TABLE_END = '<!-- codemods:end -->';

/** The README's codemod table, made from the manifest so that the two never drift apart. */
export function renderCodemodTable(): string {
  const rows = CODEMODS.map((c, i) => {
    const options = c.options.map((o) => `\`${o.flag}\``).join(', ') || '—';
    return `| ${i + 1} | \`${c.name}\` | ${c.summary} | \`transforms/${c.name}.ts\` | ${options} |`;
  });
  return [
    TABLE_START,
    '| order | codemod | what it does | jscodeshift transform | options |',
    '|---|---|---|---|---|',
    ...rows,
    `| — | \`all\` | Every codemod above, in this order, on one parse of each file (invoke-to-messages instead of invoke-to-converse and converse-stream with --api messages). | \`transforms/all.ts\` | all of the above |`,
    TABLE_END,
  ].join('\n');
}

/** Replaces the generated block in the README text. */
export function withCodemodTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('README has no codemod table markers');
  return readme.slice(0, start) + renderCodemodTable() + readme.slice(end + TABLE_END.length);
}
