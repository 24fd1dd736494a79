import { itemNotFound } from "../errors";
import type { SheetModel } from "../model/sheet";
import type { WorkbookModel } from "../model/workbook";
import { CommentCollection } from "./annotations";
import type { RequestContext } from "./context";
import type { Exec } from "./env";
import { ClientCollection, ClientObject, type TypeSpec } from "./object";
import { Range } from "./range";
import { Worksheet } from "./worksheet";

const WORKBOOK: TypeSpec = {
  name: "Workbook",
  scalars: {},
  navs: ["worksheets", "application", "comments", "protection"],
};
const WORKBOOK_PROTECTION: TypeSpec = {
  name: "WorkbookProtection",
  scalars: { protected: { readonly: true } },
  navs: [],
};

/** Workbook.protection: only whether the structure is protected is read. */
export class WorkbookProtection extends ClientObject {
  get _spec(): TypeSpec {
    return WORKBOOK_PROTECTION;
  }

  _read(entity: unknown): unknown {
    return (entity as WorkbookModel).protected;
  }
}
const APPLICATION: TypeSpec = { name: "Application", scalars: {}, navs: [] };
const WORKSHEETS: TypeSpec = { name: "WorksheetCollection", scalars: {}, navs: [] };

export class Workbook extends ClientObject {
  constructor(context: RequestContext) {
    super(context, "workbook", (exec) => exec.wb);
  }

  get _spec(): TypeSpec {
    return WORKBOOK;
  }

  _read(): unknown {
    return undefined;
  }

  override _makeChild(name: string): ClientObject {
    const wb = (exec: Exec) => this._require(exec) as WorkbookModel;
    if (name === "worksheets")
      return new WorksheetCollection(this.context, "workbook.worksheets", wb);
    if (name === "application") return new Application(this.context, "workbook.application", wb);
    if (name === "protection")
      return new WorkbookProtection(this.context, "workbook.protection", wb);
    return new CommentCollection(this.context, "workbook.comments", wb);
  }

  getSelectedRange(): Range {
    return new Range(this.context, "workbook.getSelectedRange()", (exec) => ({
      ...exec.wb.selection,
    }));
  }
}

export class Application extends ClientObject {
  get _spec(): TypeSpec {
    return APPLICATION;
  }

  _read(): unknown {
    return undefined;
  }

  /** Calculation is not modelled; the call only travels in the request. */
  suspendApiCalculationUntilNextSync(): void {
    this._gate("suspendApiCalculationUntilNextSync");
    this._enqueue("suspendApiCalculationUntilNextSync", [], () => undefined);
  }
}

function liveSheet(sheet: SheetModel, what: string): SheetModel {
  if (sheet.deleted) throw itemNotFound(`The worksheet ${what} has been deleted.`);
  return sheet;
}

export class WorksheetCollection extends ClientCollection {
  get _spec(): TypeSpec {
    return WORKSHEETS;
  }

  _entities(entity: unknown): unknown[] {
    return [...(entity as WorkbookModel).sheets];
  }

  _item(entity: unknown): ClientObject {
    const sheet = entity as SheetModel | null;
    const path = `workbook.worksheets.getItem(${JSON.stringify(sheet?.id ?? "")})`;
    return new Worksheet(this.context, path, () => (sheet ? liveSheet(sheet, sheet.name) : null));
  }

  _wb(exec: Exec): WorkbookModel {
    return this._require(exec) as WorkbookModel;
  }

  getItem(key: string): Worksheet {
    return new Worksheet(
      this.context,
      `workbook.worksheets.getItem(${JSON.stringify(key)})`,
      (exec) => {
        const sheet = this._wb(exec).findSheet(String(key));
        if (!sheet)
          throw itemNotFound(
            `There is no worksheet named "${key}".`,
            "WorksheetCollection.getItem"
          );
        return sheet;
      }
    );
  }

  getItemOrNullObject(key: string): Worksheet {
    this._gate("getItemOrNullObject");
    const path = `workbook.worksheets.getItemOrNullObject(${JSON.stringify(key)})`;
    return new Worksheet(
      this.context,
      path,
      (exec) => this._wb(exec).findSheet(String(key)) ?? null,
      true
    )._enqueueResolve();
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(
      this.context,
      "workbook.worksheets.getActiveWorksheet()",
      (exec) => this._wb(exec).activeSheet
    );
  }

  /** Adds at the end; a bad or taken name fails at sync (InvalidArgument / ItemAlreadyExists). */
  add(name?: string): Worksheet {
    let created: SheetModel | undefined;
    const path = `workbook.worksheets.add(${JSON.stringify(name ?? null)})`;
    const sheet = new Worksheet(this.context, path, () => {
      if (!created) throw itemNotFound("The worksheet was not created.");
      return liveSheet(created, created.name);
    });
    this._enqueue("add", name === undefined ? [] : [name], (exec) => {
      created = this._wb(exec).addSheet(name);
    });
    return sheet;
  }
}
