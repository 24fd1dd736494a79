import ExcelJS from "exceljs";
import { checkPatch, invalidPatchMessage } from "../core/patch/messages";
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
 * that is missing, creates one that exists, or replaces a sheet the add-in did not generate.
 */
function checkTargets(workbook: ExcelJS.Workbook, ops: SheetOp[], store: Store): void {
  for (const op of ops) {
    const existing = findSheet(workbook, op.sheet);
    const problem = targetProblem(op, existing && { marker: markerOf(store, existing) });
    if (problem) throw new XlsxPatchError(problem, [op.sheet]);
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

function writeSheet(
  workbook: ExcelJS.Workbook,
  op: SheetOp,
  store: Store,
  fallbacks: string[]
): ExcelJS.Worksheet {
  const ws = sheetFor(workbook, op);
  if (op.mode === "update" && op.position !== undefined) arrange(workbook, ws, op.position);
  if (op.tabColor) ws.properties.tabColor = { argb: argb(op.tabColor) };
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
  writeFreeze(ws, op);
  writePrint(ws, op);
  writeAutoFilter(ws, op);
  writeProtection(ws, op);
  writeVisibility(ws, op);
  if (op.generated) setMarker(store, ws, op.generated);
  // A rebuilt sheet starts without marks (ExcelJS may give it the old sheet's id).
  if (op.mode === "replace") setMarks(store, ws, []);
  return ws;
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
 */
export function applyPatchToWorkbook(
  workbook: ExcelJS.Workbook,
  input: WorkbookPatchInput
): XlsxPatchReport {
  const checked = checkPatch(input);
  if ("problem" in checked) throw new XlsxPatchError(invalidPatchMessage(checked.problem));
  const { patch } = checked;
  const store = readStore(workbook);
  checkTargets(workbook, patch.sheets, store);

  const fallbacks: string[] = [];
  let active = activeSheetName(workbook);
  for (const op of patch.sheets) {
    try {
      const ws = writeSheet(workbook, op, store, fallbacks);
      if (op.activate) active = ws.name;
    } catch (error) {
      if (error instanceof XlsxError) throw error;
      throw Object.assign(
        new XlsxError(`写入工作表「${op.sheet}」时出错，未保存任何文件。请联系维护人员。`),
        { cause: error }
      );
    }
  }
  writeStore(workbook, store);
  activate(workbook, active);
  return { sheetsWritten: patch.sheets.map((op) => op.sheet), fallbacks };
}
