import ExcelJS from "exceljs";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { z } from "zod";

/**
 * The corpus of real public breakdown tables (tests/fixtures/real): each table is transcribed as
 * published into `<id>.json`, and built from it into `<id>.xlsx` as a clerk would keep it — title
 * rows merged across, header bold, merges where the source has them. Nothing here reads a table the
 * way the add-in does; tests of the parser compare its reading with expected.json, written by hand.
 */
export const REAL_DIR = join(__dirname, "..", "fixtures", "real");

/** A cell as published: text, a plain number, or null for an empty cell or one covered by a merge. */
const Cell = z.union([z.string(), z.number(), z.null()]);

/** A merged area in 1-based sheet coordinates, as ExcelJS's mergeCells takes them. */
export const Merge = z.object({
  top: z.number().int().positive(),
  left: z.number().int().positive(),
  bottom: z.number().int().positive(),
  right: z.number().int().positive(),
});
export type Merge = z.infer<typeof Merge>;

export const RealTable = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    place: z.object({ province: z.string().min(1), city: z.string().min(1), county: z.string() }),
    year: z.number().int().min(2000).max(2030),
    title: z.string().min(1),
    source: z.object({
      url: z.string().min(1),
      published: z.string().min(1),
      retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      via: z.string().min(1),
    }),
    kept: z.string().min(1),
    layout: z.string().min(1),
    sheet: z.object({
      name: z.string().min(1).max(31),
      /** Rows above the header (title, attachment number, notes); each is merged across the table. */
      titleRows: z.array(z.string().min(1)),
      headerRows: z.array(z.array(Cell)).min(1),
      rows: z.array(z.array(Cell)).min(1),
      /** Merges of the header and data rows; the builder adds the title rows' merges itself. */
      merges: z.array(Merge),
    }),
  })
  .superRefine((table, ctx) => {
    const { titleRows, headerRows, rows, merges } = table.sheet;
    const width = headerRows[0].length;
    [...headerRows, ...rows].forEach((row, i) => {
      if (row.length !== width)
        ctx.addIssue({
          code: "custom",
          message: `row ${i + 1} has ${row.length} cells, not ${width}`,
        });
    });
    const first = titleRows.length + 1;
    const last = titleRows.length + headerRows.length + rows.length;
    const grid = [...headerRows, ...rows];
    for (const m of merges) {
      const at = `merge ${JSON.stringify(m)}`;
      if (
        m.top < first ||
        m.bottom > last ||
        m.bottom < m.top ||
        m.right > width ||
        m.right < m.left
      )
        ctx.addIssue({ code: "custom", message: `${at} lies outside the header and data rows` });
      else if (m.top === m.bottom && m.left === m.right)
        ctx.addIssue({ code: "custom", message: `${at} covers a single cell` });
      else
        for (let r = m.top; r <= m.bottom; r++)
          for (let c = m.left; c <= m.right; c++)
            if ((r !== m.top || c !== m.left) && grid[r - first][c - 1] !== null)
              ctx.addIssue({ code: "custom", message: `${at} covers a cell that holds a value` });
    }
  });
export type RealTable = z.infer<typeof RealTable>;

