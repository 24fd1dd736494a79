import { area, type Area } from "../address";
import { invalidArgument, invalidOperation } from "../errors";
import { FormatPool } from "./format";
import { checkSheetName } from "./sheet-names";
import { SheetModel } from "./sheet";

export interface CommentModel {
  readonly id: string;
  readonly sheet: SheetModel;
  readonly row: number;
  readonly col: number;
  content: string;
}

export interface Selection {
  sheet: SheetModel;
  area: Area;
}

/** The whole document: sheets in tab order, the selection, comments and saved add-in settings. */
export class WorkbookModel {
  readonly pool = new FormatPool();
  readonly sheets: SheetModel[] = [];
  comments: CommentModel[] = [];
  /** Structure protected (审阅 → 保护工作簿): sheets cannot be added, deleted, renamed, moved or hidden. */
  protected = false;
  /** Office.context.document.settings as last saved with saveAsync. */
  savedSettings: Record<string, unknown> = {};
  activeSheet: SheetModel;
  selection: Selection;
  private nextSheetId = 1;
  private nextObjectId = 1;

  constructor(sheetNames: readonly string[], settings: Record<string, unknown> = {}) {
    if (sheetNames.length === 0) throw new Error("A workbook needs at least one sheet.");
    for (const name of sheetNames) this.addSheet(name);
    this.activeSheet = this.sheets[0];
    this.selection = { sheet: this.sheets[0], area: area(0, 0) };
    this.savedSettings = JSON.parse(JSON.stringify(settings)) as Record<string, unknown>;
  }

  newId(prefix: string): string {
    return `${prefix}-${this.nextObjectId++}`;
  }

  /** By name (ignoring case) or by id, as WorksheetCollection.getItem looks sheets up. */
  findSheet(key: string): SheetModel | undefined {
    const lower = key.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id === key);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Adds at the end; without a name Excel picks the next free "SheetN". */
  addSheet(name?: string): SheetModel {
    const taken = this.sheetNames();
    let chosen = name;
    if (chosen === undefined) {
      let n = this.sheets.length + 1;
      while (taken.some((t) => t.toLowerCase() === `sheet${n}`)) n += 1;
      chosen = `Sheet${n}`;
    }
    const sheet = new SheetModel(
      `{sheet-${this.nextSheetId++}}`,
      checkSheetName(chosen, taken),
      this.pool
    );
    this.sheets.push(sheet);
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: unknown): void {
    const taken = this.sheets.filter((s) => s !== sheet).map((s) => s.name);
    sheet.name = checkSheetName(name, taken);
  }

  moveSheet(sheet: SheetModel, position: unknown): void {
    if (
      typeof position !== "number" ||
      !Number.isInteger(position) ||
      position < 0 ||
      position >= this.sheets.length
    ) {
      throw invalidArgument(
        `Position ${JSON.stringify(position)} is not between 0 and ${this.sheets.length - 1}.`
      );
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  private visibleOthers(sheet: SheetModel): SheetModel[] {
    return this.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
  }

  setVisibility(sheet: SheetModel, visibility: unknown): void {
    if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") {
      throw invalidArgument(`"${String(visibility)}" is not a sheet visibility.`);
    }
    if (visibility !== "Visible" && this.visibleOthers(sheet).length === 0) {
      throw invalidOperation("A workbook must keep at least one visible sheet.");
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheet === sheet)
      this.activate(this.visibleOthers(sheet)[0]);
  }

  activate(sheet: SheetModel): void {
    if (sheet.visibility !== "Visible")
      throw invalidOperation(`The sheet "${sheet.name}" is hidden and cannot be activated.`);
    this.activeSheet = sheet;
    if (this.selection.sheet !== sheet) this.selection = { sheet, area: area(0, 0) };
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.visibleOthers(sheet).length === 0) {
      throw invalidOperation("The last visible sheet of a workbook cannot be deleted.");
    }
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    this.comments = this.comments.filter((c) => c.sheet !== sheet);
    if (this.activeSheet === sheet) {
      const next =
        this.sheets.slice(index).find((s) => s.visibility === "Visible") ??
        this.visibleOthers(sheet)[0];
      this.activate(next);
    }
  }
}
