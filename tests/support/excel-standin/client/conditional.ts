import { notImplemented } from "../errors";
import type { RangeRef } from "../model/cells";
import { normalizeColor } from "../model/colors";
import {
  addConditionalFormat,
  clearConditionalFormats,
  conditionalFormatsIn,
  setConditionalFormula,
} from "../model/rules";
import type { ConditionalFormatModel } from "../model/sheet";
import type { Exec } from "./env";
import { ClientCollection, ClientObject, type Resolver, type TypeSpec } from "./object";

const COLLECTION: TypeSpec = { name: "ConditionalFormatCollection", scalars: {}, navs: [] };
const FORMAT: TypeSpec = {
  name: "ConditionalFormat",
  scalars: {
    id: { readonly: true },
    type: { readonly: true },
    priority: { readonly: true },
    stopIfTrue: {},
  },
  navs: ["custom"],
};
const CUSTOM: TypeSpec = { name: "CustomConditionalFormat", scalars: {}, navs: ["rule", "format"] };
const RULE: TypeSpec = { name: "ConditionalFormatRule", scalars: { formula: {} }, navs: [] };
const RANGE_FORMAT: TypeSpec = {
  name: "ConditionalRangeFormat",
  scalars: {},
  navs: ["fill", "font"],
};
const FILL: TypeSpec = { name: "ConditionalRangeFill", scalars: { color: {} }, navs: [] };
const FONT: TypeSpec = { name: "ConditionalRangeFont", scalars: { color: {} }, navs: [] };

/** Only custom (formula) rules are part of the contract. */
export class ConditionalFormatCollection extends ClientCollection {
  get _spec(): TypeSpec {
    return COLLECTION;
  }

  _range(exec: Exec): RangeRef {
    return this._require(exec) as RangeRef;
  }

  _entities(entity: unknown): unknown[] {
    return conditionalFormatsIn(entity as RangeRef);
  }

  _item(entity: unknown): ClientObject {
    const cf = entity as ConditionalFormatModel | null;
    return new ConditionalFormat(
      this.context,
      `${this._path}.getItem(${JSON.stringify(cf?.id ?? "")})`,
      () => cf
    );
  }

  add(type: string): ConditionalFormat {
    if (type !== "Custom")
      throw notImplemented("ConditionalFormatCollection", `add("${type}") (only "Custom")`);
    let created: ConditionalFormatModel | undefined;
    this._enqueue("add", [type], (exec) => {
      created = addConditionalFormat(exec.wb, this._range(exec), type);
    });
    return new ConditionalFormat(
      this.context,
      `${this._path}.add(${JSON.stringify(type)})`,
      () => created ?? null
    );
  }

  clearAll(): void {
    this._enqueue("clearAll", [], (exec) => clearConditionalFormats(this._range(exec)));
  }
}

abstract class RulePart extends ClientObject {
  _cf(exec: Exec): ConditionalFormatModel {
    return this._require(exec) as ConditionalFormatModel;
  }

  _sub<T extends ClientObject>(
    make: new (context: ClientObject["context"], path: string, resolver: Resolver) => T,
    name: string
  ): T {
    return new make(this.context, `${this._path}.${name}`, (exec) => this._cf(exec));
  }
}

export class ConditionalFormat extends RulePart {
  get _spec(): TypeSpec {
    return FORMAT;
  }

  _read(entity: unknown, name: string, exec: Exec): unknown {
    const cf = entity as ConditionalFormatModel;
    if (name === "id") return cf.id;
    if (name === "type") return cf.type;
    if (name === "stopIfTrue") return cf.stopIfTrue;
    return (
      exec.wb.sheets
        .flatMap((s) => s.conditionalFormats.map((x, i) => [x, i] as const))
        .find(([x]) => x === cf)?.[1] ?? 0
    );
  }

  override _write(entity: unknown, _name: string, value: unknown): void {
    (entity as ConditionalFormatModel).stopIfTrue = value === true;
  }

  override _makeChild(): ClientObject {
    return this._sub(CustomConditionalFormat, "custom");
  }
}

export class CustomConditionalFormat extends RulePart {
  get _spec(): TypeSpec {
    return CUSTOM;
  }

  _read(): unknown {
    return undefined;
  }

  override _makeChild(name: string): ClientObject {
    return name === "rule"
      ? this._sub(ConditionalFormatRule, "rule")
      : this._sub(ConditionalRangeFormat, "format");
  }
}

export class ConditionalFormatRule extends RulePart {
  get _spec(): TypeSpec {
    return RULE;
  }

  _read(entity: unknown): unknown {
    return (entity as ConditionalFormatModel).formula;
  }

  override _write(entity: unknown, _name: string, value: unknown): void {
    setConditionalFormula(entity as ConditionalFormatModel, value);
  }
}

export class ConditionalRangeFormat extends RulePart {
  get _spec(): TypeSpec {
    return RANGE_FORMAT;
  }

  _read(): unknown {
    return undefined;
  }

  override _makeChild(name: string): ClientObject {
    return name === "fill"
      ? this._sub(ConditionalRangeFill, "fill")
      : this._sub(ConditionalRangeFont, "font");
  }
}

export class ConditionalRangeFill extends RulePart {
  get _spec(): TypeSpec {
    return FILL;
  }

  _read(entity: unknown): unknown {
    return (entity as ConditionalFormatModel).fill;
  }

  override _write(entity: unknown, _name: string, value: unknown): void {
    (entity as ConditionalFormatModel).fill = normalizeColor(value, "ConditionalRangeFill.color");
  }

  clear(): void {
    this._enqueue("clear", [], (exec) => {
      this._cf(exec).fill = null;
    });
  }
}

export class ConditionalRangeFont extends RulePart {
  get _spec(): TypeSpec {
    return FONT;
  }

  _read(entity: unknown): unknown {
    return (entity as ConditionalFormatModel).fontColor;
  }

  override _write(entity: unknown, _name: string, value: unknown): void {
    (entity as ConditionalFormatModel).fontColor = normalizeColor(
      value,
      "ConditionalRangeFont.color"
    );
  }
}
