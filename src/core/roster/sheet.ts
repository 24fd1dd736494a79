import { cellText } from "../grid/cellText";
import type { Grid } from "../grid/schema";
import type { PlacedIssue } from "../outputs/validationSheets";
import { a1, sheetPrefix } from "../patch/address";
import { rect } from "../patch/build";
import type { Issue } from "../rules/schema";
import type { PatchCell, SheetOpInput } from "../patch/schema";
import { COLORS, TITLE_FONT } from "../outputs/style";
import type { LearnedRoster } from "./learn";
import { loadRoster } from "./load";
import { normaliseName } from "./normalise";
import type { Group, NameKind, Roster, RosterFields, Unit } from "./schema";

/**
 * The 名册 sheet: the roster as rows a user edits like any sheet — 类别 (领导/单位/单位组), 名称,
 * 别名 (forms to correct to 名称), 也可写作 (other correct forms), 成员 (the units a 单位组 stands
 * for), 说明. 校验 reads it back when present; its mistakes are reported at their cells and the
 * rows or forms concerned are left out, never thrown.
 */

export const ROSTER_SHEET = "名册";
const COLUMNS = [
  { title: "类别", width: 8 },
  { title: "名称", width: 26 },
  { title: "别名", width: 34 },
  { title: "也可写作", width: 28 },
  { title: "成员", width: 40 },
  { title: "说明", width: 40 },
] as const;
type ColumnTitle = (typeof COLUMNS)[number]["title"];
const HEADER_AT = 2;
const CATEGORY = { 领导: "leader", 单位: "unit", 单位组: "group" } as const;
type Category = keyof typeof CATEGORY;
/** A list in one cell: 、，,；; or line breaks between names. */
const LIST = /[、，,；;\n\r]+/;
const TITLE = /名册：(.+?)\s*(\d{4})年/;

/** A mistake in the 名册 sheet, at its cell (0-based sheet row and column). */
export interface RosterProblem {
  sheet: string;
  row: number;
  col: number;
  columnTitle: ColumnTitle | "标题";
  /** The kind of name the row is about, so 校验结果 can file it. */
  kind: NameKind;
  message: string;
}

function notes(learned: LearnedRoster | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of learned?.entries ?? []) {
    const forms = e.forms.map((f) => `「${f.key}」${f.count}处`).join("，");
    const single = learned?.singles.includes(e) ? "；只出现一次，与其他名称都不相近，请确认" : "";
    out.set(`${e.kind}:${e.name}`, `共${e.count}处${forms ? `，其中${forms}` : ""}${single}`);
  }
  return out;
}

/** 生成名册: the sheet for a roster (learned ones say in 说明 how often each form is used). */
export function buildRosterSheet(
  roster: Roster,
  learned: LearnedRoster | null = null,
  sheet = ROSTER_SHEET
): SheetOpInput {
  const said = notes(learned);
  const list = (names: readonly string[]) => names.join("、");
  const rows: PatchCell[][] = [
    ...roster.leaders.map((l) => [
      "领导",
      l.name,
      list(l.aliases),
      "",
      "",
      said.get(`leader:${l.name}`) ?? "",
    ]),
    ...roster.units.map((u) => [
      "单位",
      u.name,
      list(u.aliases),
      list(u.variants),
      "",
      said.get(`unit:${u.name}`) ?? "",
    ]),
    ...roster.groups.flatMap((g) =>
      "name" in g
        ? [
            [
              "单位组",
              g.name,
              list(g.aliases),
              "",
              list(g.members),
              said.get(`group:${g.name}`) ?? "",
            ],
          ]
        : []
    ),
  ];
  const width = COLUMNS.length;
  const blank = Array<PatchCell>(width - 1).fill(null);
  return {
    sheet,
    mode: "create",
    generated: { kind: "roster", key: "roster" },
    tabColor: "#548235",
    activate: true,
    columns: COLUMNS.map((c, col) => ({ col, width: c.width })),
    values: [
      {
        row: 0,
        col: 0,
        values: [
          [`名册：${roster.district} ${roster.year}年`, ...blank],
          [
            "类别填“领导”“单位”或“单位组”。别名是应改为名称的写法；也可写作是同样正确的写法；单位组填上成员后，写到这个单位组的事项逐个分给每个成员。改动后点“校验”即按此名册检查。",
            ...blank,
          ],
          COLUMNS.map((c) => c.title),
          ...rows,
        ],
      },
    ],
    merges: [rect(0, 0, 1, width), rect(1, 0, 1, width)],
    formats: [
      { range: rect(0, 0), font: TITLE_FONT },
      { range: rect(1, 0, 1, width), wrap: true },
      {
        range: rect(HEADER_AT, 0, 1, width),
        fill: COLORS.headerFill,
        font: { bold: true },
        horizontal: "center",
      },
      {
        range: rect(HEADER_AT + 1, 0, Math.max(1, rows.length), width),
        wrap: true,
        vertical: "top",
      },
    ],
    freeze: { rows: HEADER_AT + 1, cols: 0 },
  };
}

