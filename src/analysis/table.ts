/** A plain-text table: columns padded to their widest cell (the last column is not padded). */
export function textTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, paintHeader: (s: string) => string = (s) => s): string {
  const widths = header.map((h, i) => Math.min(70, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [paintHeader(line(header)), ...rows.map(line)].join('\n') + '\n';
}
