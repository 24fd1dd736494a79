import { cellText } from "../grid/cellText";
import { isoDateOfSerial } from "../patch/units";
import type { Role } from "../tracking/assign";
import { lockedHash, sameText } from "./itemKey";
import type { Master, MasterItem } from "./master";
import { readReturn, type ReturnContent, type ReturnRow, type ReturnSource } from "./readReturn";
import { FILE_COLUMN, PROTECTED_COLUMNS, type ProtectedColumn, type SentRow } from "./schema";
import { lockedTexts } from "./split";

/** A master cell, 0-based. */
export interface SheetCell {
  sheet: string;
  row: number;
  col: number;
}

/** The master column 回收 gathers 佐证/备注 and the cooperating units' feedback into. */
export const NOTE_COLUMN = "回收备注";
const FIELD_TITLE = { status: "完成状态", progress: "进展情况", note: NOTE_COLUMN } as const;
type Field = keyof typeof FIELD_TITLE;

/** A value 回收 writes into the master without asking. */
export interface CellWrite {
  cell: SheetCell;
  field: Field;
  before: string;
  after: string;
  files: string[];
}

/** One choice the user has for a decision; the first is always to keep the master as it is. */
export interface Choice {
  kind: "master" | "return" | "both";
  label: string;
  value: string;
}

/**
 * Something 回收 will not settle alone: a value that differs from what the master holds now
 * (value), two returns of one unit that disagree (duplicate), a locked column the unit changed
 * (protected), a typed row whose item is no longer in the master (orphan).
 */
export interface Decision {
  kind: "value" | "duplicate" | "protected" | "orphan";
  unit: string;
  files: string[];
  /** The master sheet the item is on, as 回收情况's 表 column shows it ("" for an orphan). */
  table: string;
  seq: string | null;
  task: string;
  /** The column concerned, as titled in the master. */
  field: string;
  /** The master cell a choice writes; null for an orphan (nothing to write to). */
  cell: SheetCell | null;
  master: string;
  returned: string;
  options: Choice[];
  message: string;
}

export interface Receipt {
  unit: string;
  file: string;
  returnedOn: string | null;
  rows: number;
  /** Rows matched by unit + 序号 + task text because their hidden key was gone or unknown. */
  byFallback: number;
  updated: number;
  decisions: number;
  notes: string[];
}

export interface CollectResult {
  receipts: Receipt[];
  /** Files not read, each with a Chinese reason naming it. */
  skipped: { file: string; reason: string }[];
  notReturned: string[];
  writes: CellWrite[];
  /** Master columns added (title in the header row) because the master had none. */
  newColumns: { sheet: string; row: number; col: number; title: string }[];
  decisions: Decision[];
  summary: string;
}

interface Proposal {
  value: string;
  sent: string;
  unit: string;
  file: string;
}

const same = (a: string, b: string) => a.trim() === b.trim();

/**
 * 回收: the units' returned files against the master. A row finds its item by the hidden key,
 * else by unit + 序号 + task text (counted as a fallback). The lead unit's 完成状态 and 进展情况
 * go into the master when the unit changed them and the master did not change since 下发;
 * 佐证/备注 and the cooperating units' entries are gathered into 回收备注 under the item. All
 * else is a Decision for the user; nothing is overwritten silently. Pure.
 */
