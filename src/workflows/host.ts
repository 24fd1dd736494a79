import type { Grid } from "../core/grid/schema";
import type { ColumnMapping } from "../core/parse/vocabulary";
import type { WorkbookRecord } from "../core/patch/record";
import type { GeneratedMarker, WorkbookPatchInput } from "../core/patch/schema";
import type { ColumnChoice } from "../taskpane/actions";

/**
 * What the pane's workflows need of a spreadsheet host. Excel (Office.js, src/excel) and WPS 表格
 * (the ET object model, src/wps) each give one; the workflows (actions.ts) are written once
 * against it, so every host runs the same 校验, 生成单位表, 回填, 汇总, 下发 and 回收.
 */
export interface SheetInfo {
  name: string;
  /** Zero-based place among the tabs. */
  position: number;
  /** The add-in's marker when it generated the sheet; null for the user's own sheets. */
  marker: GeneratedMarker | null;
  /** The 列对照 the user chose for the sheet's columns in the pane ({} when none). */
  columns: ColumnMapping;
}

/** A sheet of the workbook with its used range. */
export interface ReadSheet {
  info: SheetInfo;
  grid: Grid;
}

export interface HostApplyReport {
  /** Chinese notes on what this host could not do as asked, and what was done instead. */
  fallbacks: string[];
}

export interface WorkbookHost {
  /** Every sheet (the record sheet left out) and the grids of the sheets `pick` chooses. */
  readSheets(
    pick: (sheet: SheetInfo) => boolean
  ): Promise<{ sheets: SheetInfo[]; read: ReadSheet[] }>;
  /** Every sheet with its marker, in tab order. */
  listSheets(): Promise<SheetInfo[]>;
  /**
   * Carries out a patch. `sheets`: the sheet list the same command has just read, so the host
   * may skip looking again.
   */
  applyPatch(
    patch: WorkbookPatchInput,
    options?: {
      sheets?: readonly SheetInfo[];
      /** A protected sheet the patch updates: skipped and said so, or the whole patch refused. */
      protectedSheets?: "skip" | "refuse";
    }
  ): Promise<HostApplyReport>;
  /** The workbook's record (markers and marks). */
  readRecord(): Promise<WorkbookRecord>;
  /** Keeps the user's 列对照 for one column on the record, for every later 校验 to read. */
  recordColumnMeaning(choice: ColumnChoice): Promise<void>;
  /** Brings a sheet to the front and selects a cell: "'区重点工作'!F12". */
  selectAddress(address: string): Promise<void>;
  /** The open workbook's file name, for messages ("当前工作簿" when it has none). */
  workbookName(): string;
}
