/**
 * Is the machine busy? What other processes used of the CPUs since a moment, measured rather than read
 * off the load average (which counts this run's own threads and the runs just before it).
 */
import os from 'node:os';

function cpuCount(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** Busy and total CPU time of the machine so far, in ms (all CPUs together). */
function machineTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    const t = cpu.times;
    const sum = t.user + t.nice + t.sys + t.irq + t.idle;
    total += sum;
    busy += sum - t.idle;
  }
  return { busy, total };
}

/** Where cpuSampler reads the clock, the machine's and this process's CPU time (ms), the load average, the CPU count. */
export interface CpuProbe {
  now(): number;
  machine(): { busy: number; total: number };
  ownMs(): number;
  loadavg(): number;
  cpus(): number;
}

const systemProbe: CpuProbe = {
  now: () => Date.now(),
  machine: machineTimes,
  ownMs: () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  },
  loadavg: () => os.loadavg()[0]!,
  cpus: cpuCount,
};

/** Below this much time since the sampler started, what the machine did is too short a window to judge: the load average decides. */
const SAMPLE_MS = 250;

/**
 * Whether other processes keep the CPUs busy, so that one more worker would only take turns with them.
 * The machine's CPU time since the sampler was made (os.cpus()) minus this process's own over the same
 * time (process.cpuUsage(), every thread of it) is what the others used: busy when they leave less than
 * one and a half CPUs. Unlike the load average, this process's own threads never count against it, nor do
 * the runs just before this one (a minute's average still counts them). A window too short to tell falls
 * back on the load average.
 */
export function cpuSampler(probe: CpuProbe = systemProbe): () => boolean {
  const startedAt = probe.now();
  const machine = probe.machine();
  const own = probe.ownMs();
  return () => {
    const cpus = probe.cpus();
    const elapsed = probe.now() - startedAt;
    if (elapsed < SAMPLE_MS) return probe.loadavg() >= cpus;
    const now = probe.machine();
    const others = Math.max(0, now.busy - machine.busy - (probe.ownMs() - own));
    // CPUs the others kept busy on average, of the machine's.
    const othersCpus = (others / Math.max(1, now.total - machine.total)) * cpus;
    return othersCpus > cpus - 1.5;
  };
}
