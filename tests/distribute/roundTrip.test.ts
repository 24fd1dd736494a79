import { createHash } from "crypto";
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCollect } from "../../src/cli/collectCommand";
import { readMasterFile, runSplit } from "../../src/cli/splitCommand";
import { writeCheckedWorkbook } from "../../src/cli/workbookCommand";
import type { CollectResult } from "../../src/core/distribute/collect";
import { NOTE_COLUMN } from "../../src/core/distribute/collect";
import type { Master } from "../../src/core/distribute/master";
import { splitByUnit, type UnitFile as Planned } from "../../src/core/distribute/split";
import { cellText } from "../../src/core/grid/cellText";
import { defaultRoster } from "../../src/core/roster";
import { readReturn } from "../../src/core/distribute/readReturn";
import { readAllSheets } from "../../src/xlsx";
import { compoundFile } from "../xlsx/compoundFile";
import { MINXIN_FILE, NOTICE_FILE, SEED_DIR, seedText } from "../support/seeds";
import { describeIfSoffice } from "../support/soffice";
import { cellsWritten, changedCells, collectOptions, filesIn, UnitFile } from "./simulate";

/**
 * 下发 → units → 回收 on the four seed tables, with what units and offices really do: fill some
 * rows and leave others, change a locked column, rename the file, not answer, answer twice,
 * re-sort, save with LibreOffice; the 督查室 edits the master meanwhile; bad files come back too.
 */
const DATE = "2022-09-30";
const roster = defaultRoster();
let dir: string;
let masterV2: string;
let plan: Planned[];
let before: Master;
let result: CollectResult;
let output: string;
const inputHashes = new Map<string, string>();
/** What units typed, by item key, and where it must end up. */
const typed: { unit: string; key: string; field: "status" | "progress"; value: string }[] = [];
const units: Record<string, Planned> = {};

