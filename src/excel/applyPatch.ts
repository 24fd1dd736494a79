import { checkPatch, invalidPatchMessage } from "../core/patch/messages";
import type {
  GeneratedMarker,
  SheetOp,
  WorkbookPatch,
  WorkbookPatchInput,
} from "../core/patch/schema";
import { sameSheetName } from "../core/patch/sheetName";
import { DEFAULT_PAYLOAD_BUDGET, RequestBatcher, opBytes } from "./batch";
import { type Capabilities, detectCapabilities } from "./capabilities";
import { ExistingNotes, NoteWriter } from "./cellNotes";
import {
  ExcelAdapterError,
  notGeneratedError,
  sheetExistsError,
  sheetMissingError,
  toAdapterError,
} from "./errors";
import { queueMarkerReads, queueMarkerWrite, updateMarkerSettings } from "./markers";
import { noteCellsToCheck, queueFillReads, queueMarks } from "./marks";
import { type MarkRecord, readMarkStore, storedMarks, writeMarkStore } from "./markStore";
import { saveSettings } from "./settings";
import type { SheetInfo } from "./sheets";
import {
  type Writer,
  queueConditionalFormats,
  queueFormats,
  queueFreeze,
  queueLayout,
  queueMerges,
  queuePrint,
  queueProtection,
  queueValidations,
  queueValues,
} from "./writeContent";

export interface ApplyOptions {
  /** Defaults to what this Excel reports (detectCapabilities). */
  capabilities?: Capabilities;
  /** Bytes per request before a sync; defaults to 4 MB, under Excel on the web's 5 MB. */
  payloadBudget?: number;
  /**
   * The workbook's sheets with their markers, as the same command has just read them: the
   * first look is then skipped. A sheet gone since makes its write fail with a clear message.
   */
  sheets?: readonly SheetInfo[];
}

export interface ApplyReport {
  /** context.sync() calls made: a few to look, then one per payload-sized batch of writes. */
  syncs: number;
  /** The sheets written, in patch order. */
  sheetsWritten: string[];
  /** Chinese notes on what this Excel could not do as asked, and what was done instead. */
  fallbacks: string[];
}

function parsePatch(input: WorkbookPatchInput): WorkbookPatch {
  const checked = checkPatch(input);
  if ("problem" in checked) throw new ExcelAdapterError(invalidPatchMessage(checked.problem));
  return checked.patch;
}

/** What the first look at the workbook found for one op. */
interface Target {
  op: SheetOp;
  /** The sheet's name as the workbook spells it, when it exists. */
  existing?: { name: string; position: number };
  stored: MarkRecord[];
  fills?: Map<string, Excel.RangeFill>;
}

/**
 * Carries out a WorkbookPatch in one Excel.run. First it looks (one sync for the sheet list
 * unless given, one for markers, fills and notes where needed) and refuses — before writing anything — a
 * patch that would replace a sheet the add-in did not generate. Then it queues every write and
 * syncs only when the queued request nears the payload budget.
 */
export async function applyPatch(
  input: WorkbookPatchInput,
  options: ApplyOptions = {}
): Promise<ApplyReport> {
  const patch = parsePatch(input);
  const caps = options.capabilities ?? detectCapabilities();
  const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  const fallbacks: string[] = [];
  const markStore = readMarkStore();
  const markUpdates = new Map<string, MarkRecord[]>();
  const markerUpdates = new Map<string, GeneratedMarker>();
  let sheetsAfter: string[] = [];
  let syncs = 0;

  try {
    await Excel.run(async (context) => {
      const batcher = new RequestBatcher(context, budget, "写入");
      const existingNotes = new ExistingNotes(context, caps);

      const targets: Target[] = patch.sheets.map((op) => ({
        op,
        stored: storedMarks(markStore, op.sheet),
      }));
      const commentsMatter = targets.some(
        ({ op, stored }) => op.mode === "update" && noteCellsToCheck(op, stored).length > 0
      );
      if (commentsMatter) await existingNotes.queueCommentList(batcher);

      // Look: the sheet list — unless the command has just read it, markers and all.
      const known = options.sheets;
      const worksheets = context.workbook.worksheets;
      if (!known) {
        await batcher.add(opBytes("worksheets"), "", () =>
          worksheets.load("items/name,items/position")
        );
        await batcher.sync();
      }
      const sheets = (known ?? worksheets.items).map(({ name, position }) => ({ name, position }));
      for (const target of targets) {
        target.existing = sheets.find((s) => sameSheetName(s.name, target.op.sheet));
        if (target.op.mode === "update" && !target.existing)
          throw sheetMissingError(target.op.sheet, true);
      }

      // Look closer: markers of sheets to create or replace, fills and notes of cells to mark.
      const present = targets.filter((t) => t.existing);
      const markerOf = known
        ? (name: string) => known.find((s) => s.name === name)?.marker ?? null
        : await queueMarkerReads(
            context,
            batcher,
            caps,
            present.filter((t) => t.op.mode !== "update").map((t) => t.existing!.name)
          );
      for (const target of present) {
        const { op, stored } = target;
        if (op.mode !== "update") continue;
        const worksheet = worksheets.getItem(target.existing!.name);
        if (op.marks.length > 0 || op.clearMarks)
          target.fills = await queueFillReads(batcher, worksheet, op, stored);
        // Looked up by the patch's spelling of the name, as the writes ask for them.
        await existingNotes.queueChecks(batcher, op.sheet, noteCellsToCheck(op, stored));
      }
      await existingNotes.queueCommentLocations(batcher);
      if (batcher.hasPending) await batcher.sync();
      // Comments listed in this last look are located in one more (only when there are any).
      if (await existingNotes.queueCommentLocations(batcher)) await batcher.sync();

      for (const { op, existing } of present) {
        const marker = op.mode === "update" ? null : markerOf(existing!.name);
        if (op.mode === "create") throw sheetExistsError(op.sheet, marker !== null);
        if (op.mode === "replace" && !marker) throw notGeneratedError(op.sheet);
      }

      // Write.
      const w: Writer = { context, batcher, caps, budget, fallbacks };
      const names = sheets.map((s) => s.name);
      let toActivate: Excel.Worksheet | undefined;
      for (const target of targets) {
        const { op } = target;
        const worksheet = await queueSheet(w, target, names);
        await queueContent(
          w,
          worksheet,
          op,
          op.mode === "update" ? existingNotes : null,
          target,
          markUpdates
        );
        if (op.generated) {
          if (caps.customProperties) {
            await batcher.add(opBytes(op.generated), op.sheet, () =>
              queueMarkerWrite(worksheet, op.generated!)
            );
          } else markerUpdates.set(op.sheet, op.generated);
        }
        if (op.mode === "replace") markUpdates.set(op.sheet, []);
        if (op.activate) toActivate = worksheet;
      }
      if (toActivate) {
        const sheet = toActivate;
        await batcher.add(opBytes("activate"), "", () => sheet.activate());
      }
      if (batcher.hasPending) await batcher.sync();
      syncs = batcher.syncs;
      sheetsAfter = names;
    });
  } catch (error) {
    throw toAdapterError(error, "写入", []);
  }

  const markersChanged = updateMarkerSettings(sheetsAfter, markerUpdates);
  const marksChanged = writeMarkStore(sheetsAfter, markUpdates);
  if (markersChanged || marksChanged) await saveSettings();
  return { syncs, sheetsWritten: patch.sheets.map((op) => op.sheet), fallbacks };
}

