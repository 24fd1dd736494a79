/**
 * The part of WPS 表格's ET object model (WPS 加载项 / JSA, `window.Application`) the adapter
 * uses. ET follows Excel's COM object model: 1-based Item(), A1 addresses, colours as BGR longs,
 * Value2 a scalar for one cell and a 2-D array (rows of cells) otherwise. Every member access
 * crosses from the add-in's page into WPS, so the adapter reads and writes whole ranges.
 */

export interface EtComment {
  Text(): string;
  Delete(): void;
  /** The cell the note is on. */
  readonly Parent: EtRange;
}

export interface EtFormatCondition {
  readonly Interior: { Color: number };
  readonly Font: { Color: number };
}

export interface EtRange {
  Value2: unknown;
  Formula: unknown;
  NumberFormat: string | null;
  readonly Interior: { Color: number | null; ColorIndex: number | null };
  readonly Font: {
    Bold: boolean | null;
    Italic: boolean | null;
    Color: number | null;
    Size: number | null;
    Name: string | null;
  };
  readonly Borders: { LineStyle: number | null; Weight: number; Color: number };
  WrapText: boolean | null;
  HorizontalAlignment: number | null;
  VerticalAlignment: number | null;
  Locked: boolean | null;
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  Merge(): void;
  ColumnWidth: number | null;
  RowHeight: number | null;
  readonly EntireColumn: EtRange;
  Hidden: boolean | null;
  AddComment(text: string): EtComment;
  readonly Comment: EtComment | null;
  /** The cells of the range of a kind (xlCellTypeComments: holding a note); none is an error. */
  SpecialCells(type: number): EtRange;
  readonly Row: number;
  readonly Column: number;
  /** "$A$1:$C$2". */
  readonly Address: string;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly FormatConditions: {
    Add(type: number, operator: undefined, formula1: string): EtFormatCondition;
    Delete(): void;
  };
  readonly Validation: {
    Add(type: number, alertStyle: number, operator: number, formula1: string): void;
    Delete(): void;
    ErrorTitle: string;
    ErrorMessage: string;
    ShowError: boolean;
  };
  AutoFilter(): void;
  Select(): void;
}

export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  Zoom: number | false;
  FitToPagesWide: number | false;
  FitToPagesTall: number | false;
  PrintTitleRows: string;
  LeftHeader: string;
  CenterHeader: string;
  RightHeader: string;
  LeftFooter: string;
  CenterFooter: string;
  RightFooter: string;
}

export interface EtWorksheet {
  Name: string;
  readonly Index: number;
  Visible: number;
  Range(address: string): EtRange;
  readonly UsedRange: EtRange;
  Delete(): void;
  Activate(): void;
  Move(before?: EtWorksheet, after?: EtWorksheet): void;
  readonly Tab: { Color: number };
  readonly PageSetup: EtPageSetup;
  readonly Comments: { readonly Count: number; Item(index: number): EtComment };
  readonly Hyperlinks: {
    Add(anchor: EtRange, address: string, subAddress: string, tip: undefined, text: string): void;
  };
  Protect(password: string, ...options: boolean[]): void;
  readonly ProtectContents: boolean;
  readonly AutoFilterMode: boolean;
}

export interface EtWorksheets {
  readonly Count: number;
  Item(index: number | string): EtWorksheet;
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtWorksheets;
  readonly ActiveSheet: EtWorksheet;
}

export interface EtTaskPane {
  readonly ID: number | string;
  Visible: boolean;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveWindow: { FreezePanes: boolean; SplitRow: number; SplitColumn: number };
  DisplayAlerts: boolean;
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: number | string): EtTaskPane;
  readonly PluginStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
  };
}

/** ET's numbers for the constants the adapter uses (the same as Excel's). */
export const XL = {
  /** xlColorIndexNone / xlNone. */
  none: -4142,
  sheetVisible: -1,
  sheetHidden: 0,
  sheetVeryHidden: 2,
  /** FormatConditions.Add type: a formula. */
  expression: 2,
  validateList: 3,
  validAlertStop: 1,
  between: 1,
  continuous: 1,
  thin: 2,
  left: -4131,
  center: -4108,
  right: -4152,
  top: -4160,
  bottom: -4107,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
  paperA3: 8,
  cellTypeComments: -4144,
} as const;

/** The WPS Application of this page, or null outside WPS. */
export function etApplication(scope: unknown = globalThis): EtApplication | null {
  const app = (scope as { Application?: unknown }).Application;
  return typeof app === "object" && app !== null ? (app as EtApplication) : null;
}

/** "#RRGGBB" → ET's BGR long (red in the low byte). */
export function bgr(color: string): number {
  const rgb = parseInt(color.slice(1), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

/** ET's BGR long → "#RRGGBB". */
export function hexOfBgr(value: number): string {
  const rgb = ((value & 0xff) << 16) | (value & 0xff00) | ((value >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, "0").toUpperCase()}`;
}
