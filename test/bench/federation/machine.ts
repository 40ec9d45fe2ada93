import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

// What the benchmark reads of the machine, from Linux's /proc: CPU time of a process tree, busy time
// of the whole machine, and whether the machine is quiet enough to measure on.

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The fields of a process's /proc stat after its command name (from the state on); none once it is gone. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) of one process, in ms; 0 once it is gone. */
function processCpuMs(pid: number): number {
  const fields = statFields(pid);
  return fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND : 0;
}

/** A process's parent (a PostgreSQL backend's: its postmaster), when it runs on this machine. */
export function parentPid(pid: number): number | undefined {
  const parent = Number(statFields(pid)?.[1]);
  return parent > 1 ? parent : undefined;
}

/** The process and all its descendants (children of every thread, recursively). */
export function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    const current = tree[i] as number;
    let threads: string[] = [];
    try {
      threads = readdirSync(`/proc/${current}/task`);
    } catch {
      continue;
    }
    for (const thread of threads) {
      try {
        const children = readFileSync(`/proc/${current}/task/${thread}/children`, 'utf8').trim();
        if (children) tree.push(...children.split(' ').map(Number));
      } catch {}
    }
  }
  return tree;
}

/** CPU time of a process and its descendants alive now, in ms. */
export function treeCpuMs(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + processCpuMs(member), 0);
}

/** Busy CPU time of the whole machine (every core, idle and iowait excluded) since boot, in ms. */
export function machineBusyMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (
    (((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 1000) /
    TICKS_PER_SECOND
  );
}

export interface QuietWait {
  /** Whether the machine was quiet when measuring started (false: the wait timed out). */
  quiet: boolean;
  waitedSeconds: number;
  /** Machine busy over the last sample before starting, in % of one core. */
  busyPercentOfOneCore: number;
  loadAverage1m: number;
}

/**
 * Waits until the machine's CPU busy time over `sampleMs` (minus `ownPids`' own, e.g. idle servers of
 * this benchmark) stays below `maxBusyPercent` of one core, for at most `maxWaitSeconds`.
 */
export async function waitForQuietMachine(
  ownPids: readonly number[],
  { maxBusyPercent = 15, maxWaitSeconds = 120, sampleMs = 2000 } = {},
): Promise<QuietWait> {
  const started = performance.now();
  const own = () => ownPids.reduce((sum, pid) => sum + treeCpuMs(pid), 0) + ownCpuMs();
  for (;;) {
    const busyBefore = machineBusyMs();
    const ownBefore = own();
    await new Promise((resolve) => setTimeout(resolve, sampleMs));
    const foreign = machineBusyMs() - busyBefore - (own() - ownBefore);
    const busyPercentOfOneCore = Math.max(0, (foreign / sampleMs) * 100);
    const waitedSeconds = (performance.now() - started) / 1000;
    const quiet = busyPercentOfOneCore <= maxBusyPercent;
    if (quiet || waitedSeconds >= maxWaitSeconds) {
      return { quiet, waitedSeconds, busyPercentOfOneCore, loadAverage1m: os.loadavg()[0] ?? 0 };
    }
  }
}

/** CPU time of this process, in ms. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Whether `taskset` can pin processes here. */
export function canPin(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Pins a running process (and its threads) to `cpus` (e.g. "1"). */
export function pin(pid: number, cpus: string): void {
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
}

export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: os.release(),
    node: process.version,
  };
}
