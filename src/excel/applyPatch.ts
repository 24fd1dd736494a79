import { checkPatch, invalidPatchMessage } from "../core/patch/messages";
import {
  emptyRecord,
  type RecordedMark,
  recordRows,
  recordSheetReservedMessage,
} from "../core/patch/record";
import type { SheetOp, WorkbookPatch, WorkbookPatchInput } from "../core/patch/schema";
import { sameSheetName } from "../core/patch/sheetName";
import { DEFAULT_PAYLOAD_BUDGET, RequestBatcher } from "./batch";
import { stepBytes } from "./wire";
import { type Capabilities, detectCapabilities } from "./capabilities";
import { ExistingNotes, NoteWriter, noteKindFor } from "./cellNotes";
import {
  ExcelAdapterError,
  notGeneratedError,
  sheetProtectedError,
  sheetProtectedMessage,
  workbookProtectedError,
  sheetExistsError,
  sheetMissingError,
  toAdapterError,
} from "./errors";
import { queueMarkerReads, queueMarkerWrite } from "./markers";
import { noteCellsToCheck, queueFillReads, queueMarks } from "./marks";
import {
  RecordReader,
  RecordWriter,
  isRecordSheet,
  recordedMarks,
  withMarker,
  withMarks,
} from "./record";
import { forgetLegacySettings } from "./legacySettings";
import type { SheetInfo } from "./sheets";
import {
  type Writer,
  queueConditionalFormats,
  queueFormats,
  queueFreeze,
  queueLayout,
  queueMerges,
  queuePrint,
  queueAutoFilter,
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
  /**
   * A protected sheet the patch updates: left as it is and said so (skip, the default: 校验's
   * marks are extra), or the whole patch refused before anything is written (refuse: 回收's
   * values are the point, and a 回收情况 without them would mislead).
   */
  protectedSheets?: "skip" | "refuse";
}

export interface ApplyReport {
  /** context.sync() calls made: a few to look, then one per payload-sized batch of writes. */
  syncs: number;
  /** The estimated size of each request, in the order sent (src/excel/wire.ts). */
  requestBytes: number[];
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
  stored: RecordedMark[];
  fills?: Map<string, Excel.RangeFill>;
}

/**
 * Carries out a WorkbookPatch in one Excel.run. First it looks (one sync for the sheet list —
 * unless given — and the workbook's record, one for markers, fills and notes where needed) and
 * refuses — before writing anything — a patch that would replace a sheet the add-in did not
 * generate. Then it queues every write and syncs only when the queued request nears the payload
 * budget. The record (record.ts) learns of every mark no later than the request that makes it,
 * and of every generated sheet in the request that creates it, so a command Excel stops
 * part-way can be run again, or cleared, without losing the user's fills and notes.
 */
export async function applyPatch(
  input: WorkbookPatchInput,
  options: ApplyOptions = {}
): Promise<ApplyReport> {
  const patch = parsePatch(input);
  const caps = options.capabilities ?? detectCapabilities();
  try {
    return await applyOnce(patch, caps, options);
  } catch (error) {
    // Some builds that report ExcelApi 1.10 throw NotImplemented on adding a comment. What was
    // written is recorded, so the patch runs again without comments: the texts stay in the
    // listing (校验结果). A sheet the first run created is then replaced (it carries our marker).
    const commentsBroke =
      error instanceof ExcelAdapterError &&
      error.code === "NotImplemented" &&
      noteKindFor(caps, "comment") === "comment";
    if (!commentsBroke) throw error;
    const again: WorkbookPatch = {
      sheets: patch.sheets.map((op) => (op.mode === "create" ? { ...op, mode: "replace" } : op)),
    };
    const report = await applyOnce(
      again,
      { ...caps, comments: false },
      { ...options, sheets: undefined }
    );
    return { ...report, fallbacks: [COMMENTS_FAILED, ...report.fallbacks] };
  }
}

const COMMENTS_FAILED =
  "此版本 Excel 报告支持批注，但添加批注时出错（NotImplemented），说明未写入单元格，请在「校验结果」等清单表中查看。";

