import type { Io } from '../cli/run';
export async function detectCommand(_paths: string[], _opts: Record<string, unknown>, io: Io): Promise<number> {
  io.stderr.write('detect: not available yet\n');
  return 2;
}
