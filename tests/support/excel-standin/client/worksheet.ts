import { MAX_COLUMNS, MAX_ROWS, area, inSheet, lastRow, parseAddress } from "../address";
import { PAPER_SIZES } from "../enums";
import { invalidArgument, itemNotFound } from "../errors";
import { normalizeColor } from "../model/colors";
import type { SheetModel } from "../model/sheet";
import { NoteCollection } from "./annotations";
import type { Exec } from "./env";
import { ClientCollection, ClientObject, type TypeSpec } from "./object";
import { Range, rangeArgument } from "./range";

const WORKSHEET: TypeSpec = {
  name: "Worksheet",
  scalars: { id: { readonly: true }, name: {}, position: {}, visibility: {}, tabColor: {} },
  navs: ["freezePanes", "pageLayout", "customProperties", "notes", "protection"],
};
const WORKSHEET_PROTECTION: TypeSpec = {
  name: "WorksheetProtection",
  scalars: { protected: { readonly: true } },
  navs: [],
};

/** Worksheet.protection: only whether the sheet is protected is read. */
export class WorksheetProtection extends ClientObject {
  get _spec(): TypeSpec {
    return WORKSHEET_PROTECTION;
  }

  _read(entity: unknown): unknown {
    return (entity as SheetModel).protected;
  }
}

export class Worksheet extends ClientObject {
  get _spec(): TypeSpec {
    return WORKSHEET;
  }

  _sheet(exec: Exec): SheetModel {
    const sheet = this._require(exec) as SheetModel;
    if (sheet.deleted) throw itemNotFound(`The worksheet "${sheet.name}" has been deleted.`);
    return sheet;
  }

  _read(entity: unknown, name: string, exec: Exec): unknown {
    const sheet = entity as SheetModel;
    switch (name) {
      case "id":
        return sheet.id;
      case "name":
        return sheet.name;
      case "position":
        return exec.wb.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
      default:
        return sheet.tabColor;
    }
  }

  override _write(entity: unknown, name: string, value: unknown, exec: Exec): void {
    const sheet = entity as SheetModel;
    if (name === "name") exec.wb.renameSheet(sheet, value);
    else if (name === "position") exec.wb.moveSheet(sheet, value);
    else if (name === "visibility") exec.wb.setVisibility(sheet, value);
    else sheet.tabColor = value === "" ? "" : normalizeColor(value, "Worksheet.tabColor");
  }

  override _makeChild(name: string): ClientObject {
    const sheet = (exec: Exec) => this._sheet(exec);
    const path = `${this._path}.${name}`;
    switch (name) {
      case "freezePanes":
        return new FreezePanes(this.context, path, sheet);
      case "pageLayout":
        return new PageLayout(this.context, path, sheet);
      case "customProperties":
        return new CustomPropertyCollection(this.context, path, sheet);
      case "protection":
        return new WorksheetProtection(this.context, path, sheet);
      default:
        return new NoteCollection(this.context, path, sheet);
    }
  }

  activate(): void {
    this._enqueue("activate", [], (exec) => exec.wb.activate(this._sheet(exec)));
  }

  delete(): void {
    this._enqueue("delete", [], (exec) => exec.wb.deleteSheet(this._sheet(exec)));
  }

