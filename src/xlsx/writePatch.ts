import ExcelJS from "exceljs";
import { checkPatch, invalidPatchMessage, sheetProtectedRefusal } from "../core/patch/messages";
import type { SheetOp, WorkbookPatchInput } from "../core/patch/schema";
import { sameSheetName } from "../core/patch/sheetName";
import { XlsxError, XlsxPatchError } from "./errors";
import { fieldsOf } from "./internals";
import { NoteWriter, writeMarks } from "./marks";
import { fitRowHeights } from "./rowHeights";
import { targetProblem } from "../core/patch/targets";
import {
  type Store,
  isStoreSheet,
  markerOf,
  marksOf,
  readStore,
  setMarker,
  setMarks,
  writeStore,
} from "./store";
import {
  argb,
  writeConditionalFormats,
  writeFormats,
  writeFreeze,
  writeLayout,
  writeMerges,
  writePrint,
  writeAutoFilter,
  writeProtection,
  writeValidations,
  writeVisibility,
  writeValues,
} from "./writeContent";

export interface XlsxPatchReport {
  /** The sheets written, in patch order. */
  sheetsWritten: string[];
  /** Chinese notes on what could not be done as asked, and what was done instead. */
  fallbacks: string[];
}

/** The user's sheets in tab order: every sheet but the adapter's record sheet. */
function userSheets(workbook: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return workbook.worksheets.filter((ws) => !isStoreSheet(ws));
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return userSheets(workbook).find((ws) => sameSheetName(ws.name, name));
}

/**
 * Refuses, before anything is written, a patch that names the record sheet, updates a sheet
 * that is missing, creates one that exists, or replaces a sheet the add-in did not generate;
 * with `refuseProtected`, also one that updates a protected sheet (as Excel and WPS refuse 回收).
 */
function checkTargets(
  workbook: ExcelJS.Workbook,
  ops: SheetOp[],
  store: Store,
  refuseProtected: boolean
): void {
  for (const op of ops) {
    const existing = findSheet(workbook, op.sheet);
    const problem = targetProblem(op, existing && { marker: markerOf(store, existing) });
    if (problem) throw new XlsxPatchError(problem, [op.sheet]);
    if (refuseProtected && op.mode === "update" && fieldsOf(existing!).sheetProtection?.sheet)
      throw new XlsxPatchError(sheetProtectedRefusal(op.sheet), [op.sheet]);
  }
}

/** Puts `ws` at tab `position` among the user's sheets (beyond the last means last). */
function arrange(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet, position: number): void {
  const order = userSheets(workbook).filter((s) => s !== ws);
  order.splice(Math.min(position, order.length), 0, ws);
  order.forEach((s, i) => (fieldsOf(s).orderNo = i));
  const store = workbook.worksheets.find(isStoreSheet);
  if (store) fieldsOf(store).orderNo = order.length;
}

/**
 * The sheet to write: the existing one for update; for replace, a fresh sheet of the same name
 * in the old one's place (so the old sheet's formats, notes and rules all go); else a new one.
 */
function sheetFor(workbook: ExcelJS.Workbook, op: SheetOp): ExcelJS.Worksheet {
  const existing = findSheet(workbook, op.sheet);
  if (op.mode === "update") return existing!;
  let position = op.position;
  if (existing) {
    position ??= userSheets(workbook).indexOf(existing);
    workbook.removeWorksheet(existing.id);
  }
  const ws = workbook.addWorksheet(op.sheet);
  if (position !== undefined) arrange(workbook, ws, position);
  return ws;
}

function writeFailure(sheet: string, error: unknown): XlsxError {
  if (error instanceof XlsxError) return error;
  return Object.assign(
    new XlsxError(`写入工作表「${sheet}」时出错，未保存任何文件。请联系维护人员。`),
    { cause: error }
  );
}

/**
 * Sheets written afresh whose cells wait for the save: what a sheet at a time saving
 * (sheetBySheet.ts) fills in, writes and empties, so that a big check never holds all its
 * generated sheets at once.
 */
const deferred = new WeakMap<ExcelJS.Worksheet, () => void>();
/** Deferred sheets already saved: their cells are gone, so they cannot be saved again. */
const spent = new WeakSet<ExcelJS.Worksheet>();

/**
 * Writes the cells of a sheet whose writing applyPatchToWorkbook deferred; true when it was one,
 * which the caller is to empty (dropCells) once saved. Throws for a deferred sheet saved before.
 */
export function writeDeferred(ws: ExcelJS.Worksheet): boolean {
  if (spent.has(ws))
    throw new XlsxError(`工作表「${ws.name}」已保存过一次，不能再次保存。请联系维护人员。`);
  const write = deferred.get(ws);
  if (!write) return false;
  deferred.delete(ws);
  spent.add(ws);
  try {
    write();
  } catch (error) {
    throw writeFailure(ws.name, error);
  }
  return true;
}

/** The op's cells and what is kept with them: values, formats, notes, rules, protection. */
function writeSheetContent(
  ws: ExcelJS.Worksheet,
  op: SheetOp,
  store: Store,
  fallbacks: string[]
): void {
  writeLayout(ws, op);
  writeValues(ws, op);
  writeFormats(ws, op);
  writeMerges(ws, op);
  fitRowHeights(ws, op);
  writeConditionalFormats(ws, op);
  writeValidations(ws, op, fallbacks);
  const notes = new NoteWriter(ws, op);
  if (op.marks.length > 0 || op.clearMarks) {
    // Marks first: removing an earlier mark may free its cell for a new note.
    setMarks(store, ws, writeMarks(ws, op, marksOf(store, ws), notes));
  }
  for (const note of op.notes) notes.add(note.row, note.col, note.text);
  fallbacks.push(...notes.messages());
  writeProtection(ws, op);
}