export function collect(
  master: Master,
  sources: readonly ReturnSource[],
  /** Files the host could not open, with its reason: listed with the others skipped. */
  unreadable: CollectResult["skipped"] = []
): CollectResult {
  const skipped: CollectResult["skipped"] = [...unreadable];
  const receipts: Receipt[] = [];
  const decisions: Decision[] = [];
  const proposals = new Map<MasterItem, Record<"status" | "progress", Proposal[]>>();
  const lines = new Map<MasterItem, { lead: string[]; coop: string[]; files: Set<string> }>();

  const contents: ReturnContent[] = [];
  for (const source of sources) {
    const read = readReturn(source);
    if ("problem" in read) skipped.push({ file: source.file, reason: read.problem });
    else if (read.meta && read.meta.head.master.id !== master.ref.id)
      skipped.push({
        file: source.file,
        reason: `文件「${source.file}」是从另一份总表「${read.meta.head.master.name}」下发的，与本总表对不上，已跳过。`,
      });
    else if (!read.meta && !master.units.includes(read.unit))
      skipped.push({
        file: source.file,
        reason: `文件「${source.file}」不是督办助手下发的单位文件：没有下发信息，标题和文件名中也没有本总表的单位，已跳过。`,
      });
    else if (read.rows.length === 0)
      skipped.push({ file: source.file, reason: `文件「${source.file}」中没有事项行，已跳过。` });
    else contents.push(read);
  }

  for (const content of contents) {
    const receipt: Receipt = {
      unit: content.unit,
      file: content.file,
      returnedOn: content.modified,
      rows: content.rows.length,
      byFallback: 0,
      updated: 0,
      decisions: 0,
      notes: content.meta ? [] : ["文件缺少督办助手的下发信息，按单位、序号和事项文字对应"],
    };
    receipts.push(receipt);
    const before = decisions.length;
    for (const row of content.rows) {
      const found = matchRow(master, content, row);
      if (found.by === "fallback") receipt.byFallback += 1;
      const sent = found.sent;
      const typed = (f: "status" | "progress") => !same(row.texts[f], sent?.[f] ?? "");
      if (!found.item) {
        if (typed("status") || typed("progress") || row.texts.note !== "")
          decisions.push(orphan(content, row));
        continue;
      }
      const item = found.item;
      const role: Role = item.roles.get(content.unit)?.role ?? "coop";
      const gathered = lines.get(item) ?? { lead: [], coop: [], files: new Set<string>() };
      lines.set(item, gathered);
      if (role === "lead") {
        const own = proposals.get(item) ?? { status: [], progress: [] };
        proposals.set(item, own);
        for (const f of ["status", "progress"] as const)
          if (typed(f))
            own[f].push({
              value: row.texts[f],
              sent: sent?.[f] ?? "",
              unit: content.unit,
              file: content.file,
            });
        if (row.texts.note !== "") {
          gathered.lead.push(`${content.unit}：${row.texts.note}`);
          gathered.files.add(content.file);
        }
      } else {
        const parts = [
          typed("status") ? row.texts.status : "",
          typed("progress") ? row.texts.progress : "",
          row.texts.note,
        ].filter((p) => p !== "");
        if (parts.length > 0) {
          gathered.coop.push(`${content.unit}（配合）：${parts.join("；")}`);
          gathered.files.add(content.file);
        }
      }
      decisions.push(...lockedChanges(item, content, row));
    }
    receipt.decisions = decisions.length - before;
  }

  const columns = new Columns(master);
  const writes: CellWrite[] = [];
  const credit = (files: readonly string[]) => {
    for (const r of receipts) if (files.includes(r.file)) r.updated += 1;
  };
  for (const [item, fields] of proposals) {
    for (const field of ["status", "progress"] as const) {
      const list = fields[field];
      if (list.length === 0) continue;
      const cell = columns.cell(item, field);
      const current = item.row.fields[field] ?? "";
      const values = [...new Set(list.map((p) => p.value.trim()))];
      const files = list.map((p) => p.file);
      if (values.length === 1) {
        if (same(values[0], current)) continue;
        if (current.trim() === "" || list.every((p) => same(p.sent, current))) {
          writes.push({ cell, field, before: current, after: list[0].value, files });
          credit(files);
          continue;
        }
      }
      const units = new Set(list.map((p) => p.unit));
      decisions.push(
        valueDecision(item, field, cell, current, list, units.size === 1 && list.length > 1)
      );
      for (const r of receipts) if (files.includes(r.file)) r.decisions += 1;
    }
  }
  for (const [item, gathered] of lines) {
    const text = [...new Set([...gathered.lead, ...gathered.coop])].join("\n");
    if (text === "") continue;
    const cell = columns.cell(item, "note");
    const current = columns.current(cell);
    if (same(current, text) || current.includes(text)) continue;
    const files = [...gathered.files];
    if (current.trim() === "") {
      writes.push({ cell, field: "note", before: current, after: text, files });
      credit(files);
    } else {
      const list = [{ value: text, sent: "", unit: files.join("、"), file: files.join("、") }];
      decisions.push(valueDecision(item, "note", cell, current, list, false));
    }
  }

  const returned = new Set(contents.map((c) => c.unit));
  const counts = new Map<string, number>();
  for (const c of contents) counts.set(c.unit, (counts.get(c.unit) ?? 0) + 1);
  for (const r of receipts)
    if ((counts.get(r.unit) ?? 0) > 1)
      r.notes.push(`同一单位收到 ${counts.get(r.unit)} 份文件，内容不同之处列为待确认`);
  const notReturned = master.units.filter((u) => !returned.has(u));
  const summary =
    `回收完成：读取 ${receipts.length} 个文件，更新 ${writes.length} 处，待确认 ${decisions.length} 处` +
    (skipped.length > 0 ? `，跳过 ${skipped.length} 个文件` : "") +
    `；${notReturned.length} 个单位未回收。`;
  return {
    receipts,
    skipped,
    notReturned,
    writes,
    newColumns: columns.added,
    decisions,
    summary,
  };
}

