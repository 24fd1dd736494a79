import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCollect } from "../../src/cli/collectCommand";
import { readMasterFile, runSplit } from "../../src/cli/splitCommand";
import { defaultRoster } from "../../src/core/roster";
import { realTableIds, realXlsxPath } from "../support/realTables";
import { filesIn, UnitFile } from "./simulate";

/**
 * 下发 → 回收 on the real public tables of other places (tests/fixtures/real): every unit's
 * file is split out, each unit fills its first row, and every typed value comes back into the
 * master at its row. Tables without a lead-unit column have nothing to split and say so.
 */
const roster = defaultRoster();
const dir = mkdtempSync(join(tmpdir(), "duban-real-distribute-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each(realTableIds())(
  "%s: every unit's typed progress comes back to its row",
  async (id) => {
    const master = join(dir, `${id}.xlsx`);
    copyFileSync(realXlsxPath(id), master);
    const read = await readMasterFile(master, roster).catch((e: Error) => e);
    if (read instanceof Error || read.master.units.length === 0) {
      console.log(`${id}: not split (${read instanceof Error ? read.message : "no unit named"})`);
      return;
    }
    const out = join(dir, id, "下发");
    const back = join(dir, id, "回收");
    mkdirSync(back, { recursive: true });
    await runSplit(master, { output: out, date: "2023-06-30", roster, force: false });
    const typed: { key: string; value: string }[] = [];
    for (const name of filesIn(out)) {
      const file = await UnitFile.open(join(out, name));
      const [row] = file.itemRows();
      const value = `${name.split("-")[0]}：已按计划推进。`;
      file.set(row, "progress", value);
      const key = file.text(row, "key");
      if (read.master.byKey.get(key)?.roles.get(name.split("-")[0])?.role === "lead")
        typed.push({ key, value });
      await file.save(join(back, name));
    }
    const output = join(dir, id, "回收.xlsx");
    const { result } = await runCollect(
      master,
      filesIn(back).map((f) => join(back, f)),
      {
        output,
        date: "2023-06-30",
        roster,
        force: false,
        conflicts: "master",
      }
    );
    expect(result.skipped).toEqual([]);
    const after = (await readMasterFile(output, roster)).master;
    const progress = (key: string) => after.byKey.get(key)?.row.fields.progress ?? "";
    // A row led by several units gets one value only when they agree; else it is a decision.
    for (const t of typed)
      expect(
        progress(t.key) === t.value ||
          result.decisions.some((d) => d.kind === "value" && d.returned.includes(t.value))
      ).toBe(true);
    expect(typed.length).toBeGreaterThan(0);
  },
  300_000
);
