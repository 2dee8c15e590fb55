// `pnpm db:restore [<backup id|dir>] [--to <ISO time>|backup-end] [--target-dir <dir>] [--timeline latest|<n>]`
// Point-in-time restore of the embedded cluster (it must be stopped). Without a backup, the newest
// one that ended before --to; without --to, everything archived is replayed. See docs/OPERATIONS.md.
import path from "node:path";
import { parseArgs } from "node:util";
import { backupTargetFor, listBackups, type RecoveryTarget, restoreBackup } from "@stockroom/db";
import { systemClock } from "@stockroom/domain";
import { verifyRestoredInventory } from "./verify-restored-inventory.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { to: { type: "string" }, "target-dir": { type: "string" }, timeline: { type: "string" } },
});

function targetFrom(to: string | undefined): RecoveryTarget {
  if (to === undefined) return { kind: "latest" };
  if (to === "backup-end") return { kind: "backup-end" };
  const at = new Date(to);
  if (Number.isNaN(at.getTime()) || !/(Z|[+-]\d\d:?\d\d)$/.test(to))
    throw new Error(`--to needs an ISO time with a zone (e.g. 2026-11-27T14:05:00Z), or backup-end; got ${to}`);
  return { kind: "time", at };
}

async function main(): Promise<void> {
  const { dataDir, paths } = backupTargetFor("pnpm db:restore", process.env);
  const target = targetFrom(values.to);
  const backups = await listBackups(paths.base);
  const chosen = positionals[0]
    ? backups.find((b) => b.manifest.id === positionals[0] || path.resolve(b.dir) === path.resolve(positionals[0] ?? ""))
    : backups.findLast((b) => target.kind !== "time" || new Date(b.manifest.stoppedAt) <= target.at);
  if (!chosen) {
    const known = backups.map((b) => `  ${b.manifest.id}  (ended ${b.manifest.stoppedAt})`).join("\n") || "  none: run pnpm db:backup";
    throw new Error(`No ${positionals[0] ? `backup ${positionals[0]}` : "backup that ended before --to"} in ${paths.base}. Backups:\n${known}`);
  }
  console.log(`Restoring ${chosen.manifest.id} (${target.kind === "time" ? `to ${target.at.toISOString()}` : target.kind})...`);
  const startedAt = performance.now();
  const result = await restoreBackup({
    backupDir: chosen.dir,
    dataDir,
    walArchiveDir: paths.wal,
    target,
    targetDir: values["target-dir"],
    timeline: values.timeline,
    verify: (server) => verifyRestoredInventory(server.urlFor("stockroom"), systemClock.now()),
  });
  console.log(
    [
      `Restored in ${((performance.now() - startedAt) / 1000).toFixed(1)} s into ${result.restoredDir}`,
      `  last transaction replayed: ${result.lastReplayedAt?.toISOString() ?? "none after the backup"}`,
      ...(result.previousDir ? [`  the previous data directory is kept in ${result.previousDir} (delete it once you are sure)`] : []),
      values["target-dir"] ? "  the current cluster was not touched" : "Start the shop again with pnpm start.",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