/** A sheet 校验 reads as the workbook's 名册: the one 生成名册 wrote, or one the user named 名册. */
export function isRosterSheet(sheet: { name: string; marker: { kind: string } | null }): boolean {
  return sheet.marker?.kind === "roster" || (sheet.marker === null && sheet.name === ROSTER_SHEET);
}

interface SheetRow {
  at: number;
  cells: Record<ColumnTitle, string>;
  col: Record<ColumnTitle, number>;
}

function rowsOf(grid: Grid): { rows: SheetRow[]; header: number } | null {
  const texts = grid.values.map((r) => r.map((v) => cellText(v).trim()));
  const header = texts.findIndex((r) => r.includes("类别") && r.includes("名称"));
  if (header < 0) return null;
  const col = Object.fromEntries(
    COLUMNS.map((c) => [c.title, texts[header].indexOf(c.title)])
  ) as Record<ColumnTitle, number>;
  const rows = texts.slice(header + 1).map((r, i) => ({
    at: grid.top + header + 1 + i,
    cells: Object.fromEntries(
      COLUMNS.map((c) => [c.title, col[c.title] < 0 ? "" : (r[col[c.title]] ?? "")])
    ) as Record<ColumnTitle, string>,
    col: Object.fromEntries(
      COLUMNS.map((c) => [c.title, grid.left + Math.max(0, col[c.title])])
    ) as Record<ColumnTitle, number>,
  }));
  return { rows, header: grid.top + header };
}

const listOf = (text: string) =>
  text
    .split(LIST)
    .map((s) => s.trim())
    .filter((s) => s !== "");

