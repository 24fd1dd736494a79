import { EtWorkbookModel } from "./model";
import { type Context, Worksheets, type Worksheet } from "./objects";
import { type CallStats, EtError, newStats, strict } from "./strict";

export { EtError } from "./strict";
export type { EtCell, EtSheetModel, EtWorkbookModel } from "./model";

export interface EtStandInOptions {
  /** The workbook's sheets, empty, in tab order (default ["Sheet1"]). */
  sheets?: string[];
  /** The workbook's file name (ActiveWorkbook.Name). */
  name?: string;
  /** Where `Application` goes (default globalThis, as window.Application in WPS). */
  target?: Record<string, unknown>;
}

export interface TaskPaneRecord {
  id: number;
  url: string;
  visible: boolean;
}

export interface EtStandIn {
  /** The strict, counting Application (what window.Application is). */
  app: unknown;
  /** The workbook's model, for setting up and asserting (not counted). */
  workbook: EtWorkbookModel;
  stats: CallStats;
  taskPanes: TaskPaneRecord[];
  storage: Map<string, string>;
  /** Puts text cells into a sheet's model (set-up, not counted): rows from A1. */
  fill(sheet: string, rows: ReadonlyArray<ReadonlyArray<string | number | null>>): void;
  uninstall(): void;
}

/** Installs a WPS 表格 stand-in: `Application` with one open workbook. */
export function installEtStandIn(options: EtStandInOptions = {}): EtStandIn {
  const target = options.target ?? (globalThis as unknown as Record<string, unknown>);
  const stats = newStats();
  const book = new EtWorkbookModel(options.name ?? "工作簿1.xlsx", options.sheets ?? ["Sheet1"]);
  const ctx: Context = { stats, book, app: { displayAlerts: true } };
  const taskPanes: TaskPaneRecord[] = [];
  const storage = new Map<string, string>();
  const sheetsOf = () => strict("Worksheets", new Worksheets(ctx), stats);

  const activeSheet = (): Worksheet => {
    const sheet = book.sheets[book.active];
    return strict("Worksheets", new Worksheets(ctx), stats)._sheet(sheet);
  };

  const workbook = strict(
    "Workbook",
    {
      get Name() {
        return book.name;
      },
      get Worksheets() {
        return sheetsOf();
      },
      get Sheets() {
        return sheetsOf();
      },
      get ActiveSheet() {
        return activeSheet();
      },
    },
    stats
  );

  const window = strict(
    "Window",
    {
      get FreezePanes() {
        return book.sheets[book.active].freeze !== null;
      },
      set FreezePanes(v: boolean) {
        const sheet = book.sheets[book.active];
        if (typeof v !== "boolean") throw new EtError("FreezePanes 须为 true 或 false");
        sheet.freeze =
          v && (sheet.split.rows > 0 || sheet.split.cols > 0) ? { ...sheet.split } : null;
      },
      get SplitRow() {
        return book.sheets[book.active].split.rows;
      },
      set SplitRow(v: number) {
        if (!Number.isInteger(v) || v < 0) throw new EtError("SplitRow 须为非负整数");
        book.sheets[book.active].split.rows = v;
      },
      get SplitColumn() {
        return book.sheets[book.active].split.cols;
      },
      set SplitColumn(v: number) {
        if (!Number.isInteger(v) || v < 0) throw new EtError("SplitColumn 须为非负整数");
        book.sheets[book.active].split.cols = v;
      },
    },
    stats
  );

  const taskPane = (record: TaskPaneRecord) =>
    strict(
      "TaskPane",
      {
        get ID() {
          return record.id;
        },
        get Visible() {
          return record.visible;
        },
        set Visible(v: boolean) {
          record.visible = v;
        },
        set DockPosition(_v: number) {
          // Docking is not modelled.
        },
      },
      stats
    );

  const app = strict(
    "Application",
    {
      get ActiveWorkbook() {
        return workbook;
      },
      get Workbooks() {
        return strict(
          "Workbooks",
          {
            get Count() {
              return 1;
            },
            Item(i: number) {
              if (i !== 1) throw new EtError(`下标越界：没有第 ${i} 个工作簿`);
              return workbook;
            },
          },
          stats
        );
      },
      get ActiveSheet() {
        return activeSheet();
      },
      get ActiveWindow() {
        return window;
      },
      get DisplayAlerts() {
        return ctx.app.displayAlerts;
      },
      set DisplayAlerts(v: boolean) {
        ctx.app.displayAlerts = v;
      },
      ScreenUpdating: true,
      CreateTaskPane(url: unknown) {
        if (typeof url !== "string" || !/^(https?|file):\/\//.test(url))
          throw new EtError(`CreateTaskPane 须给出完整的网址，不是 ${String(url)}`);
        const record = { id: taskPanes.length + 1, url, visible: false };
        taskPanes.push(record);
        return taskPane(record);
      },
      GetTaskPane(id: unknown) {
        const record = taskPanes.find((t) => t.id === Number(id));
        if (!record) throw new EtError(`没有编号为 ${String(id)} 的任务窗格`);
        return taskPane(record);
      },
      get PluginStorage() {
        return strict(
          "PluginStorage",
          {
            getItem: (key: string) => storage.get(key) ?? null,
            setItem: (key: string, value: unknown) => void storage.set(key, String(value)),
            removeItem: (key: string) => void storage.delete(key),
          },
          stats
        );
      },
    },
    stats
  );

  const previous = target.Application;
  target.Application = app;
  return {
    app,
    workbook: book,
    stats,
    taskPanes,
    storage,
    fill(name, rows) {
      const sheet = book.sheet(name);
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === "") return;
          sheet.touch(r, c).value = v;
        })
      );
    },
    uninstall() {
      if (previous === undefined) delete target.Application;
      else target.Application = previous;
    },
  };
}
