import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { a1 } from "../../../src/core/patch/address";
import { splitByUnit } from "../../../src/core/distribute/split";
import { defaultRoster } from "../../../src/core/roster";
import { validate } from "../../../src/core/rules";
import { seedTable, seedTables } from "../../support/seeds";
import { seedMaster } from "../../taskpane/fakeWorkbook";
import { type PaneRun, type PaneStep, type UserSheet, SHOTS, keptValue } from "./paneSuite";
import { TEST_FONT } from "./testFont";

/**
 * The pane's steps and what each must do, in the pane and in the workbook: one definition that
 * the Excel suite and the WPS suite both run (paneSuite.ts), so a step added here runs on both.
 * Each step goes through the pane's buttons only; the workbook is read through the host's probe.
 */

export const CHECK_DATE = "2022-09-30";
const IMPORT_SHEETS = ["市重点工作", "关键任务", "区重点工作", "民心工程"];
const TITLES: Record<string, string> = {
  市重点工作: "2022年市政府重点工作责任分解表（涉及津南区工作）",
  关键任务: "2022年市政府工作关键任务（涉及津南区工作）",
  区重点工作: "2022年津南区政府重点工作责任分解表",
  民心工程: "天津市2022年20项民心工程涉及津南区任务责任清单",
};
const ERROR_FILL = "#FFC7CE";

/** Leads more 区重点工作 tasks (15 of 106) than any other unit; the district table writes it 发展改革委. */
const UNIT = "区发展改革委";
const UNIT_WORD = "发展改革委";
const UNIT_SHEET = `单位-${UNIT}`;
/** 区重点工作 序号1, led by 发展改革委. */
const UNIT_TASK = "全区生产总值增长高于全市预期目标";
const TYPED_PROGRESS = "前三季度已完成全年目标的七成，正按月调度。";
/** The seed rows, of all four tables, whose 牵头单位 cell names the unit. */
const LED_BY_UNIT = seedTables().flatMap((t) =>
  t.rows.filter((r) => r.fields.lead?.includes(UNIT_WORD))
);
/** The file 下发 makes for the unit, and what the unit writes into it and sends back. */
const UNIT_FILE = `${UNIT}-督办事项-${CHECK_DATE.replace(/-/g, "")}.xlsx`;
const RETURNED = "前三季度已完成全年目标的七成。";
const CORRECTED = "更正：前三季度已完成全年目标的八成。";

/** The user's own sheet: not a breakdown table, so nothing the add-in does may change it. */
export const LEDGER: UserSheet = {
  name: "我的台账",
  values: [
    ["日期", "事项", "金额", "备注"],
    ["2022-03-01", "办公用品", 120.5, "+C18 只是备注"],
    ["2022-03-15", "会议室租用", 800, "已报销"],
  ],
  fill: { range: "A1:D1", color: "#DDEBF7" },
};

/** The 0-based row of the only row with a cell starting with `task`. */
function rowOf(grid: unknown[][], task: string): number {
  const rows = grid.flatMap((r, i) =>
    r.some((v) => typeof v === "string" && v.startsWith(task)) ? [i] : []
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

/** The body rows of a figure table of the 汇总 sheet: below its title and header, up to a blank row. */
function figureTable(grid: unknown[][], title: string): unknown[][] {
  const at = grid.findIndex((r) => r[0] === title);
  expect(at).toBeGreaterThan(0);
  const end = grid.findIndex((r, i) => i > at + 1 && r.every((v) => v === ""));
  return grid.slice(at + 2, end < 0 ? grid.length : end);
}

/** The cells (and sheets, by name) whose kept snapshots differ. */
function differences(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]);
}