/** The 名册 a sheet holds, with its problems at their cells; null roster when nothing usable is there. */
export function readRosterSheet(grid: Grid): { roster: Roster | null; problems: RosterProblem[] } {
  const problems: RosterProblem[] = [];
  const problem = (
    row: number,
    col: number,
    columnTitle: RosterProblem["columnTitle"],
    kind: NameKind,
    message: string
  ) => problems.push({ sheet: grid.sheet, row, col, columnTitle, kind, message });
  const read = rowsOf(grid);
  if (!read) {
    problem(
      grid.top,
      grid.left,
      "标题",
      "unit",
      `「${grid.sheet}」中找不到“类别”“名称”表头，名册未使用。`
    );
    return { roster: null, problems };
  }
  const title = TITLE.exec(cellText(grid.values[0]?.[0] ?? ""));
  const fields: RosterFields = {
    district: title?.[1].trim() || "本工作簿",
    year: title ? Number(title[2]) : 0,
    leaders: [],
    units: [],
    groups: [],
  };

  // Names first, so that an alias can be checked against every name whatever row it is on.
  const kindOf = (c: Category): NameKind => (c === "领导" ? "leader" : "unit");
  const names = new Map<string, { row: SheetRow; category: Category }>();
  const kept: { row: SheetRow; category: Category }[] = [];
  for (const row of read.rows) {
    const { cells, col, at } = row;
    if (Object.values(cells).every((t) => t === "")) continue;
    const category = cells.类别 as Category;
    if (!(category in CATEGORY)) {
      problem(
        at,
        col.类别,
        "类别",
        "unit",
        `类别「${cells.类别}」无法识别，应为“领导”“单位”或“单位组”，本行未使用。`
      );
      continue;
    }
    const kind = kindOf(category);
    if (cells.名称 === "") {
      const only = cells.别名 || cells.也可写作 || cells.成员;
      problem(
        at,
        col.名称,
        "名称",
        kind,
        only
          ? `本行只有别名或成员，没有名称，未使用：请填写名称。`
          : "名称为空，本行未使用：请填写名称或删除本行。"
      );
      continue;
    }
    const key = `${kind}:${normaliseName(cells.名称)}`;
    const earlier = names.get(key);
    if (earlier) {
      problem(
        at,
        col.名称,
        "名称",
        kind,
        `「${cells.名称}」已是第${earlier.row.at + 1}行的名称，一个名称只能占一行，本行未使用。`
      );
      continue;
    }
    names.set(key, { row, category });
    kept.push({ row, category });
  }

  const owner = new Map<string, SheetRow>();
  const unitNames = new Map<string, string>();
  const groupAliases = new Map<SheetRow, string[]>();
  for (const { row, category } of kept) {
    const { cells, col, at } = row;
    const kind = kindOf(category);
    const forms = (column: "别名" | "也可写作") =>
      listOf(cells[column]).filter((form) => {
        const key = `${kind}:${normaliseName(form)}`;
        const named = names.get(key);
        const own = normaliseName(form) === normaliseName(cells.名称);
        if (named && !own) {
          const mutual = listOf(named.row.cells.别名).some(
            (a) => normaliseName(a) === normaliseName(cells.名称)
          );
          problem(
            at,
            col[column],
            column,
            kind,
            mutual
              ? `「${cells.名称}」与第${named.row.at + 1}行的「${form}」互为别名（循环），请只留一个作名称；此写法未使用。`
              : `「${form}」同时是第${named.row.at + 1}行的名称，不能再作「${cells.名称}」的${column}，未使用。`
          );
          return false;
        }
        const other = owner.get(key);
        if (other && other !== row) {
          problem(
            at,
            col[column],
            column,
            kind,
            `「${form}」已是第${other.at + 1}行「${other.cells.名称}」的写法，一个写法只能属于一个名称，此处未使用。`
          );
          return false;
        }
        owner.set(key, row);
        return !own;
      });
    const aliases = forms("别名");
    const variants = forms("也可写作");
    if (category === "领导")
      fields.leaders.push({ name: cells.名称, aliases: [...aliases, ...variants] });
    else if (category === "单位") {
      const unit: Unit = { name: cells.名称, aliases, variants };
      fields.units.push(unit);
      for (const n of [unit.name, ...aliases, ...variants])
        unitNames.set(normaliseName(n), unit.name);
    } else groupAliases.set(row, [...aliases, ...variants]);
  }
  for (const { row, category } of kept) {
    const { cells, col, at } = row;
    if (category !== "单位组") {
      if (cells.成员 !== "")
        problem(
          at,
          col.成员,
          "成员",
          kindOf(category),
          `只有单位组才有成员，「${cells.名称}」的成员未使用。`
        );
      continue;
    }
    const members: string[] = [];
    for (const m of listOf(cells.成员)) {
      const unit = unitNames.get(normaliseName(m));
      if (unit === undefined)
        problem(
          at,
          col.成员,
          "成员",
          "unit",
          `成员「${m}」不是名册中的单位，未使用：请先在名册中加上这个单位。`
        );
      else if (!members.includes(unit)) members.push(unit);
    }
    const group: Group = {
      name: cells.名称,
      aliases: groupAliases.get(row) ?? [],
      label: cells.名称.replace(/^各/, ""),
      members,
    };
    fields.groups.push(group);
  }
  fields.groups.push({ pattern: "成员单位$", label: "成员单位" });
  try {
    return { roster: loadRoster(fields), problems };
  } catch (e) {
    problem(
      read.header,
      grid.left,
      "标题",
      "unit",
      `名册无法使用：${e instanceof Error ? e.message : String(e)}`
    );
    return { roster: null, problems };
  }
}

/** roster.sheet issues on their cells of the 名册 sheet (placeIssues places those of tables). */
export function placeRosterIssues(
  issues: readonly Issue[],
  problems: readonly RosterProblem[]
): PlacedIssue[] {
  if (problems.length === 0) return [];
  return issues.flatMap((issue) => {
    if (issue.rule !== "roster.sheet") return [];
    const p = problems.find(
      (q) =>
        q.sheet === issue.table && q.row + 1 === issue.row && issue.message.startsWith(q.message)
    );
    if (!p) return [];
    return [
      {
        ...issue,
        sheet: p.sheet,
        sheetRow: p.row,
        sheetCol: p.col,
        address: `${sheetPrefix(p.sheet)}${a1(p.row, p.col)}`,
      },
    ];
  });
}
