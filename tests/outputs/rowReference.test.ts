import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { createExcelActions } from "../../src/excel/workflows";
import { ROOT, duban } from "../support/cli";
import { installStandIn, type StandInHandle } from "../support/excel-standin";

/**
 * One row reference: every 第N行 and every sheet cell that any output names — the CLI's text
 * and JSON, the notes on marked cells, 校验结果, the unit sheets' 来源 and the pane's list — is
 * looked up in the workbook `check -o` writes, and must be the sheet row that holds what the
 * finding is about (the quoted name, an empty 序号, the other table's figure, the same task).
 * Nothing here takes a row number from the code: the workbook is read as a user would read it.
 */
const SEEDS = ["000_867c357d3391b2e7.txt", "003_4a3e803327059358.txt"].map((f) =>
  join(ROOT, "seeds", f)
);
const DATE = "2022-09-30";
const IMPORT_SHEETS = ["市重点工作", "关键任务", "区重点工作", "民心工程"];

let book: ExcelJS.Workbook;
let cliText: string;
let cliJson: Record<string, unknown>[];

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), "duban-rows-")), "seeds.xlsx");
  expect(duban("check", ...SEEDS, "--date", DATE, "-o", out).status).toBe(0);
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const text = duban("check", ...SEEDS, "--date", DATE);
  expect(text.status).toBe(0);
  cliText = text.stdout;
  cliJson = duban("check", ...SEEDS, "--date", DATE, "--json")
    .stdout.trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}, 120_000);