/** The item a returned row is about: by its key, else by unit + 序号 + task text. */
function matchRow(
  master: Master,
  content: ReturnContent,
  row: ReturnRow
): { item: MasterItem | null; sent: SentRow | null; by: "key" | "fallback" | null } {
  const sentBy = (key: string) => content.meta?.rows.find((r) => r.key === key) ?? null;
  const byKey = master.byKey.get(row.texts.key);
  if (byKey) return { item: byKey, sent: sentBy(row.texts.key), by: "key" };
  const n = Number(row.texts.seq);
  const sentAt = content.meta?.rows.find((r) => r.n === n && sameText(r.task, row.texts.task));
  const candidates = master.items.filter(
    (i) => i.roles.has(content.unit) && sameText(i.row.fields.task ?? "", row.texts.task)
  );
  const sameSeq = candidates.filter((i) => sentAt && i.row.seq === sentAt.seq);
  const item = sameSeq.length === 1 ? sameSeq[0] : candidates.length === 1 ? candidates[0] : null;
  return { item, sent: sentAt ?? null, by: item ? "fallback" : null };
}

/** A date cell read back as a serial (its format lost on the way) is compared as its date. */
function lockedText(row: ReturnRow, c: ProtectedColumn): string {
  const text = row.texts[c];
  return c === "deadline" && /^\d{5}(\.0+)?$/.test(text) ? isoDateOfSerial(Number(text)) : text;
}

/** The locked columns a unit changed, each against what the master holds now. */
function lockedChanges(item: MasterItem, content: ReturnContent, row: ReturnRow): Decision[] {
  const returned = PROTECTED_COLUMNS.map((c) => lockedText(row, c));
  if (row.texts.check !== "" && lockedHash(returned) === row.texts.check) return [];
  const date = content.meta?.head.date ?? item.master.table.planYear + "-12-31";
  const current = lockedTexts(item, date);
  const { layout } = item.master;
  return PROTECTED_COLUMNS.flatMap((c, i): Decision[] => {
    if (sameText(returned[i], current[c])) return [];
    const col = layout.columnIndex[c];
    const cell =
      col === undefined ? null : { sheet: layout.sheet, row: layout.rowIndex[item.index], col };
    const choices: Choice[] = [keep(current[c])];
    if (cell && c !== "deadline") {
      choices.push({ kind: "return", label: `采用${content.unit}改的`, value: returned[i] });
      choices.push({
        kind: "both",
        label: "两者都保留",
        value: `${current[c]}\n【${content.unit}】${returned[i]}`,
      });
    }
    return [
      {
        kind: "protected",
        unit: content.unit,
        files: [content.file],
        table: item.master.layout.sheet,
        seq: item.row.seq,
        task: item.row.fields.task ?? "",
        field: FILE_COLUMN[c],
        cell,
        master: current[c],
        returned: returned[i],
        options: choices,
        message: `${where(item)}的「${FILE_COLUMN[c]}」是锁定列，${content.unit}在文件「${content.file}」中改成了「${returned[i]}」，总表为「${current[c]}」。`,
      },
    ];
  });
}