  /** An address on this sheet ("A1", "A1:C3", "A:C", "1:3"); without one, the whole sheet. */
  getRange(address?: string): Range {
    return new Range(
      this.context,
      `${this._path}.getRange(${JSON.stringify(address ?? null)})`,
      (exec) => {
        const sheet = this._sheet(exec);
        if (address === undefined) return { sheet, area: area(0, 0, MAX_ROWS, MAX_COLUMNS) };
        if (typeof address !== "string") throw invalidArgument("getRange needs an address string.");
        const parsed = parseAddress(address);
        if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
          throw invalidArgument(`"${address}" is not on the worksheet "${sheet.name}".`);
        }
        return { sheet, area: parsed.area };
      }
    );
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): Range {
    this._gate("getRangeByIndexes");
    const path = `${this._path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`;
    return new Range(this.context, path, (exec) => {
      const a = area(startRow, startColumn, rowCount, columnCount);
      if (!inSheet(a))
        throw invalidArgument(
          `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount}) is outside the sheet.`
        );
      return { sheet: this._sheet(exec), area: a };
    });
  }

  /** The used range; on an empty sheet Excel returns A1. */
  getUsedRange(valuesOnly?: boolean): Range {
    this._gate("getUsedRange");
    return new Range(this.context, `${this._path}.getUsedRange(${valuesOnly === true})`, (exec) => {
      const sheet = this._sheet(exec);
      return { sheet, area: sheet.usedArea(valuesOnly === true) ?? area(0, 0) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    this._gate("getUsedRangeOrNullObject");
    const path = `${this._path}.getUsedRangeOrNullObject(${valuesOnly === true})`;
    return new Range(
      this.context,
      path,
      (exec) => {
        const sheet = this._sheet(exec);
        const used = sheet.usedArea(valuesOnly === true);
        return used ? { sheet, area: used } : null;
      },
      true
    )._enqueueResolve();
  }
}

const FREEZE_PANES: TypeSpec = { name: "WorksheetFreezePanes", scalars: {}, navs: [] };

export class FreezePanes extends ClientObject {
  get _spec(): TypeSpec {
    return FREEZE_PANES;
  }

  _read(): unknown {
    return undefined;
  }

  freezeRows(count?: number): void {
    const rows = count ?? 1;
    this._enqueue("freezeRows", [rows], (exec) => {
      if (!Number.isInteger(rows) || rows < 0 || rows >= MAX_ROWS)
        throw invalidArgument(`freezeRows(${String(count)}) needs a row count.`);
      const sheet = this._require(exec) as SheetModel;
      sheet.frozenRows = rows;
      sheet.frozenColumns = 0;
    });
  }

  unfreeze(): void {
    this._enqueue("unfreeze", [], (exec) => {
      const sheet = this._require(exec) as SheetModel;
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }
}

const PAGE_LAYOUT: TypeSpec = {
  name: "PageLayout",
  scalars: { orientation: {}, paperSize: {}, zoom: {}, centerHorizontally: {} },
  navs: [],
};

export class PageLayout extends ClientObject {
  get _spec(): TypeSpec {
    return PAGE_LAYOUT;
  }

  _read(entity: unknown, name: string): unknown {
    const layout = (entity as SheetModel).pageLayout;
    if (name === "zoom") return { ...layout.zoom };
    return layout[name as "orientation" | "paperSize" | "centerHorizontally"];
  }

  override _write(entity: unknown, name: string, value: unknown): void {
    const layout = (entity as SheetModel).pageLayout;
    switch (name) {
      case "orientation":
        if (value !== "Portrait" && value !== "Landscape")
          throw invalidArgument(`"${String(value)}" is not a PageOrientation.`);
        layout.orientation = value;
        return;
      case "paperSize":
        if (typeof value !== "string" || !PAPER_SIZES.includes(value))
          throw invalidArgument(`"${String(value)}" is not a PaperType.`);
        layout.paperSize = value;
        return;
      case "centerHorizontally":
        if (typeof value !== "boolean")
          throw invalidArgument("centerHorizontally must be true or false.");
        layout.centerHorizontally = value;
        return;
      default: {
        const zoom = value as Record<string, unknown> | null;
        const keys = zoom && typeof zoom === "object" ? Object.keys(zoom) : [];
        const known = ["scale", "horizontalFitToPages", "verticalFitToPages"];
        if (!zoom || keys.some((k) => !known.includes(k) || typeof zoom[k] !== "number")) {
          throw invalidArgument(
            "PageLayout.zoom must be an object {scale?, horizontalFitToPages?, verticalFitToPages?} of numbers."
          );
        }
        if (typeof zoom.scale === "number" && (zoom.scale < 10 || zoom.scale > 400))
          throw invalidArgument("zoom.scale must be 10–400.");
        layout.zoom = { ...(zoom as PageLayoutZoom) };
      }
    }
  }

  /** The rows repeated at the top of every printed page ("$1:$2"). */
  setPrintTitleRows(printTitleRows: Range | string): void {
    this._sameContext(printTitleRows);
    this._enqueue("setPrintTitleRows", [printTitleRows], (exec) => {
      const sheet = this._require(exec) as SheetModel;
      const ref = rangeArgument(printTitleRows, exec, sheet);
      if (ref.sheet !== sheet)
        throw invalidArgument("Print title rows must be on the same worksheet.");
      sheet.pageLayout.printTitleRows = `$${ref.area.row + 1}:$${lastRow(ref.area) + 1}`;
    });
  }
}

type PageLayoutZoom = {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
};

const CUSTOM_PROPERTIES: TypeSpec = {
  name: "WorksheetCustomPropertyCollection",
  scalars: {},
  navs: [],
};
const CUSTOM_PROPERTY: TypeSpec = {
  name: "WorksheetCustomProperty",
  scalars: { key: { readonly: true }, value: {} },
  navs: [],
};

interface PropertyEntity {
  readonly sheet: SheetModel;
  readonly entry: { key: string; value: string };
}

export class CustomPropertyCollection extends ClientCollection {
  get _spec(): TypeSpec {
    return CUSTOM_PROPERTIES;
  }

  _entities(entity: unknown): unknown[] {
    const sheet = entity as SheetModel;
    return sheet.customProperties.map((entry) => ({ sheet, entry }));
  }

  _item(entity: unknown): ClientObject {
    const item = entity as PropertyEntity | null;
    return new CustomProperty(
      this.context,
      `${this._path}.getItem(${JSON.stringify(item?.entry.key ?? "")})`,
      () => item
    );
  }

  _find(exec: Exec, key: string): PropertyEntity | null {
    const sheet = this._require(exec) as SheetModel;
    const entry = sheet.customProperties.find(
      (e) => e.key.toLowerCase() === String(key).toLowerCase()
    );
    return entry ? { sheet, entry } : null;
  }

  /** Adds, or overwrites the property with that key (keys ignore case, at most 255 characters). */
  add(key: string, value: string): ClientObject {
    this._enqueue("add", [key, value], (exec) => {
      if (typeof key !== "string" || key === "" || key.length > 255)
        throw invalidArgument("A custom property key is 1–255 characters.");
      if (typeof value !== "string")
        throw invalidArgument("A custom property value must be a string.");
      const known = this._find(exec, key);
      if (known) {
        known.entry.key = key;
        known.entry.value = value;
      } else {
        (this._require(exec) as SheetModel).customProperties.push({ key, value });
      }
    });
    return new CustomProperty(
      this.context,
      `${this._path}.getItem(${JSON.stringify(key)})`,
      (exec) => {
        const found = this._find(exec, key);
        if (!found) throw itemNotFound(`No custom property "${key}".`);
        return found;
      }
    );
  }

  getItemOrNullObject(key: string): ClientObject {
    const path = `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`;
    return new CustomProperty(
      this.context,
      path,
      (exec) => this._find(exec, key),
      true
    )._enqueueResolve();
  }
}

export class CustomProperty extends ClientObject {
  get _spec(): TypeSpec {
    return CUSTOM_PROPERTY;
  }

  _read(entity: unknown, name: string): unknown {
    const { entry } = entity as PropertyEntity;
    return name === "key" ? entry.key : entry.value;
  }

  override _write(entity: unknown, _name: string, value: unknown): void {
    if (typeof value !== "string")
      throw invalidArgument("A custom property value must be a string.");
    (entity as PropertyEntity).entry.value = value;
  }

  delete(): void {
    this._enqueue("delete", [], (exec) => {
      const { sheet, entry } = this._require(exec) as PropertyEntity;
      sheet.customProperties.splice(sheet.customProperties.indexOf(entry), 1);
    });
  }
}