const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "duban-roundtrip-"));
  const master = join(dir, "总表.xlsx");
  await writeCheckedWorkbook(
    [NOTICE_FILE, MINXIN_FILE].map((f) => join(SEED_DIR, f)),
    { output: master, force: false, checkDate: DATE, roster }
  );
  const out = join(dir, "下发");
  await runSplit(master, { output: out, date: DATE, roster, force: false });
  const m = (await readMasterFile(master, roster)).master;
  plan = splitByUnit(m, { date: DATE });

  // Units with three lead items or more, and one that also cooperates, play the parts.
  const busy = plan.filter((p) => p.lead >= 3);
  const [a, b, c, d, e, f, g] = [
    busy.find((p) => p.coop > 0)!,
    ...busy.filter((p) => p !== busy.find((q) => q.coop > 0)),
  ];
  Object.assign(units, { a, b, c, d, e, f, g });
  const back = join(dir, "回收");
  mkdirSync(back);
  const open = (p: Planned) => UnitFile.open(join(out, p.fileName));
  const fill = (
    file: UnitFile,
    unit: Planned,
    row: number,
    field: "status" | "progress",
    value: string
  ) => {
    file.set(row, field, value);
    typed.push({ unit: unit.unit, key: file.text(row, "key"), field, value });
  };

  // A fills two lead rows, leaves the rest, and notes a cooperating item.
  const fa = await open(a);
  const [a1, a2] = fa.itemRows();
  fill(fa, a, a1, "status", "已完成");
  fill(fa, a, a1, "progress", "已于9月完成验收。");
  fa.set(a2, "status", "已完成"); // the master says 推进中 meanwhile: a conflict
  const aCoop = fa.itemRows()[a.lead];
  fa.set(aCoop, "note", "已提供用地资料");
  await fa.save(join(back, a.fileName));

  // B changes a locked column, fills a row, and fills a row the master rewrites meanwhile.
  const fb = await open(b);
  const [b1, b2, b3] = fb.itemRows();
  fb.set(b1, "task", fb.text(b1, "task") + "（单位改）");
  fill(fb, b, b2, "progress", "正在推进，完成70%。");
  fb.set(b3, "progress", "总表改写前填的进展");
  const orphanKey = fb.text(b3, "key");
  await fb.save(join(back, b.fileName));

  // C renames its file.
  const fc = await open(c);
  fill(fc, c, fc.itemRows()[0], "status", "推进中");
  await fc.save(join(back, "报回材料（C）.xlsx"));

  // D does not answer. E answers twice, the second file differing in one row.
  const fe = await open(e);
  const [e1, e2] = fe.itemRows();
  fill(fe, e, e2, "status", "已延期");
  fe.set(e1, "progress", "第一版进展");
  await fe.save(join(back, e.fileName));
  fe.set(e1, "progress", "更正后的进展");
  await fe.save(join(back, "更正-" + e.fileName));

  // F re-sorts its list and renumbers it before filling it (its lead items are now last).
  const ff = await open(f);
  ff.reverseItems();
  const [f1, f2] = ff.itemRows().slice(-2);
  fill(ff, f, f1, "progress", "倒序后填写");
  fill(ff, f, f2, "status", "推进中");
  await ff.save(join(back, f.fileName));

  // G fills two rows; its file is also saved by LibreOffice (see the LibreOffice tests below).
  const fg = await open(g);
  fill(fg, g, fg.itemRows()[0], "progress", "用 LibreOffice 保存");
  fill(fg, g, fg.itemRows()[1], "status", "已完成");
  await fg.save(join(back, g.fileName));
  mkdirSync(join(dir, "G"));
  await fg.save(join(dir, "G", g.fileName));

  // Bad returns: a text file, a password-protected file, an empty workbook, another master's file.
  writeFileSync(join(back, "说明.xlsx"), seedText(NOTICE_FILE));
  writeFileSync(join(back, "加密.xlsx"), compoundFile(["EncryptionInfo", "EncryptedPackage"]));
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet("Sheet1");
  await empty.xlsx.writeFile(join(back, "空白.xlsx"));
  const other = join(dir, "民心工程总表.xlsx");
  await writeCheckedWorkbook([join(SEED_DIR, MINXIN_FILE)], {
    output: other,
    force: false,
    checkDate: DATE,
    roster,
  });
  const otherOut = join(dir, "其他下发");
  await runSplit(other, { output: otherOut, date: DATE, roster, force: false });
  const otherFile = filesIn(otherOut)[0];
  writeFileSync(join(back, "其他-" + otherFile), readFileSync(join(otherOut, otherFile)));
  // The master itself, picked by mistake: it has the columns but is no unit's file.
  writeFileSync(join(back, "总表副本.xlsx"), readFileSync(master));

  // Meanwhile the 督查室 sets A's second item to 推进中 and rewrites B's third item.
  masterV2 = join(dir, "总表-新.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(master);
  const setCell = (key: string, field: "status" | "task", value: string) => {
    const item = m.byKey.get(key)!;
    const col = item.master.layout.columnIndex[field]!;
    wb
      .getWorksheet(item.master.layout.sheet)!
      .getCell(item.master.layout.rowIndex[item.index] + 1, col + 1).value = value;
  };
  setCell(fa.text(a2, "key"), "status", "推进中");
  setCell(orphanKey, "task", "总表改写后的事项文字");
  await wb.xlsx.writeFile(masterV2);
  before = (await readMasterFile(masterV2, roster)).master;

  const returns = filesIn(back).map((f) => join(back, f));
  for (const path of [masterV2, ...returns]) inputHashes.set(path, hash(path));
  output = join(dir, "总表-回收.xlsx");
  ({ result } = await runCollect(masterV2, returns, collectOptions(output, DATE)));
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first run's output, read once and shared: the tests below only look at it. */
let afterRead: Promise<Master> | undefined;
let outputSheets: ReturnType<typeof readAllSheets> | undefined;
function masterAfter(): Promise<Master> {
  afterRead ??= readMasterFile(output, roster).then((r) => r.master);
  return afterRead;
}
function sheetsAfter(): ReturnType<typeof readAllSheets> {
  outputSheets ??= readAllSheets(output);
  return outputSheets;
}

test("every typed value is in the master, at the item it was typed against", async () => {
  const after = await masterAfter();
  expect(typed.length).toBeGreaterThanOrEqual(9);
  for (const t of typed) expect(after.byKey.get(t.key)?.row.fields[t.field]).toBe(t.value);
});

test("the cooperating unit's note is gathered under the lead unit's row", async () => {
  const after = await masterAfter();
  const notes = [...after.headers.values()].flatMap(({ grid, titles }) => {
    const col = titles.get(NOTE_COLUMN);
    return col === undefined ? [] : grid.values.map((r) => cellText(r[col - grid.left] ?? null));
  });
  expect(notes).toContain(`${units.a.unit}（配合）：已提供用地资料`);
});

test("every conflict is listed for the user, and the master keeps its value", async () => {
  const kinds = result.decisions.map((d) => [d.kind, d.unit, d.field]);
  expect(kinds).toEqual(
    expect.arrayContaining([
      ["value", units.a.unit, "完成状态"],
      ["protected", units.b.unit, "重点工作"],
      ["orphan", units.b.unit, "完成状态/进展情况"],
      ["duplicate", units.e.unit, "进展情况"],
    ])
  );
  expect(result.decisions).toHaveLength(4);
  const value = result.decisions.find((d) => d.kind === "value")!;
  expect(value.options.map((o) => o.kind)).toEqual(["master", "return"]);
  const after = await masterAfter();
  const cell = value.cell!;
  const item = after.items.find(
    (i) => i.master.layout.sheet === cell.sheet && i.master.layout.rowIndex[i.index] === cell.row
  )!;
  expect(item.row.fields.status).toBe("推进中");
});

test("the renamed and re-sorted files match by their hidden keys", () => {
  const receipt = (file: string) => result.receipts.find((r) => r.file === file)!;
  expect(receipt("报回材料（C）.xlsx")).toMatchObject({
    unit: units.c.unit,
    updated: 1,
    byFallback: 0,
  });
  expect(receipt(units.f.fileName)).toMatchObject({
    unit: units.f.unit,
    updated: 2,
    byFallback: 0,
  });
  expect(receipt(units.g.fileName)).toMatchObject({
    unit: units.g.unit,
    updated: 2,
    byFallback: 0,
  });
  expect(result.notReturned).toContain(units.d.unit);
  expect(result.notReturned).not.toContain(units.e.unit);
});

test("回收情况 lists every unit not returned across its width, rows tall enough to read", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  const sheet = wb.getWorksheet("回收情况")!;
  const text = (r: number) => String(sheet.getCell(r, 1).value ?? "");
  let r = 1;
  while (r <= sheet.rowCount && !text(r).startsWith("三、未回收单位")) r++;
  const names: string[] = [];
  for (r += 1; r <= sheet.rowCount && !text(r).startsWith("四、"); r++) {
    // Merged over all ten columns, and given a height (Excel does not fit merged cells).
    expect(sheet.getCell(r, 10).master.address).toBe(`A${r}`);
    const chars = [...text(r)].length;
    expect(sheet.getRow(r).height).toBeGreaterThanOrEqual(16 * Math.ceil((2 * chars) / 200));
    names.push(...text(r).split("、"));
  }
  expect(result.notReturned.length).toBeGreaterThan(40);
  expect(names).toEqual(result.notReturned);
});

