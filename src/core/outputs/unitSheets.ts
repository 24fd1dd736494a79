import { IsoDate, milestoneLabel, type Milestone } from "../deadline";
import type { GridLayout } from "../grid/gridTable";
import { dateCell, linkCell, rect } from "../patch/build";
import { clipText } from "../patch/cells";
import { a1 } from "../patch/address";
import type { CellNote, PatchCell, RangeFormat, Rect, SheetOpInput } from "../patch/schema";
import type { Roster } from "../roster/schema";
import { isSubRow } from "../rules/numbering/seqNumbers";
import type { FieldKey, Row, Table } from "../table/schema";
import { inRosterOrder, rolesIn, type Role } from "../tracking/assign";
import { deadlineNote, statusValidation } from "../tracking/columns";
import { QUARTER_KEYS, hasQuarterGoals, rowMilestones } from "../tracking/deadline";
import { trackingFormats } from "../tracking/formulas";
import { identityKey, matchRows, rowIdentity, type RowIdentity } from "../tracking/identity";
import { TrackingOptions, type TrackingOptionsInput } from "../tracking/schema";
import { isDone } from "../tracking/state";
import { expectedSeqs, hasSeqColumn } from "../rules/numbering/seqNumbers";
import { rowSeqText } from "../rules/where";
import { carryOver, unitEdited } from "../tracking/sync";
import { assignSheetNames, type ExistingSheet } from "./generatedNames";
import { laidOutForPrint, titleRowLegend, TRACKING_LEGEND } from "./print";
import { COLORS, HEAD_FONT, TITLE_FONT, fittedWidth } from "./style";
import { MAX_NOTE_TEXT } from "./validationSheets";
import { UNIT_COLUMN, type UnitSheetContent, type UnitSheetRow } from "./unitSheetRead";

/** A master table as it stands in its 导入 sheet (as written, or read back with readGridTable). */
export interface MasterSheet {
  table: Table;
  layout: GridLayout;
}

export interface UnitSheetOptions extends TrackingOptionsInput {
  roster: Roster;
  /** A sheet per lead unit (default), or per 分管领导. */
  by?: "unit" | "leader";
  /** The workbook's sheets, so names never clash and earlier generated sheets are reused. */
  existing?: readonly ExistingSheet[];
  /** The earlier unit (or leader) sheets read back (readUnitSheet): what was typed there is kept. */
  previous?: readonly UnitSheetContent[];
}

export interface PlacedUnitSheet {
  /** The unit's (or leader's) canonical name: the generated marker's key. */
  key: string;
  sheet: string;
  lead: number;
  coop: number;
  /** Rows kept from the earlier sheet because their master row is gone but they hold typed text. */
  kept: number;
}

export interface UnitSheetsResult {
  /** One "replace" op per unit sheet, one "update" op per stale sheet. No other sheet is named. */
  sheets: SheetOpInput[];
  placed: PlacedUnitSheet[];
  /** Earlier generated sheets whose unit has no task now: kept, retitled and greyed, never deleted. */
  stale: string[];
}

/** What the names of unit and leader sheets start with. */
export const SHEET_PREFIX = { unit: "单位-", leader: "领导-" } as const;

const KINDS = {
  unit: {
    prefix: SHEET_PREFIX.unit,
    title: (key: string) => `${key}重点工作任务清单`,
    lead: "牵头事项",
  },
  leader: {
    prefix: SHEET_PREFIX.leader,
    title: (key: string) => `${key}同志分管重点工作任务清单`,
    lead: "分管事项",
  },
} as const;

const STALE_MARK = "【已无事项】";
const KEPT_PART = "三、总表中已删除的事项（保留已填写内容）";

interface Entry {
  master: MasterSheet;
  row: Row;
  role: Role;
  /** The group (各镇) the row named instead of this unit, if so. */
  via: string | null;
  deadline: string | null;
  /** The row's dated milestones and those passed on the check date (tracking/deadline.ts). */
  milestones: { dated: Milestone[]; passed: Milestone[] };
  identity: RowIdentity;
  /** Reading order across all masters, for stable sorting. */
  order: number;
  /** The item's first row: the row itself, or for a sub-row under a merged 序号 the row it continues. */
  item: Row;
}