/** The ids of the corpus, from the .json transcriptions present (expected.json excluded). */
export function realTableIds(): string[] {
  return readdirSync(REAL_DIR)
    .filter((f) => f.endsWith(".json") && f !== "expected.json")
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

/** Reads and validates one transcription; throws with zod's message naming the bad field. */
export function loadRealTable(id: string): RealTable {
  return RealTable.parse(JSON.parse(readFileSync(join(REAL_DIR, `${id}.json`), "utf8")));
}

export const realXlsxPath = (id: string): string => join(REAL_DIR, `${id}.xlsx`);

/** The workbook a clerk would keep for the table: one sheet, title merged across, header bold. */
export function buildRealWorkbook(table: RealTable): ExcelJS.Workbook {
  const { name, titleRows, headerRows, rows, merges } = table.sheet;
  const width = headerRows[0].length;
  const workbook = new ExcelJS.Workbook();
  // Fixed dates keep the file's metadata the same on every build.
  workbook.created = workbook.modified = new Date(`${table.source.retrieved}T00:00:00Z`);
  workbook.creator = "duban corpus builder";
  const sheet = workbook.addWorksheet(name);
  titleRows.forEach((text, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = { bold: i === 0, size: i === 0 ? 14 : 11 };
    row.getCell(1).alignment = { horizontal: i === 0 ? "center" : "left", vertical: "middle" };
    if (width > 1) sheet.mergeCells(i + 1, 1, i + 1, width);
  });
  const wrap: Partial<ExcelJS.Alignment> = { vertical: "middle", wrapText: true };
  headerRows.forEach((cells, i) => {
    const row = sheet.getRow(titleRows.length + i + 1);
    cells.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      if (value !== null) cell.value = value;
      cell.font = { bold: true };
      cell.alignment = { ...wrap, horizontal: "center" };
    });
  });
  rows.forEach((cells, i) => {
    const row = sheet.getRow(titleRows.length + headerRows.length + i + 1);
    cells.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      if (value !== null) cell.value = value;
      cell.alignment = wrap;
    });
  });
  for (const m of merges) sheet.mergeCells(m.top, m.left, m.bottom, m.right);
  sheet.columns.forEach((column, c) => {
    const longest = Math.max(...[...headerRows, ...rows].map((r) => String(r[c] ?? "").length), 2);
    column.width = Math.min(60, Math.max(6, longest * 2 + 2));
  });
  return workbook;
}

/** What a test compares between the committed .xlsx and a fresh build: values, merges, bold. */
export interface SheetSnapshot {
  name: string;
  values: Record<string, string | number>;
  merges: string[];
  bold: string[];
}

export function snapshotSheet(workbook: ExcelJS.Workbook): SheetSnapshot {
  const sheet = workbook.worksheets[0];
  const values: Record<string, string | number> = {};
  const bold: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const value = cell.value;
      if (typeof value === "string" || typeof value === "number") values[cell.address] = value;
      else if (value !== null && value !== undefined)
        values[cell.address] = `unexpected ${JSON.stringify(value)}`;
      if (cell.font?.bold) bold.push(cell.address);
    })
  );
  const model = sheet.model as unknown as { merges?: string[] };
  return { name: sheet.name, values, merges: [...(model.merges ?? [])].sort(), bold: bold.sort() };
}

/** The meanings a column of a breakdown table can have, as judged by a person reading the source. */
export const MEANINGS = [
  "seq",
  "category",
  "domain",
  "task",
  "detail",
  "deadline",
  "leader",
  "lead",
  "coop",
  "person",
  "cityUnit",
  "q1",
  "q2",
  "q3",
  "q4",
  "progress",
  "status",
  "remark",
  "unused",
] as const;

/**
 * expected.json: per table, how a careful reader understands it — every column's meaning (with the
 * period of a progress column), the number of items (sub-rows under one 序号 count once), the
 * number of data rows on the sheet, and the 1-based sheet rows holding the header and the headings.
 */
export const ExpectedReading = z.record(
  z.string(),
  z.object({
    columns: z.array(
      z
        .object({
          title: z.string().min(1),
          meaning: z.enum(MEANINGS),
          period: z.string().min(1).optional(),
          note: z.string().min(1).optional(),
        })
        .refine((c) => (c.meaning === "progress") === (c.period !== undefined), {
          message: "a progress column, and only one, names its period",
        })
    ),
    items: z.number().int().positive(),
    sheetRows: z.number().int().positive(),
    headerRows: z.array(z.number().int().positive()).min(1),
    headingRows: z.array(z.number().int().positive()),
    notes: z.string(),
  })
);
export type ExpectedReading = z.infer<typeof ExpectedReading>;

export function loadExpectedReading(): ExpectedReading {
  return ExpectedReading.parse(JSON.parse(readFileSync(join(REAL_DIR, "expected.json"), "utf8")));
}