test("bad returns are named with a Chinese reason and the others go on", () => {
  const reasons = Object.fromEntries(result.skipped.map((s) => [s.file, s.reason]));
  expect(Object.keys(reasons).sort()).toEqual(
    ["加密.xlsx", "空白.xlsx", "说明.xlsx", "总表副本.xlsx", expect.stringMatching(/^其他-/)].sort()
  );
  expect(reasons["总表副本.xlsx"]).toContain("不是督办助手下发的单位文件");
  expect(reasons["加密.xlsx"]).toContain("设有打开密码");
  expect(reasons["说明.xlsx"]).toContain("不是 Excel 工作簿");
  expect(reasons["空白.xlsx"]).toContain("是空的");
  const other = Object.entries(reasons).find(([f]) => f.startsWith("其他-"))!;
  expect(other[1]).toContain("另一份总表「民心工程总表.xlsx」");
});

test("nothing else changed in the master, and no input file was written", async () => {
  for (const [path, digest] of inputHashes) expect(hash(path)).toBe(digest);
  expect(await changedCells(masterV2, await sheetsAfter())).toEqual(cellsWritten(result));
  expect((await sheetsAfter()).some((s) => s.grid.sheet === "回收情况")).toBe(true);
});

test("汇总 counts the statuses that came back", async () => {
  const done = (m: Master) => m.items.filter((i) => i.row.fields.status === "已完成").length;
  const after = await masterAfter();
  const newlyDone = typed.filter((t) => t.field === "status" && t.value === "已完成").length;
  expect(done(after)).toBe(done(before) + newlyDone);
  const summary = (await sheetsAfter()).find((s) => s.grid.sheet === "汇总")!.grid;
  const total = summary.values
    .flat()
    .map((v) => cellText(v))
    .find((t) => t.includes("张表合计"));
  expect(total).toContain(`已完成${done(after)}项`);
});

