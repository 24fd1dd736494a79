import ExcelJS from "exceljs";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCollect } from "../../src/cli/collectCommand";
import { readMasterFile, runSplit } from "../../src/cli/splitCommand";
import { COLLECT_SHEET } from "../../src/core/distribute/collectPatch";
import type { Master } from "../../src/core/distribute/master";
import { FILE_COLUMNS } from "../../src/core/distribute/schema";
import { cellText } from "../../src/core/grid/cellText";
import { defaultRoster } from "../../src/core/roster";
import { readAllSheets } from "../../src/xlsx";
import { realTableIds, realXlsxPath } from "../support/realTables";
import { describeIfSoffice } from "../support/soffice";
import { cellsWritten, changedCells, collectOptions, filesIn, UnitFile } from "./simulate";

/**
 * 下发 → 回收 on the real public tables of other places (tests/fixtures/real): every unit's
 * file is split out and units do what units do — each returning unit fills its first row; one
 * re-sorts its list first, one changes a locked column, one never answers, one sends its file
 * twice, and (where LibreOffice is installed) one opens and saves its file in Calc. Every typed
 * value comes back to its row, the locked change is listed and not applied, the silent unit is
 * named in 回收情况, and no other master cell changes. Tables without a lead-unit column have
 * nothing to split and say so.
 */