async function applyOnce(
  patch: WorkbookPatch,
  caps: Capabilities,
  options: ApplyOptions
): Promise<ApplyReport> {
  const reserved = patch.sheets.find((op) => isRecordSheet(op.sheet));
  if (reserved) throw new ExcelAdapterError(recordSheetReservedMessage(), [reserved.sheet]);
  const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  const fallbacks: string[] = [];
  let syncs = 0;
  let requestBytes: number[] = [];

  try {
    await Excel.run(async (context) => {
      const batcher = new RequestBatcher(context, budget, "写入");
      const existingNotes = new ExistingNotes(context, caps);

      // Look: the sheet list — unless the command has just read it, markers and all — and the
      // record. The record must come first only to clear marks: without clearing, the earlier
      // marks an op takes off are on cells it marks, which the closer look reads anyway.
      const known = options.sheets;
      const worksheets = context.workbook.worksheets;
      if (!known) {
        await batcher.add(stepBytes({ proxies: 1, actions: 1 }), "", () =>
          worksheets.load("items/name,items/position")
        );
      }
      const reader = new RecordReader(context, batcher);
      await reader.queue();
      const protection = await queueProtectionReads(context, batcher, patch);
      const recordFirst = !known || patch.sheets.some((op) => op.clearMarks);
      let record = recordFirst ? await batcher.sync().then(() => reader.finish()) : null;
      const sheets = (known ?? worksheets.items.filter((s) => !isRecordSheet(s.name))).map(
        ({ name, position }) => ({ name, position })
      );

      const targets: Target[] = patch.sheets.map((op) => ({
        op,
        stored: record ? recordedMarks(record, op.sheet) : [],
      }));
      for (const target of targets) {
        target.existing = sheets.find((s) => sameSheetName(s.name, target.op.sheet));
        if (target.op.mode === "update" && !target.existing)
          throw sheetMissingError(target.op.sheet, true);
      }
      const stored = (target: Target) => (record ? target.stored : null);
      const commentsMatter = targets.some(
        (t) => t.op.mode === "update" && noteCellsToCheck(t.op, stored(t)).length > 0
      );
      if (commentsMatter) await existingNotes.queueCommentList(batcher);

      // Look closer: markers of sheets to create or replace, fills and notes of cells to mark.
      const present = targets.filter((t) => t.existing);
      const markerOf = known
        ? (name: string) => known.find((s) => s.name === name)?.marker ?? null
        : await queueMarkerReads(
            context,
            batcher,
            caps,
            present.filter((t) => t.op.mode !== "update").map((t) => t.existing!.name)
          ).then((lookup) => (name: string) => lookup(name, record!));
      for (const target of present) {
        const { op } = target;
        if (op.mode !== "update") continue;
        const worksheet = worksheets.getItem(target.existing!.name);
        if (op.marks.length > 0 || op.clearMarks)
          target.fills = await queueFillReads(batcher, worksheet, op, target.stored);
        // Looked up by the patch's spelling of the name, as the writes ask for them.
        await existingNotes.queueChecks(batcher, op.sheet, noteCellsToCheck(op, stored(target)));
      }
      await existingNotes.queueCommentLocations(batcher);
      if (batcher.hasPending) await batcher.sync();
      if (!record) {
        record = await reader.finish();
        for (const target of targets) target.stored = recordedMarks(record, target.op.sheet);
      }
      // Comments listed in this last look are located in one more (only when there are any).
      if (await existingNotes.queueCommentLocations(batcher)) await batcher.sync();

      // Protection: a protected workbook refuses new sheets, so nothing is written; a protected
      // sheet is left unmarked and said so, and the rest (校验结果) is written.
      const structural = patch.sheets.find((op) => op.mode !== "update");
      if (protection.workbook() && structural) throw workbookProtectedError(structural.sheet);
      const locked = targets.find((t) => protection.sheet(t.op.sheet));
      if (locked && options.protectedSheets === "refuse")
        throw sheetProtectedError(locked.op.sheet);
      const writable = targets.filter((t) => {
        if (!protection.sheet(t.op.sheet)) return true;
        fallbacks.push(sheetProtectedMessage(t.op.sheet));
        return false;
      });

      for (const { op, existing } of present) {
        const marker = op.mode === "update" ? null : markerOf(existing!.name);
        if (op.mode === "create") throw sheetExistsError(op.sheet, marker !== null);
        if (op.mode === "replace" && !marker) throw notGeneratedError(op.sheet);
      }

      // Write.
      const w: Writer = { context, batcher, caps, budget, fallbacks };
      const recordWriter = new RecordWriter(context, batcher, budget, reader.exists, reader.rows);
      const names = sheets.map((s) => s.name);
      let toActivate: Excel.Worksheet | undefined;
      let now = record;
      for (const target of writable) {
        const { op } = target;
        const worksheet = await queueSheet(w, target, names);
        if (op.mode !== "update") await recordWriter.keepLast(names.length);
        if (op.mode === "replace") now = withMarks(now, op.sheet, []);
        if (op.generated) {
          const marker = op.generated;
          if (caps.customProperties) {
            await batcher.add(stepBytes({ proxies: 2, actions: 1, data: [marker] }), op.sheet, () =>
              queueMarkerWrite(worksheet, marker)
            );
          }
          // Right after the sheet is made: a sheet left without its marker would count as the user's.
          now = withMarker(now, op.sheet, marker);
          await recordWriter.append(
            recordRows({
              ...emptyRecord(),
              markers: [{ sheet: op.sheet, id: null, value: marker }],
            })
          );
        }
        const marks = await queueContent(
          w,
          worksheet,
          op,
          op.mode === "update" ? existingNotes : null,
          target,
          (records) =>
            recordWriter.append(
              recordRows({
                ...emptyRecord(),
                marks: [{ sheet: op.sheet, id: null, value: records }],
              })
            )
        );
        if (marks) now = withMarks(now, op.sheet, marks);
        if (op.activate) toActivate = worksheet;
      }
      // The record as it now stands, for the sheets there are.
      const live = (entry: { sheet: string }) =>
        names.some((name) => sameSheetName(name, entry.sheet));
      await recordWriter.rewrite(recordRows(now, live));
      if (toActivate) {
        const sheet = toActivate;
        await batcher.add(stepBytes({ actions: 1 }), "", () => sheet.activate());
      }
      if (batcher.hasPending) await batcher.sync();
      // The record sheet now holds what the settings held: they can go.
      if (reader.fromSettings) await forgetLegacySettings();
      syncs = batcher.syncs;
      requestBytes = batcher.requestBytes;
    });
  } catch (error) {
    throw toAdapterError(error, "写入", []);
  }

  return { syncs, requestBytes, sheetsWritten: patch.sheets.map((op) => op.sheet), fallbacks };
}