function writeSheet(
  workbook: ExcelJS.Workbook,
  op: SheetOp,
  store: Store,
  fallbacks: string[],
  defer: boolean
): ExcelJS.Worksheet {
  const ws = sheetFor(workbook, op);
  if (op.mode === "update" && op.position !== undefined) arrange(workbook, ws, op.position);
  if (op.tabColor) ws.properties.tabColor = { argb: argb(op.tabColor) };
  if (defer) deferred.set(ws, () => writeSheetContent(ws, op, store, fallbacks));
  else writeSheetContent(ws, op, store, fallbacks);
  // What the workbook's part reads (print titles, filter) is written now.
  writeFreeze(ws, op);
  writePrint(ws, op);
  writeAutoFilter(ws, op);
  writeVisibility(ws, op);
  if (op.generated) setMarker(store, ws, op.generated);
  // A rebuilt sheet starts without marks (ExcelJS may give it the old sheet's id).
  if (op.mode === "replace") setMarks(store, ws, []);
  return ws;
}

/**
 * Whether the op's cells may wait for the save: a sheet made afresh that carries no marks (the
 * record of marks is written now) and that no later op of the patch writes again.
 */
function deferrable(op: SheetOp, index: number, ops: readonly SheetOp[]): boolean {
  return (
    op.mode !== "update" &&
    op.marks.length === 0 &&
    !op.clearMarks &&
    !ops.slice(index + 1).some((later) => sameSheetName(later.sheet, op.sheet))
  );
}

/** The workbook's active tab; one selected tab only (several selected tabs are a group). */
function activate(workbook: ExcelJS.Workbook, name: string | undefined): void {
  const sheets = workbook.worksheets;
  const visible = (ws: ExcelJS.Worksheet) => ws.state === "visible" || ws.state === undefined;
  const target =
    (name !== undefined && sheets.find((ws) => ws.name === name && visible(ws))) ||
    sheets.find(visible);
  if (!target) return;
  const index = sheets.indexOf(target);
  const views = workbook.views ?? [];
  const view = views[0] ?? {
    x: 0,
    y: 0,
    width: 12000,
    height: 9000,
    visibility: "visible",
  };
  workbook.views = [
    { ...view, activeTab: index, firstSheet: Math.min(view.firstSheet ?? 0, index) },
    ...views.slice(1),
  ];
  for (const ws of sheets) {
    // ExcelJS loads a sheet without view settings with views null.
    const views = ws.views ?? [];
    const [first, ...others] = views.length > 0 ? views : [{}];
    // tabSelected is written and read by ExcelJS but missing from its typings.
    const selected = {
      ...first,
      tabSelected: ws === target,
    } as unknown as Partial<ExcelJS.WorksheetView>;
    ws.views = [selected, ...others];
  }
}

function activeSheetName(workbook: ExcelJS.Workbook): string | undefined {
  // A workbook loaded from a file without window settings has no views at all.
  const index = workbook.views?.[0]?.activeTab ?? 0;
  return workbook.worksheets[index]?.name;
}

/**
 * Carries out a WorkbookPatch on a workbook in memory — the twin of the Office.js adapter's
 * applyPatch for files: the same create/replace/update rules, markers and marks (kept on the
 * record sheet, see store.ts), notes, conditional formats, drop-downs, print setup, freeze
 * panes, widths, heights, merges, tab colours and links.
 *
 * A refused patch throws an XlsxPatchError before the workbook is touched. Any other failure
 * throws an XlsxError; the workbook may then be half-written and must not be saved.
 *
 * With `deferCells`, the cells of sheets made afresh are written only when writeXlsx saves the
 * workbook, one sheet at a time, and emptied after: for a workbook that is saved once and not
 * read again (`duban check -o`). Their fallbacks join the report's list during the save.
 */
export function applyPatchToWorkbook(
  workbook: ExcelJS.Workbook,
  input: WorkbookPatchInput,
  options: {
    deferCells?: boolean;
    /** "refuse": a patch updating a protected sheet is refused whole, nothing written. */
    protectedSheets?: "refuse";
  } = {}
): XlsxPatchReport {
  const checked = checkPatch(input);
  if ("problem" in checked) throw new XlsxPatchError(invalidPatchMessage(checked.problem));
  const { patch } = checked;
  const store = readStore(workbook);
  checkTargets(workbook, patch.sheets, store, options.protectedSheets === "refuse");

  const fallbacks: string[] = [];
  let active = activeSheetName(workbook);
  for (const [index, op] of patch.sheets.entries()) {
    try {
      const defer = options.deferCells === true && deferrable(op, index, patch.sheets);
      const ws = writeSheet(workbook, op, store, fallbacks, defer);
      if (op.activate) active = ws.name;
    } catch (error) {
      throw writeFailure(op.sheet, error);
    }
  }
  writeStore(workbook, store);
  activate(workbook, active);
  return { sheetsWritten: patch.sheets.map((op) => op.sheet), fallbacks };
}