/**
 * Queues the sheet itself: a new one for create; for replace, a fresh sheet under a temporary
 * name that takes the old one's place and name (so the old sheet's formats, notes and rules
 * all go, and a workbook whose only sheet is replaced never drops to none).
 * `names` is kept up to date with the workbook's sheet names.
 */
async function queueSheet(w: Writer, target: Target, names: string[]): Promise<Excel.Worksheet> {
  const { op, existing } = target;
  const worksheets = w.context.workbook.worksheets;
  const queued: { sheet?: Excel.Worksheet } = {};
  let position = op.position;
  if (op.mode === "update") {
    queued.sheet = worksheets.getItem(existing!.name);
  } else if (existing) {
    let n = 1;
    while (names.some((name) => sameSheetName(name, `督办助手临时${n}`))) n++;
    const temporary = `督办助手临时${n}`;
    await w.batcher.add(opBytes(op.sheet, temporary) * 3, op.sheet, () => {
      queued.sheet = worksheets.add(temporary);
      worksheets.getItem(existing.name).delete();
      queued.sheet.name = op.sheet;
    });
    position ??= existing.position;
    names.splice(
      names.findIndex((name) => sameSheetName(name, existing.name)),
      1,
      op.sheet
    );
  } else {
    await w.batcher.add(opBytes(op.sheet), op.sheet, () => {
      queued.sheet = worksheets.add(op.sheet);
    });
    names.push(op.sheet);
  }
  const sheet = queued.sheet!;
  if (op.tabColor !== undefined || position !== undefined) {
    const last = names.length - 1;
    await w.batcher.add(opBytes(op.tabColor, position), op.sheet, () => {
      if (op.tabColor) sheet.tabColor = op.tabColor;
      if (position !== undefined) sheet.position = Math.min(position, last);
    });
  }
  return sheet;
}

async function queueContent(
  w: Writer,
  worksheet: Excel.Worksheet,
  op: SheetOp,
  existing: ExistingNotes | null,
  target: Target,
  markUpdates: Map<string, MarkRecord[]>
): Promise<void> {
  await queueLayout(w, worksheet, op);
  await queueValues(w, worksheet, op);
  await queueFormats(w, worksheet, op);
  await queueMerges(w, worksheet, op);
  await queueConditionalFormats(w, worksheet, op);
  await queueValidations(w, worksheet, op);
  const notes = new NoteWriter(w, worksheet, op, existing);
  if (existing && (op.marks.length > 0 || op.clearMarks)) {
    // Marks first: removing an earlier mark may free its cell for a new note.
    const records = await queueMarks(
      w,
      worksheet,
      op,
      target.stored,
      target.fills!,
      existing,
      notes
    );
    markUpdates.set(op.sheet, records);
  }
  for (const note of op.notes) await notes.add(note.row, note.col, note.text);
  w.fallbacks.push(...notes.messages());
  await queueFreeze(w, worksheet, op);
  await queuePrint(w, worksheet, op);
  await queueProtection(w, worksheet, op);
}