/** One item of a unit sheet: a row, or a row with the sub-rows its merged 序号 spans, in reading order. */
type Item = Entry[];

type Column = { title: string; key?: FieldKey; width: number; hidden?: boolean };

/**
 * 生成单位表: one sheet per lead unit (or per 分管领导), named "单位-区发展改革委" and marked
 * {kind: "unit", key: the unit}. It lists the tasks the unit leads, then those it cooperates on,
 * each part sorted by deadline; every row links to its row in the 导入 sheet. Tracking columns
 * are coloured as in 导入, and what the unit typed into 完成状态 and 进展情况 on the earlier
 * sheet is kept (sync.ts), also when master rows were added, removed or reordered.
 */
export function buildUnitSheets(
  masters: readonly MasterSheet[],
  options: UnitSheetOptions
): UnitSheetsResult {
  const tracking = TrackingOptions.parse(options);
  const by = options.by ?? "unit";
  const kind = KINDS[by];
  const existing = options.existing ?? [];

  const entries = new Map<string, Entry[]>();
  let order = 0;
  for (const master of masters) {
    let item: Row | null = null;
    for (const row of master.table.rows) {
      if (!isSubRow(row) || item === null) item = row;
      const { deadline, dated, passed } = rowMilestones(master.table, row, tracking.checkDate);
      const identity = rowIdentity(master.table.id, row);
      for (const [name, { role, via }] of rolesIn(master.table, row, by, options.roster)) {
        const list = entries.get(name) ?? [];
        list.push({
          master,
          row,
          role,
          via,
          deadline,
          milestones: { dated, passed },
          identity,
          order: order++,
          item,
        });
        entries.set(name, list);
      }
    }
  }
  const rosterOrder = (by === "unit" ? options.roster.units : options.roster.leaders).map(
    (u) => u.name
  );
  const keys = inRosterOrder(entries.keys(), rosterOrder);
  const names = assignSheetNames(by, kind.prefix, keys, existing);

  const sheets: SheetOpInput[] = [];
  const placed: PlacedUnitSheet[] = [];
  for (const key of keys) {
    const previous = options.previous?.find((p) => p.marker.kind === by && p.marker.key === key);
    const sheet = names.get(key) ?? key;
    const built = buildOne(sheet, key, entries.get(key) ?? [], previous, by, tracking);
    sheets.push(built.op);
    placed.push({ key, sheet, ...built.counts });
  }
  const stale: string[] = [];
  for (const s of existing) {
    const key = s.generated?.kind === by ? s.generated.key : undefined;
    if (key === undefined || entries.has(key)) continue;
    stale.push(s.name);
    sheets.push({
      sheet: s.name,
      mode: "update",
      tabColor: COLORS.noDate,
      values: [{ row: 0, col: 0, values: [[`${STALE_MARK}${kind.title(key)}`]] }],
    });
  }
  return { sheets, placed, stale };
}

/**
 * The entries of one role grouped into items (the sub-rows of a merged 序号 stay under their
 * item, in reading order), items sorted by their earliest deadline.
 */
function itemsByDeadline(entries: readonly Entry[]): Item[] {
  const items = new Map<Row, Item>();
  for (const e of [...entries].sort((a, b) => a.order - b.order)) {
    const item = items.get(e.item) ?? [];
    item.push(e);
    items.set(e.item, item);
  }
  const first = (item: Item) => [...item].sort(byDeadline)[0];
  return [...items.values()].sort((a, b) => byDeadline(first(a), first(b)));
}

function byDeadline(a: Entry, b: Entry): number {
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return a.order - b.order;
}