function orphan(content: ReturnContent, row: ReturnRow): Decision {
  const typed = [row.texts.status, row.texts.progress, row.texts.note].filter((t) => t !== "");
  return {
    kind: "orphan",
    unit: content.unit,
    files: [content.file],
    table: "",
    seq: row.texts.seq || null,
    task: row.texts.task,
    field: "完成状态/进展情况",
    cell: null,
    master: "",
    returned: typed.join("；"),
    options: [{ kind: "master", label: "不写入总表（内容保留在回收情况表中）", value: "" }],
    message: `文件「${content.file}」第 ${row.sheetRow + 1} 行的事项在总表中找不到（可能已删除或改写），填写的内容未写入总表。`,
  };
}

function valueDecision(
  item: MasterItem,
  field: Field,
  cell: SheetCell,
  current: string,
  list: readonly Proposal[],
  duplicate: boolean
): Decision {
  const byValue = new Map<string, Proposal[]>();
  for (const p of list) byValue.set(p.value.trim(), [...(byValue.get(p.value.trim()) ?? []), p]);
  const choices: Choice[] = [keep(current)];
  for (const [value, from] of byValue)
    choices.push({
      kind: "return",
      label: `采用「${[...new Set(from.map((p) => (duplicate ? p.file : p.unit)))].join("、")}」的`,
      value,
    });
  if (field !== "status")
    choices.push({
      kind: "both",
      label: "两者都保留",
      value: [current, ...[...byValue.keys()]].filter((v) => v.trim() !== "").join("\n"),
    });
  const theirs = [...byValue]
    .map(([value, from]) => `${[...new Set(from.map((p) => p.file))].join("、")}为「${value}」`)
    .join("，");
  return {
    kind: duplicate ? "duplicate" : "value",
    unit: [...new Set(list.map((p) => p.unit))].join("、"),
    files: [...new Set(list.map((p) => p.file))],
    table: item.master.layout.sheet,
    seq: item.row.seq,
    task: item.row.fields.task ?? "",
    field: FIELD_TITLE[field],
    cell,
    master: current,
    returned: [...byValue.keys()].join(" / "),
    options: choices,
    message: `${where(item)}的「${FIELD_TITLE[field]}」：总表为「${current}」，${theirs}${duplicate ? "（同一单位的两份文件不一致）" : ""}。请选择保留哪一个。`,
  };
}

function keep(value: string): Choice {
  return { kind: "master", label: "保留总表的", value };
}

function where(item: MasterItem): string {
  const { layout } = item.master;
  return `「${layout.sheet}」${item.row.seq ? `序号${item.row.seq}` : `第 ${layout.rowIndex[item.index] + 1} 行`}`;
}

/** Master columns of 完成状态, 进展情况 and 回收备注: found in the header, or added at the right. */
class Columns {
  readonly added: CollectResult["newColumns"] = [];
  private readonly placed = new Map<string, number>();

  constructor(private readonly master: Master) {}

  cell(item: MasterItem, field: Field): SheetCell {
    const { layout } = item.master;
    return { sheet: layout.sheet, row: layout.rowIndex[item.index], col: this.col(item, field) };
  }

  current(cell: SheetCell): string {
    const grid = this.master.headers.get(cell.sheet)?.grid;
    if (!grid) return "";
    return cellText(grid.values[cell.row - grid.top]?.[cell.col - grid.left] ?? null);
  }

  private col(item: MasterItem, field: Field): number {
    const { layout } = item.master;
    const header = this.master.headers.get(layout.sheet);
    const own = field === "note" ? header?.titles.get(NOTE_COLUMN) : layout.columnIndex[field];
    if (own !== undefined) return own;
    const key = `${layout.sheet}\u0000${field}`;
    let col = this.placed.get(key);
    if (col === undefined) {
      const end =
        header?.end ??
        Object.values(layout.columnIndex).reduce((a, b) => Math.max(a, b), -Infinity) + 1;
      col = end + this.added.filter((a) => a.sheet === layout.sheet).length;
      this.placed.set(key, col);
      const row = header?.row ?? layout.headerRows[layout.headerRows.length - 1];
      this.added.push({ sheet: layout.sheet, row, col, title: FIELD_TITLE[field] });
    }
    return col;
  }
}