describeIfSoffice("下发 and 回收 through LibreOffice", (soffice) => {
  const XLSX = "xlsx:Calc MS Excel 2007 XML";

  test("LibreOffice opens every split file and keeps its hidden keys and record", async () => {
    const out = join(dir, "下发");
    const names = filesIn(out);
    const saved = await soffice.convert(
      names.map((f) => join(out, f)),
      XLSX,
      join(dir, "LibreOffice-下发")
    );
    expect(names.sort()).toEqual(plan.map((p) => p.fileName).sort());
    for (const p of plan) {
      const path = saved[names.indexOf(p.fileName)];
      const read = readReturn({
        file: p.fileName,
        modified: null,
        sheets: await readAllSheets(path),
      });
      if ("problem" in read) throw new Error(read.problem);
      expect(read.meta?.head.unit).toBe(p.unit);
      expect(read.rows.map((r) => r.texts.key)).toEqual(read.meta?.rows.map((r) => r.key));
      expect(read.rows).toHaveLength(p.lead + p.coop);
    }
  }, 1_200_000);

  test("a return saved by LibreOffice matches by its hidden keys and its values come in", async () => {
    const g = units.g;
    const [saved] = await soffice.convert(
      [join(dir, "G", g.fileName)],
      XLSX,
      join(dir, "LibreOffice-回收")
    );
    const output = join(dir, "总表-LibreOffice.xlsx");
    const { result } = await runCollect(masterV2, [saved], collectOptions(output, DATE));
    expect(result.skipped).toEqual([]);
    expect(result.receipts).toEqual([
      expect.objectContaining({ unit: g.unit, updated: 2, byFallback: 0, decisions: 0 }),
    ]);
    const after = (await readMasterFile(output, roster)).master;
    for (const t of typed.filter((t) => t.unit === g.unit))
      expect(after.byKey.get(t.key)?.row.fields[t.field]).toBe(t.value);
  }, 1_200_000);
});