const DATE = "2023-06-30";
const roster = defaultRoster();
const dir = mkdtempSync(join(tmpdir(), "duban-real-distribute-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Split {
  master: string;
  before: Master;
  /** The master's sheets as sent, read once for every comparison with an output. */
  sheets: Awaited<ReturnType<typeof readAllSheets>>;
  /** The folder of unit files, and their names in the order units are given parts. */
  out: string;
  names: string[];
}

const splits = new Map<string, Promise<Split | null>>();
/** The table's master copied and split once, for every test that needs it; null: nothing to split. */
function split(id: string): Promise<Split | null> {
  const made =
    splits.get(id) ??
    (async () => {
      const master = join(dir, `${id}.xlsx`);
      copyFileSync(realXlsxPath(id), master);
      const read = await readMasterFile(master, roster).catch((e: Error) => e);
      if (read instanceof Error || read.master.units.length === 0) {
        console.log(`${id}: not split (${read instanceof Error ? read.message : "no unit named"})`);
        return null;
      }
      const out = join(dir, id, "下发");
      await runSplit(master, { output: out, date: DATE, roster, force: false });
      const sheets = await readAllSheets(master);
      return { master, before: read.master, sheets, out, names: filesIn(out) };
    })();
  splits.set(id, made);
  return made;
}

const unitOf = (name: string) => name.split("-")[0];
const isLead = (m: Master, key: string, unit: string) =>
  m.byKey.get(key)?.roles.get(unit)?.role === "lead";

/**
 * The unit's parts by its place among n: the first re-sorts its list; the second (the first
 * where there are only two) changes a locked column; the third never answers (where four or
 * more units share the parts); the last sends its file twice.
 */
function parts(i: number, n: number) {
  return {
    resorts: i === 0,
    locked: i === (n >= 3 ? 1 : 0),
    silent: n >= 4 && i === 2,
    twice: n > 1 && i === n - 1,
  };
}

test.each(realTableIds())(
  "%s: typed progress comes back, a locked change is listed, a silent unit is named",
  async (id) => {
    const s = await split(id);
    if (!s) return;
    const back = join(dir, id, "回收");
    mkdirSync(back, { recursive: true });
    const typed: { key: string; value: string }[] = [];
    let locked: { unit: string; key: string; sent: string; edited: string } | null = null;
    let silent: string | null = null;
    let files = 0;
    for (const [i, name] of s.names.entries()) {
      const unit = unitOf(name);
      const part = parts(i, s.names.length);
      if (part.silent) {
        silent = unit;
        continue;
      }
      const file = await UnitFile.open(join(s.out, name));
      if (part.resorts) file.reverseItems();
      const [row] = file.itemRows();
      const value = `${unit}：已按计划推进。`;
      file.set(row, "progress", value);
      const key = file.text(row, "key");
      if (isLead(s.before, key, unit)) typed.push({ key, value });
      if (part.locked) {
        const sent = file.text(row, "task");
        locked = { unit, key, sent, edited: `${sent}（单位改）` };
        file.set(row, "task", locked.edited);
      }
      await file.save(join(back, name));
      files += 1;
      if (part.twice) {
        await file.save(join(back, `再次报送-${name}`));
        files += 1;
      }
    }
    const output = join(dir, id, "回收.xlsx");
    const { result } = await runCollect(
      s.master,
      filesIn(back).map((f) => join(back, f)),
      collectOptions(output, DATE)
    );
    expect(result.skipped).toEqual([]);
    expect(result.receipts).toHaveLength(files);
    expect(result.receipts.every((r) => r.byFallback === 0)).toBe(true);
    if (s.names.length > 1)
      expect(result.receipts.find((r) => r.file.startsWith("再次报送-"))?.notes).toContain(
        "同一单位收到 2 份文件，内容不同之处列为待确认"
      );

    // The locked change is listed, and nothing else is taken for one (not the re-sorting).
    expect(locked).not.toBeNull();
    const l = locked!;
    expect(result.decisions.filter((d) => d.kind === "protected")).toEqual([
      expect.objectContaining({
        unit: l.unit,
        field: "重点工作",
        master: l.sent,
        returned: l.edited,
      }),
    ]);
    // …and not applied: only the cells 回收 says it wrote differ from the master.
    const outputSheets = await readAllSheets(output);
    expect(await changedCells(s.sheets, outputSheets)).toEqual(cellsWritten(result));
    const after = (await readMasterFile(output, roster)).master;
    expect(after.byKey.get(l.key)?.row.fields.task).toBe(
      s.before.byKey.get(l.key)?.row.fields.task
    );

    // The silent unit is named as not returned, on 回收情况 too; no unit that answered is.
    const answered = new Set(result.receipts.map((r) => r.unit));
    expect(result.notReturned.filter((u) => answered.has(u))).toEqual([]);
    if (silent) {
      expect(result.notReturned).toContain(silent);
      const sheet = outputSheets.find((x) => x.grid.sheet === COLLECT_SHEET)!.grid;
      const lines = sheet.values.map((r) => cellText(r[0] ?? null));
      const band = lines.findIndex((t) => t.startsWith("三、未回收单位"));
      const next = lines.findIndex((t) => t.startsWith("四、"));
      expect(lines[band]).toBe(`三、未回收单位（${result.notReturned.length}个）`);
      expect(lines.slice(band + 1, next).flatMap((t) => t.split("、"))).toEqual(result.notReturned);
    }

    // Every typed value is in the master; a row led by several units that typed different
    // values is a decision instead, never a silent pick.
    const progress = (key: string) => after.byKey.get(key)?.row.fields.progress ?? "";
    expect(typed.length).toBeGreaterThan(0);
    for (const t of typed)
      expect(
        progress(t.key) === t.value ||
          result.decisions.some((d) => d.kind === "value" && d.returned.includes(t.value))
      ).toBe(true);
  },
  300_000
);

describeIfSoffice("real tables: a return opened and saved by LibreOffice Calc", (soffice) => {
  /** Per table: the Calc-saved return, its unit, and what the unit typed into it. */
  const saved = new Map<string, { path: string; unit: string; key: string; lead: boolean }>();
  const STATUS = "已完成";
  const PROGRESS = "用 LibreOffice Calc 保存后报回。";

  // One soffice start converts every table's return: a start costs seconds, a file little.
  beforeAll(async () => {
    const inputs: { id: string; path: string; unit: string; key: string; lead: boolean }[] = [];
    const calcIn = join(dir, "Calc-in");
    mkdirSync(calcIn, { recursive: true });
    for (const id of realTableIds()) {
      const s = await split(id);
      if (!s) continue;
      const name = s.names[0];
      const file = await UnitFile.open(join(s.out, name));
      const [row] = file.itemRows();
      file.set(row, "status", STATUS);
      file.set(row, "progress", PROGRESS);
      const key = file.text(row, "key");
      const path = join(calcIn, `${id}--${name}`);
      await file.save(path);
      inputs.push({ id, path, unit: unitOf(name), key, lead: isLead(s.before, key, unitOf(name)) });
    }
    const written = await soffice.convert(
      inputs.map((i) => i.path),
      "xlsx:Calc MS Excel 2007 XML",
      join(dir, "Calc-out")
    );
    inputs.forEach((input, i) => saved.set(input.id, { ...input, path: written[i] }));
  }, 1_200_000);

  test.each(realTableIds())(
    "%s: the Calc-saved return matches by its hidden key and its values come in",
    async (id) => {
      const s = await split(id);
      if (!s) return;
      const calc = saved.get(id)!;
      const output = join(dir, id, "回收-Calc.xlsx");
      const { result } = await runCollect(s.master, [calc.path], collectOptions(output, DATE));
      expect(result.skipped).toEqual([]);
      expect(result.receipts).toEqual([
        expect.objectContaining({ unit: calc.unit, byFallback: 0, decisions: 0 }),
      ]);
      expect(result.decisions).toEqual([]);
      expect(await changedCells(s.sheets, output)).toEqual(cellsWritten(result));
      const item = (await readMasterFile(output, roster)).master.byKey.get(calc.key)!;
      if (calc.lead) {
        expect(item.row.fields.status).toBe(STATUS);
        expect(item.row.fields.progress).toBe(PROGRESS);
      } else {
        // A cooperating unit's entry is gathered into 回收备注 under the lead unit's row.
        expect(result.writes).toEqual([
          expect.objectContaining({
            field: "note",
            after: `${calc.unit}（配合）：${STATUS}；${PROGRESS}`,
          }),
        ]);
      }
    },
    300_000
  );
});

test("a list copied into a new workbook (bands unmerged and filled across) comes back by 序号 and text", async () => {
  const s = (await split("lishan-2023-list"))!;
  // A unit whose first row is one it leads: its 进展情况 goes into the master's column.
  let name = "";
  let sent: UnitFile | null = null;
  for (name of s.names) {
    sent = await UnitFile.open(join(s.out, name));
    if (isLead(s.before, sent.text(sent.itemRows()[0], "key"), unitOf(name))) break;
  }
  if (!sent) throw new Error("no unit file");
  // Values only, into a fresh workbook: no hidden sheet, no hidden columns; a merged band's text
  // in every cell of its row, as WPS's 取消合并并填充 leaves it.
  const copy = new ExcelJS.Workbook();
  const sheet = copy.addWorksheet("Sheet1");
  const visible = FILE_COLUMNS.filter((c) => c !== "key" && c !== "check");
  for (let r = 1; r <= sent.sheet.rowCount; r++)
    visible.forEach(
      (c, i) => (sheet.getCell(r, i + 1).value = sent.sheet.getCell(r, sent.col(c)).value)
    );
  const [row] = sent.itemRows();
  const progress = `${unitOf(name)}：复制到新表后填写。`;
  sheet.getCell(row, visible.indexOf("progress") + 1).value = progress;
  const back = join(dir, "复制", name);
  mkdirSync(join(dir, "复制"), { recursive: true });
  await copy.xlsx.writeFile(back);

  const output = join(dir, "复制-回收.xlsx");
  const { result } = await runCollect(s.master, [back], collectOptions(output, DATE));
  const items = sent.itemRows().length;
  expect(result.receipts).toEqual([
    expect.objectContaining({ unit: unitOf(name), rows: items, byFallback: items, decisions: 0 }),
  ]);
  expect(result.receipts[0].notes[0]).toContain("按单位、序号和事项文字对应");
  expect(result.decisions).toEqual([]);
  const key = sent.text(row, "key");
  const after = (await readMasterFile(output, roster)).master;
  expect(isLead(s.before, key, unitOf(name))).toBe(true);
  expect(after.byKey.get(key)?.row.fields.progress).toBe(progress);
}, 300_000);
