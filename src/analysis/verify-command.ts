import type { Io, RunFlags } from '../cli/run';
export async function verifyCommand(_paths: string[], _flags: RunFlags, _project: string | undefined, io: Io): Promise<number> {
  io.stderr.write('verify: not available yet\n');
  return 2;
}