/**
 * Queues reads of the workbook's protection (when the patch adds or replaces sheets) and of
 * each sheet the patch updates; the answers are read after the next sync.
 */
async function queueProtectionReads(
  context: Excel.RequestContext,
  batcher: RequestBatcher,
  patch: WorkbookPatch
): Promise<{ workbook: () => boolean; sheet: (name: string) => boolean }> {
  let workbook: Excel.WorkbookProtection | undefined;
  const sheets = new Map<string, Excel.WorksheetProtection>();
  if (patch.sheets.some((op) => op.mode !== "update")) {
    await batcher.add(stepBytes({ proxies: 1, actions: 1 }), "", () => {
      workbook = context.workbook.protection.load("protected");
    });
  }
  for (const op of patch.sheets.filter((o) => o.mode === "update")) {
    await batcher.add(stepBytes({ proxies: 2, actions: 1, data: [op.sheet] }), op.sheet, () => {
      const protection = context.workbook.worksheets.getItemOrNullObject(op.sheet).protection;
      sheets.set(op.sheet, protection.load("protected"));
    });
  }
  return {
    workbook: () => workbook?.protected === true,
    sheet: (name) => sheets.get(name)?.protected === true,
  };
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
    await w.batcher.add(
      stepBytes({ proxies: 2, actions: 3, data: [op.sheet, op.sheet, temporary] }),
      op.sheet,
      () => {
        queued.sheet = worksheets.add(temporary);
        worksheets.getItem(existing.name).delete();
        queued.sheet.name = op.sheet;
      }
    );
    position ??= existing.position;
    names.splice(
      names.findIndex((name) => sameSheetName(name, existing.name)),
      1,
      op.sheet
    );
  } else {
    await w.batcher.add(stepBytes({ proxies: 1, actions: 1, data: [op.sheet] }), op.sheet, () => {
      queued.sheet = worksheets.add(op.sheet);
    });
    names.push(op.sheet);
  }
  const sheet = queued.sheet!;
  if (op.tabColor !== undefined || position !== undefined) {
    const last = names.length - 1;
    await w.batcher.add(stepBytes({ actions: 2, data: [op.tabColor, position] }), op.sheet, () => {
      if (op.tabColor) sheet.tabColor = op.tabColor;
      if (position !== undefined) sheet.position = Math.min(position, last);
    });
  }
  return sheet;
}

/** Queues the op's content; returns the sheet's mark records when the op marks or unmarks. */
async function queueContent(
  w: Writer,
  worksheet: Excel.Worksheet,
  op: SheetOp,
  existing: ExistingNotes | null,
  target: Target,
  recordAhead: (records: RecordedMark[]) => Promise<void>
): Promise<RecordedMark[] | null> {
  await queueLayout(w, worksheet, op);
  await queueValues(w, worksheet, op);
  await queueFormats(w, worksheet, op);
  await queueMerges(w, worksheet, op);
  await queueConditionalFormats(w, worksheet, op);
  await queueValidations(w, worksheet, op);
  const notes = new NoteWriter(w, worksheet, op, existing);
  let marks: RecordedMark[] | null = null;
  if (existing && (op.marks.length > 0 || op.clearMarks)) {
    // Marks first: removing an earlier mark may free its cell for a new note.
    marks = await queueMarks(
      w,
      worksheet,
      op,
      target.stored,
      target.fills!,
      existing,
      notes,
      recordAhead
    );
  }
  for (const note of op.notes) await notes.add(note.row, note.col, note.text);
  w.fallbacks.push(...notes.messages());
  await queueFreeze(w, worksheet, op);
  await queuePrint(w, worksheet, op);
  await queueAutoFilter(w, worksheet, op);
  await queueProtection(w, worksheet, op);
  return marks;
}
