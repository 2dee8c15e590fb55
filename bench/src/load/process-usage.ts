import { readdirSync, readFileSync } from "node:fs";

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

export interface ProcessUsage {
  /** CPU used during the phase, in cores (1.0 = one core fully busy). */
  cpuCores: number;
  /** Memory at the end of the phase (PSS summed over the group), MiB. */
  pssMiB: number;
}

/** utime + stime and the parent pid of one process, from /proc/<pid>/stat (the name may hold spaces: read after its ")"). */
function readStat(pid: number): { ticks: number; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // the process ended between listing and reading: it no longer counts
  }
}

/** Proportional set size (shared pages split among their users), so Postgres' shared buffers count once over its processes. */
function readPssKiB(pid: number): number {
  try {
    return Number(/Pss:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The pid and all its descendants (Postgres: the postmaster and its backends and helpers). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * Starts measuring named groups of processes; the returned function gives each group's CPU (in
 * cores) since then and its memory (PSS) now. A group is re-listed at both ends so backends that came and
 * went count for the time they were seen; ticks of a process that ended meanwhile are lost.
 */
export function watchProcesses(groups: Record<string, () => number[]>): () => Record<string, ProcessUsage> {
  const ticksOf = (pids: number[]) => new Map(pids.map((pid) => [pid, readStat(pid)?.ticks ?? 0]));
  const start = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, ticksOf(pids())]));
  const startedAt = performance.now();
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    return Object.fromEntries(
      Object.entries(groups).map(([name, pids]) => {
        const now = pids();
        const before = start[name] ?? new Map<number, number>();
        const used = now.reduce((sum, pid) => sum + Math.max(0, (readStat(pid)?.ticks ?? 0) - (before.get(pid) ?? 0)), 0);
        const rss = now.reduce((sum, pid) => sum + readPssKiB(pid), 0);
        return [name, { cpuCores: used / TICKS_PER_SECOND / seconds, pssMiB: rss / 1024 }];
      }),
    );
  };
}