function buildOne(
  sheet: string,
  key: string,
  entries: readonly Entry[],
  previous: UnitSheetContent | undefined,
  by: "unit" | "leader",
  tracking: TrackingOptions
): { op: SheetOpInput; counts: Omit<PlacedUnitSheet, "key" | "sheet"> } {
  const kind = KINDS[by];
  const lead = itemsByDeadline(entries.filter((e) => e.role === "lead"));
  const coop = itemsByDeadline(entries.filter((e) => e.role === "coop"));
  const quarterTables = entries.map((e) => e.master.table).filter(hasQuarterGoals);
  const columns: Column[] = [
    { title: "序号", key: "seq", width: 6 },
    { title: UNIT_COLUMN.source, width: 10 },
    ...(entries.some((e) => hasSeqColumn(e.master.table))
      ? [{ title: UNIT_COLUMN.masterSeq, width: 9 }]
      : []),
    { title: "重点工作", key: "task", width: 36 },
    { title: "工作明细及完成时限", key: "detail", width: 48 },
    ...(quarterTables.length > 0
      ? (["一季度", "二季度", "三季度", "四季度"] as const).map((title, i) => ({
          title,
          key: QUARTER_KEYS[i],
          width: 24,
        }))
      : []),
    { title: "分管领导", key: "leader", width: 12 },
    { title: "牵头单位", key: "lead", width: 16 },
    { title: "配合单位", key: "coop", width: 16 },
    { title: "截止日期", key: "deadline", width: 12 },
    { title: "完成状态", key: "status", width: 10 },
    { title: "进展情况", key: "progress", width: 12 },
    { title: UNIT_COLUMN.key, width: 10, hidden: true },
    { title: UNIT_COLUMN.baseStatus, width: 10, hidden: true },
    { title: UNIT_COLUMN.baseProgress, width: 10, hidden: true },
  ];
  const width = columns.length;
  const col = (title: string) => columns.findIndex((c) => c.title === title);

  const prevRows = previous?.rows ?? [];
  const prevWithId = prevRows.filter((r) => r.identity !== null);
  const ordered = [...lead, ...coop].flat();
  const match = matchRows(
    prevWithId.map((r) => r.identity as RowIdentity),
    ordered.map((e) => e.identity)
  );
  const matchedPrev = new Set<UnitSheetRow>();
  const earlierOf = new Map<Entry, UnitSheetRow>();
  ordered.forEach((e, i) => {
    const at = match[i];
    if (at === null) return;
    earlierOf.set(e, prevWithId[at]);
    matchedPrev.add(prevWithId[at]);
  });
  // Typed since the last sync: against the base, or against nothing when there is no base.
  const kept = prevRows.filter(
    (r) =>
      !matchedPrev.has(r) &&
      (unitEdited({ value: r.status, base: r.baseStatus }, "") ||
        unitEdited({ value: r.progress, base: r.baseProgress }, ""))
  );

  const legend = titleRowLegend(
    0,
    columns.flatMap((c, i) => (c.hidden ? [] : [i])),
    TRACKING_LEGEND
  );
  const titleRow: PatchCell[] = [kind.title(key), ...blank(width - 1)];
  for (const { col: at, text: label } of legend.values) titleRow[at] = label;
  const values: PatchCell[][] = [titleRow, columns.map((c) => c.title)];
  const merges: Rect[] = [rect(0, 0, 1, legend.titleSpan)];
  const formats: RangeFormat[] = [
    {
      range: rect(0, 0, 1, legend.titleSpan),
      font: TITLE_FONT,
      vertical: "center",
      wrap: true,
    },
    ...legend.formats,
    {
      range: rect(1, 0, 1, width),
      fill: COLORS.headerFill,
      font: HEAD_FONT,
      wrap: true,
      horizontal: "center",
      vertical: "center",
    },
  ];
  const milestoneNotes: CellNote[] = [];
  const band = (text: string) => {
    const at = values.length;
    values.push([text, ...blank(width - 1)]);
    merges.push(rect(at, 0, 1, width));
    formats.push({ range: rect(at, 0, 1, width), fill: COLORS.sectionFill, font: { bold: true } });
  };
  const part = (numeral: string, title: string, items: readonly Item[]) => {
    const groups = [...new Set(items.flat().flatMap((e) => (e.via === null ? [] : [e.via])))];
    const via = items.filter((item) => item.some((e) => e.via !== null)).length;
    const from = via > 0 ? `，其中${via}项来自${groups.map((g) => `“${g}”`).join("")}` : "";
    band(`${numeral}、${title}（${items.length}项${from}）`);
    items.forEach((item, i) => {
      // The sub-rows share their item's 序号, merged over them as in the master.
      if (item.length > 1) merges.push(rect(values.length, 0, item.length, 1));
      item.forEach((e, k) => {
        const cells = entryRow(e, k === 0 ? i + 1 : null, columns, earlierOf.get(e) ?? null);
        const done = isDone(String(cells[col("完成状态")] ?? ""));
        const note = milestoneNote(e.milestones.dated, e.milestones.passed, done);
        if (note) milestoneNotes.push({ row: values.length, col: col("截止日期"), text: note });
        values.push(cells);
      });
    });
  };
  part("一", kind.lead, lead);
  if (by === "unit") part("二", "配合事项", coop);
  if (kept.length > 0) {
    band(KEPT_PART);
    kept.forEach((r, i) => values.push(keptRow(r, i + 1, columns)));
  }

  const bodyStart = 2;
  const rowCount = values.length - bodyStart;
  formats.push(
    { range: rect(bodyStart, 0, rowCount, width), wrap: true, vertical: "top" },
    { range: rect(1, 0, values.length - 1, width), borders: { color: "#808080" } },
    // The bookkeeping columns are hidden; should a host show them, they read as system text.
    {
      range: rect(1, col(UNIT_COLUMN.key), values.length - 1, 3),
      font: { color: COLORS.continuedFont },
    }
  );
  const quarterCols = QUARTER_KEYS.map((q) => columns.findIndex((c) => c.key === q));
  const notes: CellNote[] = [
    deadlineNote(1, col("截止日期"), quarterTables.length > 0, tracking),
    {
      row: 1,
      col: col(UNIT_COLUMN.baseStatus),
      text: "督办助手回填用：上次同步时的完成状态和进展情况，用来判断哪一边改过。请勿修改。",
    },
    ...milestoneNotes,
  ];
  const op: SheetOpInput = {
    sheet,
    mode: "replace",
    generated: { kind: by, key },
    tabColor: COLORS.tab,
    columns: columns.map((c, i) => ({
      col: i,
      width:
        c.key === "progress"
          ? fittedWidth(
              values.slice(bodyStart).map((r) => text(r[i])),
              c.width,
              50
            )
          : // LibreOffice prints a link on one line, cut at the column's edge, so 来源 is as
            // wide as its links (原序号 wraps 缺失，推算为27 onto two lines).
            c.title === UNIT_COLUMN.source
            ? fittedWidth(
                values.slice(bodyStart).map((r) => linkText(r[i])),
                c.width,
                30
              )
            : c.width,
      ...(c.hidden ? { hidden: true } : {}),
    })),
    rows: [{ row: 0, height: 36 }],
    values: [{ row: 0, col: 0, values }],
    formats,
    merges,
    freeze: { rows: bodyStart, cols: 0 },
    conditionalFormats:
      rowCount > 0
        ? trackingFormats(
            {
              firstRow: bodyStart,
              rowCount,
              deadlineCol: col("截止日期"),
              statusCol: col("完成状态"),
              quarters:
                quarterTables.length > 0 && quarterTables[0].planYear !== null
                  ? {
                      cols: quarterCols,
                      planYear: quarterTables[0].planYear,
                      mixed: true,
                    }
                  : undefined,
            },
            tracking
          )
        : [],
    validations: rowCount > 0 ? [statusValidation(bodyStart, col("完成状态"), rowCount)] : [],
    notes,
    print: { titleRows: { first: 1, count: 1 } },
  };
  return {
    op: laidOutForPrint(
      op,
      { title: kind.title(key), checkDate: tracking.checkDate },
      // Cut narrower, the 来源 links would print cut off.
      { fixed: [col(UNIT_COLUMN.source), col(UNIT_COLUMN.masterSeq)] }
    ),
    counts: { lead: lead.length, coop: by === "unit" ? coop.length : 0, kept: kept.length },
  };
}

