import { checkPatch, invalidPatchMessage } from "../core/patch/messages";
import {
  recordedMarker,
  recordedMarks,
  withMarker,
  withMarks,
  type WorkbookRecord,
} from "../core/patch/record";
import type { SheetOp, WorkbookPatchInput } from "../core/patch/schema";
import { sameSheetName } from "../core/patch/sheetName";
import { targetProblem } from "../core/patch/targets";
import { sheetProtectedMessage, sheetProtectedRefusal } from "../excel/errors";
import type { HostApplyReport } from "../workflows/host";
import { type EtWorksheet, bgr } from "./et";
import { WpsAdapterError, toWpsError } from "./errors";
import { writeMarks } from "./marks";
import { ActiveSheet, Alerts } from "./session";
import { forgetMerges, recordedMergesOf } from "./mergeRecord";
import { type OpenWorkbook, openWorkbook, writeRecord } from "./workbook";
import {
  NoteWriter,
  type NoteBudget,
  MAX_NOTES,
  noteBudgetMessage,
  writeAutoFilter,
  writeConditionalFormats,
  writeFormats,
  writeFreeze,
  writeLayout,
  writeMerges,
  writePrint,
  writeProtection,
  writeValidations,
  writeValues,
  writeVisibility,
} from "./writeContent";

export interface WpsApplyReport extends HostApplyReport {
  sheetsWritten: string[];
}

/** Puts `sheet` at 0-based `position` among the user's sheets (beyond the last means last). */
function place(
  open: OpenWorkbook,
  sheet: EtWorksheet,
  name: string,
  position: number,
  active: ActiveSheet
): void {
  const others = open.listed.filter((s) => s.name !== name);
  const at = Math.min(position, others.length);
  const current = open.listed.findIndex((s) => s.name === name);
  if (current === at) return;
  // Whether moving a sheet activates it is not documented.
  active.became(null);
  if (at < others.length) sheet.Move(others[at].sheet);
  else sheet.Move(undefined, others[others.length - 1].sheet);
  const self = open.listed[current];
  others.splice(at, 0, self);
  open.listed = others;
}

/** The sheet to write: the existing one for update; a fresh one in the old one's place for replace. */
function sheetFor(
  open: OpenWorkbook,
  op: SheetOp,
  alerts: Alerts,
  active: ActiveSheet
): EtWorksheet {
  const index = open.listed.findIndex((s) => sameSheetName(s.name, op.sheet));
  if (op.mode === "update") return open.listed[index].sheet;
  const last = open.listed[open.listed.length - 1]?.sheet;
  const fresh = open.sheets.Add(undefined, index >= 0 ? open.listed[index].sheet : last);
  active.became(fresh);
  if (index >= 0) {
    // A rebuilt sheet starts from nothing: formats, notes and rules of the old one all go.
    alerts.off();
    open.listed[index].sheet.Delete();
    open.listed.splice(index, 1, { name: op.sheet, sheet: fresh });
  } else {
    open.listed.push({ name: op.sheet, sheet: fresh });
  }
  fresh.Name = op.sheet;
  const position = op.position ?? (index >= 0 ? index : undefined);
  if (position !== undefined) place(open, fresh, op.sheet, position, active);
  return fresh;
}

/**
 * Keeps the merges written on a sheet the add-in made (a new one starts without any), so reading it
 * back confirms them instead of finding them; an update adds to those already kept.
 */
function recordMerges(open: OpenWorkbook, op: SheetOp): void {
  const written = op.merges.filter((r) => r.rowCount > 1 || r.colCount > 1);
  if (op.mode !== "update") open.merges.set(op.sheet, written);
  else recordedMergesOf(open.merges, op.sheet)?.push(...written);
}

/**
 * Carries out a WorkbookPatch in the open WPS workbook — the twin of the Office.js and .xlsx
 * adapters: the same create/replace/update rules, the same marker and mark record (on the very
 * hidden sheet 督办助手记录), notes, conditional formats, drop-downs, print setup, freeze panes,
 * widths, heights, merges, tab colours and links.
 *
 * A patch that would replace a user's sheet, create over an existing one or update a missing one
 * is refused before anything is written. ET calls are synchronous: alerts are off while writing
 * (deleting a sheet would ask), and whatever stops a write half-way, the record is written with
 * every marker and mark made so far, so the command can be run again or cleared.
 */
