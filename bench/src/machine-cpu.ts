import { readFileSync } from "node:fs";

export interface MachineCpu {
  /** Share of all cores' time spent busy (not idle or waiting for I/O) during the phase. */
  busy: number;
  /** Share taken by the hypervisor for other guests (steal), as far as the guest can see it. */
  steal: number;
}

function cpuTimes() {
  const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  const [, , , idle = 0, iowait = 0, , , steal = 0] = fields;
  return { idle: idle + iowait, steal, total: fields.reduce((sum, n) => sum + n, 0) };
}

/**
 * Starts watching the whole machine's CPU; the returned function says how busy it was since. A
 * phase that is slow while the machine sat idle was held up outside the processes measured.
 */
export function watchMachineCpu(): () => MachineCpu {
  const start = cpuTimes();
  return () => {
    const end = cpuTimes();
    const total = end.total - start.total || 1;
    return { busy: 1 - (end.idle - start.idle) / total, steal: (end.steal - start.steal) / total };
  };
}
