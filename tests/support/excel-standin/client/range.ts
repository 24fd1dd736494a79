import {
  area,
  cellCount,
  formatAddress,
  formatArea,
  inSheet,
  isUnbounded,
  parseAddress,
  type Area,
} from "../address";
import { invalidArgument, invalidOperation, itemNotFound } from "../errors";
import {
  clearRange,
  merge,
  mergedAreasIn,
  readGrid,
  readHyperlink,
  unmerge,
  writeContents,
  writeHyperlink,
  writeNumberFormats,
  type GridProperty,
  type RangeRef,
} from "../model/cells";
import { readColumnHidden, setColumnHidden } from "../model/formatting";
import type { SheetModel } from "../model/sheet";
import { ConditionalFormatCollection } from "./conditional";
import type { Exec } from "./env";
import { RangeFormat } from "./format";
import { ClientCollection, ClientObject, type TypeSpec } from "./object";
import { DataValidation } from "./validation";
import { Worksheet } from "./worksheet";

/** A Range proxy or an address ("Sheet1!A1"; without a sheet name, on `defaultSheet`). */
export function rangeArgument(
  value: unknown,
  exec: Exec,
  defaultSheet: SheetModel | null
): RangeRef {
  if (value instanceof Range) return value._ref(exec);
  if (typeof value !== "string")
    throw invalidArgument(`Expected a Range or an address, not ${JSON.stringify(value)}.`);
  const parsed = parseAddress(value);
  const sheet = parsed.sheet === null ? defaultSheet : (exec.wb.findSheet(parsed.sheet) ?? null);
  if (!sheet) {
    throw invalidArgument(
      parsed.sheet === null
        ? `The address "${value}" must name its sheet ("Sheet1!A1").`
        : `There is no sheet "${parsed.sheet}".`
    );
  }
  return { sheet, area: parsed.area };
}

const RANGE: TypeSpec = {
  name: "Range",
  scalars: {
    address: { readonly: true },
    rowIndex: { readonly: true },
    columnIndex: { readonly: true },
    rowCount: { readonly: true },
    columnCount: { readonly: true },
    values: { grid: true },
    text: { readonly: true, grid: true },
    formulas: { grid: true },
    numberFormat: { grid: true },
    hyperlink: {},
    columnHidden: {},
  },
  navs: ["format", "conditionalFormats", "dataValidation", "worksheet"],
  // An unbounded range reads no cells: Excel answers null for its grid properties.
  cells: (entity) => {
    const { area: a } = entity as RangeRef;
    return isUnbounded(a) ? 0 : cellCount(a);
  },
};

export class Range extends ClientObject {
  get _spec(): TypeSpec {
    return RANGE;
  }

  _ref(exec: Exec): RangeRef {
    const ref = this._require(exec) as RangeRef;
    if (ref.sheet.deleted) throw itemNotFound(`The worksheet of ${this._path} has been deleted.`);
    return ref;
  }

  _read(entity: unknown, name: string): unknown {
    const ref = entity as RangeRef;
    switch (name) {
      case "address":
        return formatAddress(ref.sheet.name, ref.area);
      case "rowIndex":
        return ref.area.row;
      case "columnIndex":
        return ref.area.col;
      case "rowCount":
        return ref.area.rowCount;
      case "columnCount":
        return ref.area.colCount;
      case "hyperlink":
        return readHyperlink(ref);
      case "columnHidden":
        return readColumnHidden(ref);
      default:
        return readGrid(ref, name as GridProperty);
    }
  }

  override _write(entity: unknown, name: string, value: unknown, exec: Exec): void {
    const ref = entity as RangeRef;
    switch (name) {
      case "values":
      case "formulas":
        writeContents(exec.wb, ref, value, name);
        return;
      case "numberFormat":
        writeNumberFormats(ref, value);
        return;
      case "hyperlink":
        writeHyperlink(ref, value);
        return;
      default:
        setColumnHidden(ref, value);
    }
  }

  override _makeChild(name: string): ClientObject {
    const ref = (exec: Exec) => this._ref(exec);
    const path = `${this._path}.${name}`;
    switch (name) {
      case "format":
        return new RangeFormat(this.context, path, ref);
      case "conditionalFormats":
        return new ConditionalFormatCollection(this.context, path, ref);
      case "dataValidation":
        return new DataValidation(this.context, path, ref);
      default:
        return new Worksheet(this.context, path, (exec) => this._ref(exec).sheet);
    }
  }