export function applyPatchWps(
  input: WorkbookPatchInput,
  protectedSheets: "skip" | "refuse" = "skip",
  /** The workbook as the same command has just read it (host.ts), so as not to look again. */
  read?: OpenWorkbook
): WpsApplyReport {
  const checked = checkPatch(input);
  if ("problem" in checked) throw new WpsAdapterError(invalidPatchMessage(checked.problem));
  const { patch } = checked;
  const open = read ?? openWorkbook();
  for (const op of patch.sheets) {
    const existing = open.listed.find((s) => sameSheetName(s.name, op.sheet));
    const problem = targetProblem(
      op,
      existing && { marker: recordedMarker(open.record, existing.name) }
    );
    if (problem) throw new WpsAdapterError(problem, [op.sheet]);
    // 回收 is all or nothing: a protected sheet it would write refuses the whole patch.
    if (protectedSheets === "refuse" && op.mode === "update" && existing?.sheet.ProtectContents)
      throw new WpsAdapterError(sheetProtectedRefusal(op.sheet), [op.sheet]);
  }

  const fallbacks: string[] = [];
  const noteBudget: NoteBudget = { left: MAX_NOTES, skipped: 0 };
  const app = open.app;
  const alerts = new Alerts(app);
  const active = new ActiveSheet();
  // The sheet in front afterwards: the one an op asks for, else the user's (looked up only then).
  const started = patch.sheets.some((op) => op.activate)
    ? undefined
    : app.ActiveWorkbook!.ActiveSheet.Name;
  let activate: string | undefined;
  const hidden = new Set(
    patch.sheets.filter((op) => op.visibility && op.visibility !== "visible").map((op) => op.sheet)
  );
  let now: WorkbookRecord = open.record;
  let current = "";
  try {
    for (const op of patch.sheets) {
      current = op.sheet;
      const sheet = sheetFor(open, op, alerts, active);
      // A new sheet's merges are known once written; until then none are kept for it.
      if (op.mode !== "update") forgetMerges(open.merges, op.sheet);
      if (op.mode === "update" && sheet.ProtectContents) {
        // A protected sheet is left unmarked and said so; the rest (校验结果) is written.
        fallbacks.push(sheetProtectedMessage(op.sheet));
        continue;
      }
      if (op.mode === "replace") now = withMarks(now, op.sheet, []);
      // Right after the sheet is made: a sheet left without its marker would count as the user's.
      if (op.generated) now = withMarker(now, op.sheet, op.generated);
      if (op.mode === "update" && op.position !== undefined)
        place(open, sheet, op.sheet, op.position, active);
      if (op.tabColor) sheet.Tab.Color = bgr(op.tabColor);
      writeLayout(sheet, op);
      writeValues(sheet, op);
      writeFormats(sheet, op);
      writeMerges(sheet, op, alerts);
      recordMerges(open, op);
      writeConditionalFormats(sheet, op, active);
      writeValidations(sheet, op, fallbacks);
      const notes = new NoteWriter(sheet, op, noteBudget);
      if (op.marks.length > 0 || op.clearMarks) {
        // Marks first: removing an earlier mark may free its cell for a new note.
        writeMarks(sheet, op, recordedMarks(now, op.sheet), notes, (records) => {
          now = withMarks(now, op.sheet, records);
        });
      }
      for (const note of op.notes) notes.add(note.row, note.col, note.text);
      fallbacks.push(...notes.messages());
      writeFreeze(app, sheet, op, active);
      writePrint(sheet, op);
      writeAutoFilter(sheet, op);
      writeProtection(sheet, op);
      writeVisibility(sheet, op);
      if (op.activate) activate = op.sheet;
    }
    current = "";
    if (noteBudget.skipped > 0) fallbacks.push(noteBudgetMessage(noteBudget.skipped));
  } catch (error) {
    throw toWpsError(error, "写入", current || undefined);
  } finally {
    try {
      const record = open.recordSheet?.sheet;
      writeRecord(
        open,
        now,
        open.listed.map((s) => s.name)
      );
      // A record sheet made now is the active one; one deleted leaves it unknown.
      if (open.recordSheet?.sheet !== record) active.became(open.recordSheet?.sheet ?? null);
      // Freezing panes activated the sheets it froze: the sheet in front is the one asked for, or the user's.
      const front = open.listed.find((s) => s.name === (activate ?? started));
      if (front && !hidden.has(front.name)) active.activate(front.sheet);
    } finally {
      alerts.restore();
    }
  }
  return { sheetsWritten: patch.sheets.map((op) => op.sheet), fallbacks };
}