/** The clipboard's text/html as Chromium gives it back: how many tables, and the first one's rows. */
function clipboardHtml(run: PaneRun): Promise<{ tables: number; rows: string[][] }> {
  return run.page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const item = items.find((i) => i.types.includes("text/html"));
    if (!item) return { tables: 0, rows: [] };
    const html = await (await item.getType("text/html")).text();
    const doc = new DOMParser().parseFromString(html, "text/html");
    const first = doc.querySelector("table");
    return {
      tables: doc.querySelectorAll("table").length,
      rows: [...(first?.querySelectorAll("tr") ?? [])].map((tr) =>
        [...tr.querySelectorAll("th,td")].map((c) => c.textContent ?? "")
      ),
    };
  });
}

async function expectLedgerKept(run: PaneRun): Promise<void> {
  expect(await run.probe.flat([LEDGER.name])).toEqual(keptValue(run, "ledger"));
}

export const PANE_STEPS: PaneStep[] = [
  {
    name: "the ribbon's 导入分解表 opens the pane with its 导入分解表 button focused, which opens the file picker",
    async run(run) {
      const address = await run.host.ribbonImport(run);
      expect(address).toBe("taskpane.html?start=import");
      await run.open(address);
      await run.page
        .getByText(
          "请点「导入分解表」，选择从 Word 复制后保存的文本（.txt）或分解表工作簿（.xlsx）。"
        )
        .waitFor();
      await run.page.waitForFunction(
        () => document.activeElement?.textContent?.trim() === "导入分解表"
      );
      // Once the pane has read the workbook, the button still has the focus.
      await run.page.getByText(/^工作簿中还没有可识别的责任分解表/).waitFor();
      expect(await run.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
        "导入分解表"
      );
      // The focused button is the real one: Enter opens the file picker. Playwright turns on
      // catching the picker when the wait starts, without waiting: a round trip to the page lets
      // that reach the browser before the key does.
      const picker = run.page.waitForEvent("filechooser");
      await run.page.evaluate(() => undefined);
      await run.page.keyboard.press("Enter");
      expect((await picker).isMultiple()).toBe(false);
      await run.shoot("00-ribbon-import");
    },
  },
  {
    name: "opens on a workbook without breakdown tables and says how to start",
    async run(run) {
      const { page } = run;
      await run.open("taskpane.html");
      await run.timed("open", () => page.getByText(/^工作簿中还没有可识别的责任分解表/).waitFor());
      expect(await page.getByRole("heading", { name: "督办助手" }).isVisible()).toBe(true);
      // The year comes from the bundled seeds while the workbook has no table of its own.
      expect(await page.getByText("2022年", { exact: true }).isVisible()).toBe(true);
      expect(await run.probe.sheetNames()).toEqual([LEDGER.name]);
      expect((await run.probe.cell(LEDGER.name, "C2")).value).toBe(120.5);
      expect((await run.probe.cell(LEDGER.name, "D2")).value).toBe("+C18 只是备注");
      expect((await run.probe.cell(LEDGER.name, "A1")).fill).toBe("#DDEBF7");
      run.kept.set("ledger", await run.probe.flat([LEDGER.name]));
      await page.getByLabel("检查日期").fill(CHECK_DATE);
      expect(await page.getByLabel("检查日期").inputValue()).toBe(CHECK_DATE);
      await page.getByLabel("检查日期").blur();
      // The Chinese on screen is drawn with the test page's own font, whatever the machine has.
      const fonts = await page.evaluate(async (family) => {
        await document.fonts.ready;
        const heading = document.querySelector("h1") ?? document.body;
        return {
          used: getComputedStyle(heading).fontFamily,
          loaded: [...document.fonts].filter(
            (f) => f.family.replace(/"/g, "") === family && f.status === "loaded"
          ).length,
        };
      }, TEST_FONT);
      expect(fonts.used).toContain(TEST_FONT);
      expect(fonts.loaded).toBeGreaterThan(0);
      await run.shoot("01-start");
    },
  },
  {
    name: "导入示例表 writes the four seed tables next to the user's sheet, text as text",
    async run(run) {
      const { page, probe } = run;
      await run.timed("import", async () => {
        await page.getByRole("button", { name: "导入示例表" }).click();
        await page
          .getByText("已导入 4 张表，共 170 行：市重点工作、关键任务、区重点工作、民心工程。")
          .waitFor();
      });
      await page.getByText("已识别 4 张责任分解表，点击「校验」开始检查。").waitFor();
      expect(await page.getByText(IMPORT_SHEETS.join("、"), { exact: true }).isVisible()).toBe(
        true
      );
      expect(await probe.sheetNames()).toEqual([LEDGER.name, ...IMPORT_SHEETS]);
      for (const sheet of IMPORT_SHEETS)
        expect((await probe.cell(sheet, "A1")).value).toBe(TITLES[sheet]);
      // The seed's copy-paste residue stays the text it is, not a formula =+C18.
      const residue = await probe.cell("市重点工作", "C15");
      expect(residue.value).toContain("积极与市水务局+C18协调");
      expect(residue.formula).toBeNull();
      expect(residue.numberFormat).toBe("@");
      run.kept.set("residueFill", residue.fill);
      run.kept.set("imported", await probe.flat(IMPORT_SHEETS));
      await run.shoot("02-import");
    },
  },
  {
    name: "校验 shows the core's totals, matching the 校验结果 sheet, and marks and links the offending cells",
    async run(run) {
      const { page, probe } = run;
      const results = page.getByRole("region", { name: "校验结果" });
      await probe.resetCost();
      await run.timed("validate", async () => {
        await page.getByRole("button", { name: "校验", exact: true }).click();
        await results.getByText(/^校验完成：共 170 行，/).waitFor();
      });
      const cost = await probe.cost();
      run.note(`validate (${run.host.costUnit})`, cost);
      console.log(
        `${run.host.name} pane in Chromium: 校验 of the seeds took ${cost} ${run.host.costUnit}`
      );
      expect(cost).toBeLessThan(run.host.validateCostLimit);

      // What the user sees: the core's totals for the seed tables on that day.
      const { totals: core } = validate(seedTables(), {
        roster: defaultRoster(),
        checkDate: CHECK_DATE,
      });
      const counted = async (label: string) =>
        Number(
          (await results.getByRole("group", { name: label }).textContent())?.replace(/\D/g, "")
        );
      const shown = {
        错误: await counted("错误"),
        警告: await counted("警告"),
        提示: await counted("提示"),
      };
      expect(shown).toEqual({ 错误: core.error, 警告: core.warning, 提示: core.info });
      const totals = `校验完成：共 170 行，错误 ${core.error} 处，警告 ${core.warning} 处，提示 ${core.info} 处。`;
      expect(await results.getByText(/^校验完成/).textContent()).toBe(
        `${totals}名册：使用随附的天津市津南区 2022 年名册（单位 66 个，领导 12 位）。`
      );
      expect(core.error).toBeGreaterThan(0);

      expect(await probe.sheetNames()).toEqual([LEDGER.name, ...IMPORT_SHEETS, "校验结果"]);
      expect(await probe.activeSheet()).toBe("校验结果");
      const grid = await probe.grid("校验结果", "values");
      expect(grid[1][0]).toBe(`${totals}检查日期：${CHECK_DATE}。`);
      expect(grid[2].slice(0, 2)).toEqual(["序号", "严重程度"]);
      // Below title, summary line and header: one row per issue, numbered, its severity in column B,
      // down to the blank row that sets off how each table's columns were read (列识别).
      const blank = grid.findIndex((row, i) => i > 2 && row.every((v) => v === ""));
      const issueRows = grid.slice(3, blank < 0 ? undefined : blank);
      if (blank >= 0) expect(grid[blank + 1][0]).toBe("列识别");
      expect(issueRows.map((row) => row[0])).toEqual(issueRows.map((_, i) => i + 1));
      expect(issueRows).toHaveLength(core.error + core.warning + core.info);
      for (const [label, n] of Object.entries(shown))
        expect(issueRows.filter((row) => row[1] === label)).toHaveLength(n);

      // The residue cell red with its note, and the listing's row of it linked to it.
      const residue = await probe.cell("市重点工作", "C15");
      expect(residue.fill).toBe(ERROR_FILL);
      expect(residue.note).toMatch(/^【错误】.*电子表格残留「\+C18」/);
      const row = 3 + issueRows.findIndex((r) => r.some((v) => String(v).includes("+C18")));
      const links = await Promise.all(
        grid[row].map((_, col) => probe.cell("校验结果", a1(row, col)))
      );
      expect(links.map((c) => c.link)).toContain("市重点工作!C15");
      await run.shoot("03-validate");
    },
  },
  {
    name: "a click on an issue selects its cell in the workbook",
    async run(run) {
      const { page, probe } = run;
      expect(await probe.selection()).not.toBe("市重点工作!C15");
      await page.getByRole("button", { name: /^电子表格残留/ }).click();
      const issue = page.getByRole("button", { name: /^市重点工作 C15/ });
      await run.timed("select", async () => {
        await issue.click();
        await page.waitForFunction(
          () =>
            (
              window as unknown as { __paneProbe: { selection(): string } }
            ).__paneProbe.selection() === "市重点工作!C15"
        );
      });
      expect(await probe.activeSheet()).toBe("市重点工作");
      expect(await issue.textContent()).toContain("+C18");
      await run.shoot("04-select-issue");
    },
  },
  {
    name: "at 350 × 700 the header that stays in view takes a third of the pane at most",
    async run(run) {
      const { page } = run;
      const viewport = page.viewportSize()!;
      await page.setViewportSize({ width: 350, height: 700 });
      try {
        // Scrolled down the issue list: the sticky part is on top, and small.
        await page.evaluate(() => window.scrollTo(0, 1200));
        const sticky = await page.evaluate(() => {
          const el = [...document.querySelectorAll("div")].find(
            (d) => getComputedStyle(d).position === "sticky"
          );
          const box = el?.getBoundingClientRect();
          return box ? { top: box.top, height: box.height } : null;
        });
        expect(sticky).not.toBeNull();
        expect(sticky!.top).toBe(0);
        expect(sticky!.height).toBeLessThanOrEqual(700 / 3);
        expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
        await run.shoot("04b-pane-350x700-scrolled");
        await run.shoot("04c-pane-350x700-top", true);
      } finally {
        await page.setViewportSize(viewport);
      }
    },
  },
  {
    name: "清除标记 removes every mark and gives the four tables back as 导入 wrote them",
    async run(run) {
      const { page, probe } = run;
      const marked = (await probe.notes(IMPORT_SHEETS)).filter((n) => n.startsWith("【")).length;
      expect(marked).toBeGreaterThan(0);
      const notice = await run.timed("clear", async () => {
        await page.getByRole("button", { name: "清除标记" }).click();
        const message = page.getByText(/^已清除 \d+ 处标记。$/);
        await message.waitFor();
        return message.textContent();
      });
      expect(notice).toBe(`已清除 ${marked} 处标记。`);
      expect((await probe.cell("市重点工作", "C15")).fill).toBe(keptValue(run, "residueFill"));
      const cleared = await probe.flat(IMPORT_SHEETS);
      expect(differences(keptValue(run, "imported"), cleared)).toEqual([]);
      run.kept.set("cleared", cleared);
      await run.shoot("05-clear-marks");
    },
  },
  {
    name: "生成单位表 (按牵头单位) writes a sheet per lead unit, linked back to 导入, and keeps what was typed",
    async run(run) {
      const { page, probe } = run;
      await page.getByRole("radio", { name: "按牵头单位" }).check();
      const notice = await run.timed("unit-sheets", async () => {
        await page.getByRole("button", { name: "生成单位表" }).click();
        const message = page.getByText(/^已生成 \d+ 张单位表（按牵头单位）。$/);
        await message.waitFor();
        return (await message.textContent()) ?? "";
      });
      const reported = Number(/\d+/.exec(notice)?.[0]);
      const unitSheets = await probe.generated("unit");
      expect(unitSheets).toHaveLength(reported);
      for (const name of unitSheets) {
        expect(name.startsWith("单位-")).toBe(true);
        expect(name.length).toBeLessThanOrEqual(31);
      }
      // New sheets only: every earlier sheet is where it was, the 导入 tables exactly as they were.
      expect(await probe.sheetNames()).toEqual([
        LEDGER.name,
        ...IMPORT_SHEETS,
        "校验结果",
        ...unitSheets,
      ]);
      expect(differences(keptValue(run, "cleared"), await probe.flat(IMPORT_SHEETS))).toEqual([]);
      await expectLedgerKept(run);

      // The unit's sheet lists every task whose 牵头单位 cell names it, in any of the four tables.
      expect(unitSheets).toContain(UNIT_SHEET);
      const sheet = await probe.grid(UNIT_SHEET, "values");
      expect(sheet[0][0]).toBe(`${UNIT}重点工作任务清单`);
      const leadBand = sheet.findIndex((r) => r[0] === `一、牵头事项（${LED_BY_UNIT.length}项）`);
      const coopBand = sheet.findIndex(
        (r) => typeof r[0] === "string" && r[0].startsWith("二、配合事项")
      );
      expect(leadBand).toBeGreaterThan(1);
      expect(coopBand).toBe(leadBand + LED_BY_UNIT.length + 1);
      const header = sheet[1];
      const taskCol = header.indexOf("重点工作");
      const listed = sheet.slice(leadBand + 1, coopBand).map((r) => r[taskCol]);
      expect([...listed].sort()).toEqual(LED_BY_UNIT.map((r) => r.fields.task).sort());

      // Its row of 区重点工作 序号1 links back to that row of the 导入 sheet.
      const at = (title: string) => a1(rowOf(sheet, UNIT_TASK), header.indexOf(title));
      const source = await probe.cell(UNIT_SHEET, at("来源"));
      expect(source.value).toBe("区重点工作!B5");
      expect((await probe.cell(UNIT_SHEET, at("原序号"))).value).toBe("1");
      const target = /^([^!]+)!([A-Z]+\d+)$/.exec(source.link ?? "");
      expect(target?.[1]).toBe("区重点工作");
      const linked = (await probe.cell("区重点工作", target?.[2] ?? "A1")).value;
      expect(String(linked).startsWith(UNIT_TASK)).toBe(true);
      await run.shoot("06-unit-sheets", true);

      // A user types progress into the unit sheet; a second run must keep it (issue 5 part 2).
      await probe.type(UNIT_SHEET, at("完成状态"), "推进中");
      await probe.type(UNIT_SHEET, at("进展情况"), TYPED_PROGRESS);
      // An edit outside those two columns is the master's to decide: the re-run writes it back.
      const leader = (await probe.cell(UNIT_SHEET, at("分管领导"))).value;
      await probe.type(UNIT_SHEET, at("分管领导"), "不是分管领导");
      await probe.resetCost();
      await run.timed("unit-sheets-again", async () => {
        await page.getByRole("button", { name: "生成单位表" }).click();
        // The notice is cleared when a run starts and set when it ends; the cost shows this run wrote.
        await page.getByText(notice, { exact: true }).waitFor();
        await page.waitForFunction(
          () => (window as unknown as { __paneProbe: { cost(): number } }).__paneProbe.cost() > 0
        );
      });
      expect(await probe.generated("unit")).toEqual(unitSheets);
      const again = await probe.grid(UNIT_SHEET, "values");
      const row = again[rowOf(again, UNIT_TASK)];
      expect(row[header.indexOf("完成状态")]).toBe("推进中");
      expect(row[header.indexOf("进展情况")]).toBe(TYPED_PROGRESS);
      expect(row[header.indexOf("分管领导")]).toBe(leader);
      await expectLedgerKept(run);
      await run.shoot("07-unit-sheets-again", true);
    },
  },
  {
    name: "汇总 writes the summary sheet, shows the report and copies it as text and as tables",
    async run(run) {
      const { page, probe } = run;
      await run.timed("summary", async () => {
        await page.getByRole("button", { name: "汇总", exact: true }).click();
        await page.getByText("汇总完成，已写入「汇总」工作表。").waitFor();
      });
      const report = page.getByRole("region", { name: "汇总报告" });
      const shown = await report.locator("p").allTextContents();
      const tables = seedTables();
      const district = seedTable("district");
      const total = tables.reduce((n, t) => n + t.rows.length, 0);
      expect(shown).toContainEqual(
        expect.stringMatching(
          new RegExp(`^截至2022年9月30日，2022年津南区政府重点工作共${district.rows.length}项，`)
        )
      );
      expect(shown).toContainEqual(
        expect.stringMatching(new RegExp(`^${tables.length}张表合计${total}项，`))
      );

      // The 汇总 sheet: marked as generated, the same sentences, per-table totals as parsed.
      expect(await probe.generated("summary")).toEqual(["汇总"]);
      expect(await probe.activeSheet()).toBe("汇总");
      const summary = await probe.grid("汇总", "values");
      expect(summary[0][0]).toBe("督办情况汇总（截至2022年9月30日）");
      expect(summary.slice(1, 1 + shown.length).map((r) => r[0])).toEqual(shown);
      const perTable = figureTable(summary, "各表完成情况");
      expect(perTable.map((r) => r[1])).toEqual(tables.map((t) => t.rows.length));
      const perUnit = figureTable(summary, "各牵头单位完成情况");
      expect(perUnit.find((r) => r[0] === UNIT)?.[1]).toBe(LED_BY_UNIT.length);
      // The pane's sentence and the sheet give the same figures for 区重点工作.
      const [done, inProgress, overdue, dueSoon] = perTable[tables.indexOf(district)].slice(2, 6);
      const sentence = shown.find((s) => s.includes("津南区政府重点工作共"));
      expect(sentence).toContain(`超期${overdue}项，即将到期${dueSoon}项`);
      // No 完成状态 is typed in 区重点工作: the sentence says so rather than “已完成0项”.
      expect(sentence).toContain(
        Number(done) + Number(inProgress) === 0
          ? "完成情况未填报"
          : `已完成${done}项，推进中${inProgress}项`
      );
      await expectLedgerKept(run);
      await run.shoot("08-summary", true);

      const copied = report.getByRole("status");
      await run.timed("copy", async () => {
        await report.getByRole("button", { name: "复制文字" }).click();
        await copied.getByText("已复制").waitFor();
      });
      const text = await page.evaluate(() => navigator.clipboard.readText());
      // The sentences as shown, then the figure tables, tab-separated.
      expect(text.split("\n\n")[0]).toBe(shown.join("\n"));
      expect(text).toContain(`\n${UNIT}\t${LED_BY_UNIT.length}\t`);

      await page.evaluate(() => navigator.clipboard.writeText(""));
      await report.getByRole("button", { name: "复制表格" }).click();
      // Waits for the tables themselves, not for any text: once (bare-machine run of f34d08e,
      // the Excel pane) a read as soon as the text was there found no tables.
      await page.waitForFunction(async () => {
        const item = (await navigator.clipboard.read()).find((i) => i.types.includes("text/html"));
        return item ? (await (await item.getType("text/html")).text()).includes("<table") : false;
      });
      const html = await clipboardHtml(run);
      expect(html.tables).toBeGreaterThanOrEqual(3);
      // Its row for the unit reads as the 汇总 sheet shows it (counts, and the rate as a percentage).
      const shownRow = figureTable(await probe.grid("汇总", "text"), "各牵头单位完成情况").find(
        (r) => r[0] === UNIT
      );
      expect(html.rows).toContainEqual(shownRow);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
      expect(await copied.textContent()).toBe("已复制");
      await run.shoot("09-summary-copied");
    },
  },
  {
    name: "下发单位表 downloads every unit's file as one .zip",
    async run(run) {
      const { page } = run;
      const download = page.waitForEvent("download");
      await run.timed("distribute", async () => {
        await page.getByRole("button", { name: "下发单位表" }).click();
        await page.getByText(/^已生成 \d+\/\d+：/).waitFor();
        await run.shoot("10-distribute-progress");
        // As many files as the core makes of the seed tables (every lead and cooperating unit, the
        // towns included through 各镇).
        const units = splitByUnit(seedMaster(CHECK_DATE), { date: CHECK_DATE }).length;
        expect(units).toBeGreaterThan(60);
        await page.getByText(new RegExp(`^已生成 ${units} 个单位的下发文件`)).waitFor();
        run.kept.set("units", units);
      });
      const zipPath = join(SHOTS, `${run.host.id}-下发单位表.zip`);
      await (await download).saveAs(zipPath);
      await run.shoot("11-distribute-done");
      const zip = await JSZip.loadAsync(readFileSync(zipPath));
      expect(Object.keys(zip.files)).toHaveLength(keptValue<number>(run, "units"));
      run.kept.set("unitFile", await zip.file(UNIT_FILE)!.async("nodebuffer"));
      await expectLedgerKept(run);
    },
  },
  {
    name: "回收进展 takes a unit's filled file back, and asks which of two differing files to keep",
    async run(run) {
      const { page } = run;
      // The unit fills in its first item and sends the file back under another name.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        keptValue<Buffer>(run, "unitFile") as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]
      );
      const sheet = workbook.getWorksheet("督办事项")!;
      const first = [...Array(sheet.rowCount).keys()]
        .map((i) => i + 1)
        .find((r) => typeof sheet.getCell(r, 1).value === "number")!;
      sheet.getCell(first, 7).value = "推进中";
      sheet.getCell(first, 8).value = RETURNED;
      // The files keep the names a unit gives them: one folder per host.
      const folder = join(SHOTS, run.host.id);
      mkdirSync(folder, { recursive: true });
      const back = join(folder, `报回-${UNIT_WORD}.xlsx`);
      writeFileSync(back, Buffer.from(await workbook.xlsx.writeBuffer()));

      const picker = page.getByLabel("选择各单位报回的文件");
      await run.timed("collect", async () => {
        await picker.setInputFiles(back);
        await page.getByText(/^回收完成：读取 1 个文件，更新 2 处/).waitFor();
      });
      await run.shoot("12-collect-done");
      expect(await run.probe.holds(RETURNED)).toBe(true);
      expect(await run.probe.sheetNames()).toEqual(expect.arrayContaining(["回收情况", "汇总"]));

      // The unit sends a second, different file: 回收 asks which to keep before writing anything.
      sheet.getCell(first, 8).value = CORRECTED;
      const again = join(folder, `报回-${UNIT_WORD}-更正.xlsx`);
      writeFileSync(again, Buffer.from(await workbook.xlsx.writeBuffer()));
      await picker.setInputFiles([back, again]);
      await page.getByText("回收待确认（1 处）").waitFor();
      await page.screenshot({
        path: join(SHOTS, `${run.host.id}-13-collect-decisions.png`),
        fullPage: true,
      });
      expect(await run.probe.holds(CORRECTED)).toBe(false);
      await page.getByRole("radio", { name: `采用「报回-${UNIT_WORD}-更正.xlsx」的` }).check();
      await page.getByRole("button", { name: "写入总表" }).click();
      await page.getByText(/其中 1 处按所选采用回收内容/).waitFor();
      expect(await run.probe.holds(CORRECTED)).toBe(true);
      await expectLedgerKept(run);
      await run.shoot("14-collect-written", true);
    },
  },
  {
    name: "the user's own sheet 我的台账 is exactly as it was",
    async run(run) {
      await expectLedgerKept(run);
    },
  },
];