  private _derived(label: string, make: (ref: RangeRef) => Area): Range {
    return new Range(this.context, `${this._path}.${label}`, (exec) => {
      const ref = this._ref(exec);
      const next = make(ref);
      if (!inSheet(next)) throw invalidArgument(`${label} goes outside the sheet.`);
      return { sheet: ref.sheet, area: next };
    });
  }

  /** A cell relative to the top-left corner (it may lie outside the range). */
  getCell(row: number, column: number): Range {
    return this._derived(`getCell(${row},${column})`, ({ area: a }) =>
      area(a.row + row, a.col + column)
    );
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    this._gate("getResizedRange");
    return this._derived(`getResizedRange(${deltaRows},${deltaColumns})`, ({ area: a }) =>
      area(a.row, a.col, a.rowCount + deltaRows, a.colCount + deltaColumns)
    );
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._derived(`getOffsetRange(${rowOffset},${columnOffset})`, ({ area: a }) =>
      area(a.row + rowOffset, a.col + columnOffset, a.rowCount, a.colCount)
    );
  }

  /** Selects the range and activates its sheet. */
  select(): void {
    this._enqueue("select", [], (exec) => {
      const ref = this._ref(exec);
      exec.wb.activate(ref.sheet);
      exec.wb.selection = { sheet: ref.sheet, area: ref.area };
    });
  }

  clear(applyTo?: string): void {
    this._enqueue("clear", applyTo === undefined ? [] : [applyTo], (exec) =>
      clearRange(this._ref(exec), applyTo)
    );
  }

  merge(across?: boolean): void {
    this._gate("merge");
    this._enqueue("merge", across === undefined ? [] : [across], (exec) =>
      merge(this._ref(exec), across)
    );
  }

  unmerge(): void {
    this._gate("unmerge");
    this._enqueue("unmerge", [], (exec) => unmerge(this._ref(exec)));
  }

  /** Merged areas touching the range; a null object when there are none. Excel fails above 512. */
  getMergedAreasOrNullObject(): RangeAreas {
    this._gate("getMergedAreasOrNullObject");
    const path = `${this._path}.getMergedAreasOrNullObject()`;
    return new RangeAreas(
      this.context,
      path,
      (exec) => {
        const ref = this._ref(exec);
        const areas = mergedAreasIn(ref);
        if (areas.length > 512) {
          throw invalidOperation(
            `The range holds ${areas.length} merged areas; getMergedAreasOrNullObject fails above 512.`
          );
        }
        return areas.length === 0 ? null : { sheet: ref.sheet, areas };
      },
      true
    )._enqueueResolve();
  }
}

interface AreasEntity {
  readonly sheet: SheetModel;
  readonly areas: Area[];
}

const RANGE_AREAS: TypeSpec = {
  name: "RangeAreas",
  scalars: { address: { readonly: true }, areaCount: { readonly: true } },
  navs: ["areas"],
};

export class RangeAreas extends ClientObject {
  get _spec(): TypeSpec {
    return RANGE_AREAS;
  }

  _read(entity: unknown, name: string): unknown {
    const { sheet, areas } = entity as AreasEntity;
    return name === "areaCount"
      ? areas.length
      : areas.map((a) => formatAddress(sheet.name, a)).join(",");
  }

  override _makeChild(): ClientObject {
    return new RangeCollection(this.context, `${this._path}.areas`, (exec) => this._require(exec));
  }
}

const RANGE_COLLECTION: TypeSpec = { name: "RangeCollection", scalars: {}, navs: [] };

export class RangeCollection extends ClientCollection {
  get _spec(): TypeSpec {
    return RANGE_COLLECTION;
  }

  _entities(entity: unknown): unknown[] {
    const { sheet, areas } = entity as AreasEntity;
    return areas.map((a) => ({ sheet, area: a }));
  }

  _item(entity: unknown): ClientObject {
    const ref = entity as RangeRef | null;
    return new Range(
      this.context,
      `${this._path}.item(${ref ? formatArea(ref.area) : ""})`,
      () => ref
    );
  }
}
