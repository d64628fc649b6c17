import pc from 'picocolors';
import type { Colors } from '../runner/hunks';

/**
 * Colour only for a terminal: `NO_COLOR` (any value) turns it off, `FORCE_COLOR` (not "0") turns it on,
 * an explicit `--color`/`--no-color` wins over both; otherwise colour when the stream is a TTY.
 */
export function colorEnabled(stream: NodeJS.WriteStream, flag?: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function makeColors(enabled: boolean): Colors {
  const c = pc.createColors(enabled);
  return { red: c.red, green: c.green, cyan: c.cyan, bold: c.bold, dim: c.dim, yellow: c.yellow };
}
