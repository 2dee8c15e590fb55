import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PERMISSIONS, type Permission, PRODUCER_ROLES, ROLE_LABELS, ROLE_PERMISSIONS, STAFF_ROLES } from "@stockroom/contracts";
import { describe, expect, it } from "vitest";

/** The role matrix as table cells: a header row, then one row per permission. */
function matrixRows(): string[][] {
  const header = ["permission", ...STAFF_ROLES.map((role) => ROLE_LABELS[role])];
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map((permission) => [
    `\`${permission}\`: ${PERMISSIONS[permission]}`,
    ...STAFF_ROLES.map((role) => (ROLE_PERMISSIONS[role].includes(permission) ? "yes" : "")),
  ]);
  return [header, ...rows];
}

/** The table in ARCHITECTURE.md's "Roles and permissions" section, as cells (padding ignored). */
function documentedRows(): string[][] {
  const architecture = readFileSync(fileURLToPath(new URL("../../../ARCHITECTURE.md", import.meta.url)), "utf8");
  const lines = architecture.split("\n");
  const start = lines.findIndex((line) => line.startsWith("| permission "));
  const end = lines.findIndex((line, i) => i > start && !line.startsWith("|"));
  const table = lines.slice(start, end);
  return table
    .filter((line) => !/^\|\s*-/.test(line))
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

describe("the role matrix", () => {
  it("ARCHITECTURE.md shows the matrix the code enforces", () => {
    expect(documentedRows()).toEqual(matrixRows());
  });

  it("producer staff get no costs, prices, settings, staff or keys; viewers change nothing", () => {
    const staff = ROLE_PERMISSIONS.PRODUCER_STAFF;
    for (const p of [
      "costs.view",
      "catalog.edit",
      "alerts.manage",
      "staff.manage",
      "integrations.manage",
      "audit.view",
      "stock.writeOff",
      "orders.cancel",
    ] as const)
      expect(staff).not.toContain(p);
    expect(ROLE_PERMISSIONS.VIEWER.every((p) => p.endsWith(".view"))).toBe(true);
    expect(PRODUCER_ROLES).not.toContain("PLATFORM_ADMIN");
    expect(ROLE_PERMISSIONS.PRODUCER_ADMIN).not.toContain("producers.manage");
  });
});
