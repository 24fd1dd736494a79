import { invalidArgument, notImplemented } from "../errors";
import type { RangeRef } from "../model/cells";
import { normalizeColor } from "../model/colors";
import {
  BORDER_SIDES,
  autofitColumns,
  autofitRows,
  readBorder,
  readColumnWidth,
  readFill,
  readFormatField,
  readRowHeight,
  setBorder,
  setColumnWidth,
  setFormatField,
  setRowHeight,
  type BorderSide,
} from "../model/formatting";
import type { Exec } from "./env";
import { ClientObject, type Resolver, type TypeSpec } from "./object";

const HORIZONTAL = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];

function oneOf(value: unknown, allowed: readonly string[], what: string): string {
  if (typeof value !== "string" || !allowed.includes(value))
    throw invalidArgument(`"${String(value)}" is not a valid ${what}.`);
  return value;
}

function bool(value: unknown, what: string): boolean {
  if (typeof value !== "boolean") throw invalidArgument(`${what} must be true or false.`);
  return value;
}

/** Format objects of a range all resolve to the range itself. */
abstract class RangePart extends ClientObject {
  _range(exec: Exec): RangeRef {
    return this._require(exec) as RangeRef;
  }
}

const RANGE_FORMAT: TypeSpec = {
  name: "RangeFormat",
  scalars: {
    wrapText: {},
    horizontalAlignment: {},
    verticalAlignment: {},
    columnWidth: {},
    rowHeight: {},
  },
  navs: ["fill", "font", "borders"],
};

export class RangeFormat extends RangePart {
  get _spec(): TypeSpec {
    return RANGE_FORMAT;
  }

  _read(entity: unknown, name: string): unknown {
    const ref = entity as RangeRef;
    if (name === "columnWidth") return readColumnWidth(ref);
    if (name === "rowHeight") return readRowHeight(ref);
    return readFormatField(ref, name as "wrapText" | "horizontalAlignment" | "verticalAlignment");
  }

  override _write(entity: unknown, name: string, value: unknown): void {
    const ref = entity as RangeRef;
    switch (name) {
      case "wrapText":
        return setFormatField(ref, "wrapText", bool(value, "wrapText"));
      case "horizontalAlignment":
        return setFormatField(
          ref,
          "horizontalAlignment",
          oneOf(value, HORIZONTAL, "HorizontalAlignment")
        );
      case "verticalAlignment":
        return setFormatField(
          ref,
          "verticalAlignment",
          oneOf(value, VERTICAL, "VerticalAlignment")
        );
      case "columnWidth":
        return setColumnWidth(ref, value);
      default:
        return setRowHeight(ref, value);
    }
  }

  override _makeChild(name: string): ClientObject {
    const ref: Resolver = (exec) => this._range(exec);
    const path = `${this._path}.${name}`;
    if (name === "fill") return new RangeFill(this.context, path, ref);
    if (name === "font") return new RangeFont(this.context, path, ref);
    return new RangeBorderCollection(this.context, path, ref);
  }

  autofitColumns(): void {
    this._gate("autofitColumns");
    this._enqueue("autofitColumns", [], (exec) => autofitColumns(this._range(exec)));
  }

  autofitRows(): void {
    this._gate("autofitRows");
    this._enqueue("autofitRows", [], (exec) => autofitRows(this._range(exec)));
  }
}

const RANGE_FILL: TypeSpec = { name: "RangeFill", scalars: { color: {} }, navs: [] };

export class RangeFill extends RangePart {
  get _spec(): TypeSpec {
    return RANGE_FILL;
  }

  _read(entity: unknown): unknown {
    return readFill(entity as RangeRef);
  }

  override _write(entity: unknown, _name: string, value: unknown): void {
    setFormatField(entity as RangeRef, "fill", normalizeColor(value, "RangeFill.color"));
  }

  clear(): void {
    this._enqueue("clear", [], (exec) => setFormatField(this._range(exec), "fill", null));
  }
}

const RANGE_FONT: TypeSpec = {
  name: "RangeFont",
  scalars: { bold: {}, color: {}, size: {}, name: {} },
  navs: [],
};

export class RangeFont extends RangePart {
  get _spec(): TypeSpec {
    return RANGE_FONT;
  }

  _read(entity: unknown, name: string): unknown {
    const field = { bold: "bold", color: "fontColor", size: "fontSize", name: "fontName" } as const;
    return readFormatField(entity as RangeRef, field[name as keyof typeof field]);
  }

  override _write(entity: unknown, name: string, value: unknown): void {
    const ref = entity as RangeRef;
    switch (name) {
      case "bold":
        return setFormatField(ref, "bold", bool(value, "font.bold"));
      case "color":
        return setFormatField(ref, "fontColor", normalizeColor(value, "RangeFont.color"));
      case "size":
        if (typeof value !== "number" || value < 1 || value > 409)
          throw invalidArgument("font.size must be 1–409 points.");
        return setFormatField(ref, "fontSize", value);
      default:
        if (typeof value !== "string" || value.trim() === "")
          throw invalidArgument("font.name must be a font name.");
        return setFormatField(ref, "fontName", value);
    }
  }
}

const BORDERS: TypeSpec = { name: "RangeBorderCollection", scalars: {}, navs: [] };

export class RangeBorderCollection extends RangePart {
  get _spec(): TypeSpec {
    return BORDERS;
  }

  _read(): unknown {
    return undefined;
  }

  getItem(index: string): RangeBorder {
    if (!(BORDER_SIDES as readonly string[]).includes(index))
      throw notImplemented("RangeBorderCollection", `getItem("${index}")`);
    return new RangeBorder(
      this.context,
      `${this._path}.getItem(${JSON.stringify(index)})`,
      (exec) => this._range(exec),
      index as BorderSide
    );
  }
}

const BORDER: TypeSpec = {
  name: "RangeBorder",
  scalars: { style: {}, color: {}, weight: {}, sideIndex: { readonly: true } },
  navs: [],
};

export class RangeBorder extends RangePart {
  declare readonly _side: BorderSide;

  constructor(
    context: ClientObject["context"],
    path: string,
    resolver: Resolver,
    side: BorderSide
  ) {
    super(context, path, resolver);
    this._side = side;
  }

  get _spec(): TypeSpec {
    return BORDER;
  }

  _read(entity: unknown, name: string): unknown {
    if (name === "sideIndex") return this._side;
    return readBorder(entity as RangeRef, this._side, name as "style" | "color" | "weight");
  }

  override _write(entity: unknown, name: string, value: unknown): void {
    setBorder(entity as RangeRef, this._side, name as "style" | "color" | "weight", value, (v) =>
      normalizeColor(v, "RangeBorder.color")
    );
  }
}