/**
 * The note of a 截止日期 whose text names several milestones: each one named, the passed ones of
 * an unfinished row marked 已超期 (the row itself is not: its 截止日期 is the final milestone).
 */
function milestoneNote(dated: Milestone[], passed: Milestone[], done: boolean): string | null {
  if (dated.length < 2) return null;
  const late = new Set(done ? [] : passed);
  const named = dated.map((m) => `${milestoneLabel(m)}${late.has(m) ? "（已超期）" : ""}`);
  // A runaway cell can name thousands: the note stays within what a note may hold.
  return clipText(
    `时间节点：${named.join("；")}。截止日期取最终节点。`,
    MAX_NOTE_TEXT,
    `……（共 ${dated.length} 个节点）。截止日期取最终节点。`
  );
}

const guessed = new WeakMap<Table, readonly number[]>();

/** The 序号 a row without one would carry (序号缺失，推算为27), computed once per table. */
function guessOf(table: Table, row: Row): number | undefined {
  if (!hasSeqColumn(table)) return undefined;
  let guesses = guessed.get(table);
  if (!guesses) guessed.set(table, (guesses = expectedSeqs(table)));
  return guesses[row.row - 1];
}

function entryRow(
  e: Entry,
  n: number | null,
  columns: readonly Column[],
  earlier: UnitSheetRow | null
): PatchCell[] {
  const { layout } = e.master;
  const sheetRow = layout.rowIndex[e.row.row - 1];
  const status = carryOver(
    e.row.fields.status ?? "",
    earlier && { value: earlier.status, base: earlier.baseStatus }
  );
  const progress = carryOver(
    e.row.fields.progress ?? "",
    earlier && { value: earlier.progress, base: earlier.baseProgress }
  );
  const col = layout.columnIndex.task ?? layout.columnIndex.detail ?? 0;
  const cell = a1(sheetRow, col);
  return columns.map((c): PatchCell => {
    switch (c.title) {
      case "序号":
        return n;
      case UNIT_COLUMN.source:
        // The cell alone: LibreOffice prints a link on one line, so its 序号 stands beside it.
        return linkCell(`${layout.sheet}!${cell}`, { sheet: layout.sheet, row: sheetRow, col });
      case UNIT_COLUMN.masterSeq:
        return rowSeqText(e.row.seq, guessOf(e.master.table, e.row));
      case "截止日期":
        return e.deadline ? dateCell(e.deadline) : null;
      case "完成状态":
        return status.value;
      case "进展情况":
        return progress.value;
      case UNIT_COLUMN.key:
        return identityKey(e.identity);
      case UNIT_COLUMN.baseStatus:
        return status.base;
      case UNIT_COLUMN.baseProgress:
        return progress.base;
      default:
        return c.key ? (e.row.fields[c.key] ?? "") : "";
    }
  });
}