const flat = (s: string) => s.replace(/\s+/g, "");
const sheet = (name: string) => {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
const textAt = (ws: ExcelJS.Worksheet, address: string): string => {
  const v = ws.getCell(address).value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  if (typeof v === "object" && "text" in v) return String(v.text);
  return String(v);
};
/** The sheet a table title names, read from the title cells of the 导入 sheets. */
const sheetOfTitle = (title: string): string | undefined =>
  IMPORT_SHEETS.find((s) => flat(textAt(sheet(s), "A1")) === flat(title));
const headerRows = (ws: ExcelJS.Worksheet) =>
  Number((ws.views[0] as { ySplit?: number } | undefined)?.ySplit ?? 0);
/** A row of the table's body holding a task: under the frozen header, not a full-width band. */
function isTaskRow(ws: ExcelJS.Worksheet, row: number): boolean {
  if (row <= headerRows(ws)) return false;
  if (ws.getCell(`B${row}`).master.address === `A${row}`) return false;
  return textAt(ws, `B${row}`) !== "" || textAt(ws, `C${row}`) !== "";
}
const column = (cell: string) => /^[A-Z]+/.exec(cell)![0];
const rowOf = (cell: string) => Number(/\d+$/.exec(cell)![0]);
/** The header title over a column: the lower header row when there are two. */
function headerOver(ws: ExcelJS.Worksheet, col: string): string {
  for (let r = headerRows(ws); r >= 2; r--) {
    const t = textAt(ws, `${col}${r}`);
    if (t) return flat(t);
  }
  return "";
}

let checked = 0;
/**
 * Every 第N行 in a message, checked in the sheet it names: the issue's own, or the table whose
 * title stands right before it. Each kind of reference is checked for what it claims.
 */
function checkMessage(message: string, ownSheet: string, ownCell: string): void {
  const own = sheet(ownSheet);
  const refs = [...message.matchAll(/第(\d+(?:[—、]\d+)*)(?:等\d+)?行/g)];
  for (const ref of refs) {
    const rows = ref[1].split(/[—、]/).map(Number);
    const before = message.slice(0, ref.index);
    const after = message.slice((ref.index ?? 0) + ref[0].length);
    const other = /与「([^」]+)」$/.exec(before);
    if (other) {
      // figure.cross-table: the other table's row holds the other figure.
      const ws = sheet(sheetOfTitle(other[1]) ?? "");
      const figure = /对方为([^；。、]+)/.exec(after)![1];
      const [row] = rows;
      expect(isTaskRow(ws, row)).toBe(true);
      const rowText = flat(
        (ws.getRow(row).values as unknown[]).map((v) => (v ? JSON.stringify(v) : "")).join("")
      );
      expect(rowText).toContain(flat(figure));
    } else if (/^没有序号/.test(after)) {
      // numbering.seq-missing: the first and the last row of the run, each a task without 序号.
      for (const row of rows) {
        expect(isTaskRow(own, row)).toBe(true);
        expect(textAt(own, `A${row}`)).toBe("");
      }
    } else if (/「([^」]+)」（$/.test(before)) {
      // A name and the rows it is written in: each row's cell of this column holds it.
      const name = /「([^」]+)」（$/.exec(before)![1];
      for (const row of rows) {
        expect(isTaskRow(own, row)).toBe(true);
        expect(flat(textAt(own, `${column(ownCell)}${row}`))).toContain(flat(name));
      }
    } else {
      throw new Error(`a 第N行 this test does not know how to check: ${message}`);
    }
    checked++;
  }
}

/** A cell an issue is about: a task row of its sheet, under the column the issue names. */
function checkCell(sheetName: string, cell: string, columnTitle: string, seq: string): void {
  const ws = sheet(sheetName);
  expect(isTaskRow(ws, rowOf(cell))).toBe(true);
  expect(headerOver(ws, column(cell))).toBe(flat(columnTitle));
  if (headerOver(ws, "A") !== "序号") return;
  const printed = textAt(ws, `A${rowOf(cell)}`);
  if (seq.startsWith("缺失")) expect(printed).toBe("");
  else expect(printed).toBe(seq);
  checked++;
}

describe("every output names the sheet row a user sees", () => {
  test("CLI text: 市重点工作!F16（序号14） and every 第N行 in its messages", () => {
    checked = 0;
    const lines = cliText.split("\n").filter((l) => /^ {2}\S+![A-Z]+\d+/.test(l));
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) {
      const m =
        /^ {2}(\S+)!([A-Z]+\d+)(?:（序号([^）]+)）)?「([^」]+)」【[^】]+】[^：]+：(.*)$/.exec(line);
      if (!m) throw new Error(`unreadable line: ${line}`);
      const [, sheetName, cell, seq, columnTitle, message] = m;
      checkCell(sheetName, cell, columnTitle, seq ?? "");
      checkMessage(message, sheetName, cell);
    }
    expect(checked).toBeGreaterThan(150);
    expect(cliText).toContain(
      "市重点工作!F16（序号14）「牵头单位」【警告】单位名称不规范：「区市场监管委」（第16行）"
    );
  });

  test("CLI JSON: sheet, cell, row and lastRow point at the rows, evidence in the cell", () => {
    for (const issue of cliJson) {
      const {
        sheet: sheetName,
        cell,
        row,
        lastRow,
        seq,
        columnTitle,
        rule,
      } = issue as Record<string, string & number>;
      expect(row).toBe(rowOf(cell));
      checkCell(sheetName, cell, columnTitle, seq ?? "缺失");
      checkMessage(issue.message as string, sheetName, cell);
      if (rule === "numbering.seq-missing") {
        expect(isTaskRow(sheet(sheetName), lastRow)).toBe(true);
        expect(textAt(sheet(sheetName), `A${lastRow}`)).toBe("");
        // The run ends there: the next row has its 序号 or is a band.
        const next = lastRow + 1;
        expect(
          isTaskRow(sheet(sheetName), next) && textAt(sheet(sheetName), `A${next}`) === ""
        ).toBe(false);
      }
      // What the finding quotes from its own cell is in that cell (leader.spacing quotes a form
      // counted over the whole table; seq-missing and open-ended quote nothing or a summary).
      const quoted = String(issue.evidence).replace(/…$/, "");
      if (quoted && /^(text|unit\.(alias|run-together)|leader\.run-together)/.test(rule))
        expect(flat(textAt(sheet(sheetName), cell))).toContain(flat(quoted));
    }
    expect(cliJson.filter((i) => i.rule === "numbering.seq-missing").length).toBe(4);
  });

  test("notes on marked cells and 校验结果's rows", () => {
    let notes = 0;
    for (const name of IMPORT_SHEETS) {
      sheet(name).eachRow((r) =>
        r.eachCell((c) => {
          const note = c.note;
          if (!note) return;
          const text =
            typeof note === "string" ? note : (note.texts?.map((t) => t.text).join("") ?? "");
          if (!text.startsWith("【")) return; // 截止日期's header note explains the colours
          notes++;
          for (const line of text.split("\n")) checkMessage(line, name, c.address);
        })
      );
    }
    expect(notes).toBeGreaterThan(50);

    const list = sheet("校验结果");
    let rows = 0;
    list.eachRow((_, n) => {
      const value = list.getCell(`D${n}`).value;
      if (n <= 3 || typeof value !== "object" || value === null) return;
      rows++;
      const place = textAt(list, `D${n}`);
      const [sheetName, cell] = place.split("!");
      const link = (list.getCell(`D${n}`).value as { hyperlink: string }).hyperlink;
      expect(link.replace(/\$/g, "")).toBe(`#'${sheetName}'!${cell}`);
      checkCell(sheetName, cell, textAt(list, `G${n}`), textAt(list, `F${n}`) || "缺失");
      checkMessage(textAt(list, `H${n}`), sheetName, cell);
    });
    expect(rows).toBe(cliJson.length);
  });

  test("unit sheets: 来源 names and links the row of the same task, 原序号 its 序号", () => {
    let sources = 0;
    for (const ws of book.worksheets.filter((w) => w.name.startsWith("单位-"))) {
      // 原序号 stands only on the sheets of units with a task from a table with 序号.
      const header = (ws.getRow(2).values as unknown[]).map(String);
      const [seqAt, taskAt] = [header.indexOf("原序号"), header.indexOf("重点工作")];
      ws.eachRow((row, n) => {
        const value = ws.getCell(`B${n}`).value;
        if (n <= 2 || typeof value !== "object" || value === null || !("hyperlink" in value))
          return;
        // The cell alone: LibreOffice prints a link on one line, so the 序号 stands beside it.
        const m = /^(\S+)!([A-Z]+\d+)$/.exec(String(value.text))!;
        expect(m).not.toBeNull();
        const [, master, cell] = m;
        const seq = seqAt > 0 ? String(row.getCell(seqAt).value ?? "") : "";
        expect(String(value.hyperlink).replace(/\$/g, "")).toBe(`#'${master}'!${cell}`);
        const ws2 = sheet(master);
        expect(isTaskRow(ws2, rowOf(cell))).toBe(true);
        expect(flat(textAt(ws2, cell))).toBe(flat(String(row.getCell(taskAt).value)));
        if (seq === "") expect(headerOver(ws2, "A")).not.toBe("序号");
        else if (seq.startsWith("缺失")) expect(textAt(ws2, `A${rowOf(cell)}`)).toBe("");
        else expect(textAt(ws2, `A${rowOf(cell)}`)).toBe(seq);
        sources++;
      });
    }
    expect(sources).toBeGreaterThan(200);
  });

  test("the pane's list: each issue's cell and message, on the add-in's own 导入 sheets", async () => {
    checked = 0;
    let excel: StandInHandle | undefined;
    try {
      excel = installStandIn({});
      const actions = createExcelActions();
      await actions.importSeeds(() => undefined, { checkDate: DATE });
      const pane = await actions.validate({ checkDate: DATE }, () => undefined);
      expect(pane.issues.length).toBe(cliJson.length);
      for (const issue of pane.issues) {
        const [sheetName, cell] = issue.address.replace(/'/g, "").split("!");
        checkCell(sheetName, cell, issue.columnTitle, issue.seq ?? "缺失");
        checkMessage(issue.message, sheetName, cell);
      }
    } finally {
      excel?.uninstall();
    }
    expect(checked).toBeGreaterThan(150);
  }, 120_000);
});