test("choosing the returns' values writes them (duban collect --conflicts return)", async () => {
  const out = join(dir, "总表-采用回收.xlsx");
  const back = join(dir, "回收");
  await runCollect(
    masterV2,
    filesIn(back).map((f) => join(back, f)),
    {
      output: out,
      date: DATE,
      roster,
      force: false,
      conflicts: "return",
    }
  );
  const after = (await readMasterFile(out, roster)).master;
  const value = result.decisions.find((d) => d.kind === "value")!;
  const item = after.items.find(
    (i) =>
      i.master.layout.sheet === value.cell!.sheet &&
      i.master.layout.rowIndex[i.index] === value.cell!.row
  )!;
  expect(item.row.fields.status).toBe("已完成");
});

describe("the user's 处理 in 回收情况 decide on a second run", () => {
  /** 回收情况 of the first run's output with 处理 picked: `labels` by decision kind. */
  async function pick(
    labels: Partial<Record<string, (d: CollectResult["decisions"][number]) => string>>
  ) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const sheet = wb.getWorksheet("回收情况")!;
    let header = 1;
    while (header <= sheet.rowCount && sheet.getCell(header, 10).value !== "处理") header++;
    expect(header).toBeLessThanOrEqual(sheet.rowCount);
    const kinds: Record<string, CollectResult["decisions"][number]["kind"]> = {
      与总表不一致: "value",
      同一单位两份文件不一致: "duplicate",
      改动了锁定列: "protected",
    };
    result.decisions.forEach((d, i) => {
      const kind = String(sheet.getCell(header + 1 + i, 1).value);
      expect(kinds[kind] ?? "orphan").toBe(d.kind);
      const label = labels[d.kind];
      if (label) sheet.getCell(header + 1 + i, 10).value = label(d);
    });
    const edited = join(dir, `总表-回收-已选-${Object.keys(labels).join("-")}.xlsx`);
    await wb.xlsx.writeFile(edited);
    return edited;
  }
  const returns = () => filesIn(join(dir, "回收")).map((f) => join(dir, "回收", f));
  const cellOf = (m: Master, cell: { sheet: string; row: number }) =>
    m.items.find(
      (i) => i.master.layout.sheet === cell.sheet && i.master.layout.rowIndex[i.index] === cell.row
    )!;
  const decision = (kind: string) => result.decisions.find((d) => d.kind === kind)!;

  test("re-run on the edited output: the picked options are written, the rest kept", async () => {
    const edited = await pick({
      value: (d) => d.options[1].label,
      duplicate: (d) => d.options.find((o) => o.label.includes("更正-"))!.label,
    });
    const final = join(dir, "总表-定稿.xlsx");
    const { lines, result: again } = await runCollect(
      edited,
      returns(),
      collectOptions(final, DATE)
    );
    expect(lines).toContain(
      "按「总表」的「回收情况」中填写的处理决定 4 处（其中采用回收内容 2 处）。"
    );
    const after = (await readMasterFile(final, roster)).master;
    expect(cellOf(after, decision("value").cell!).row.fields.status).toBe("已完成");
    expect(cellOf(after, decision("duplicate").cell!).row.fields.progress).toBe("更正后的进展");
    const locked = decision("protected");
    expect(cellOf(after, locked.cell!).row.fields.task).toBe(locked.master);
    // The same four decisions came up again, and the user's 处理 settled them.
    expect(again.decisions.map((d) => d.kind)).toEqual(result.decisions.map((d) => d.kind));
  });

  test("--decisions reads the 处理 of another workbook; a 处理 that is no option is named", async () => {
    const edited = await pick({ value: (d) => d.options[1].label, protected: () => "随便" });
    const { lines } = await runCollect(masterV2, returns(), {
      output: join(dir, "总表-按决定.xlsx"),
      date: DATE,
      roster,
      force: false,
      conflicts: "master",
      decisions: edited,
    });
    const after = (await readMasterFile(join(dir, "总表-按决定.xlsx"), roster)).master;
    expect(cellOf(after, decision("value").cell!).row.fields.status).toBe("已完成");
    expect(
      lines.some((l) => /^「回收情况」第 \d+ 行的处理「随便」不是可选项（保留总表的、/.test(l))
    ).toBe(true);
  });
});