/** A row whose master row is gone, kept as it was so nothing typed is lost. */
function keptRow(r: UnitSheetRow, n: number, columns: readonly Column[]): PatchCell[] {
  return columns.map((c): PatchCell => {
    switch (c.title) {
      case "序号":
        return n;
      case UNIT_COLUMN.source:
        return r.source;
      case UNIT_COLUMN.masterSeq:
        return r.masterSeq;
      case "截止日期":
        return IsoDate.safeParse(r.fields.deadline).success
          ? dateCell(r.fields.deadline ?? "")
          : null;
      case "完成状态":
        return r.status;
      case "进展情况":
        return r.progress;
      case UNIT_COLUMN.key:
        return r.key;
      case UNIT_COLUMN.baseStatus:
        return r.baseStatus ?? "";
      case UNIT_COLUMN.baseProgress:
        return r.baseProgress ?? "";
      default:
        return c.key ? (r.fields[c.key] ?? "") : "";
    }
  });
}

function text(cell: PatchCell): string {
  return typeof cell === "string" ? cell : "";
}

function linkText(cell: PatchCell): string {
  return cell !== null && typeof cell === "object" && "link" in cell ? cell.text : text(cell);
}

function blank(count: number): PatchCell[] {
  return Array.from({ length: Math.max(0, count) }, () => null);
}
