import { formatArea, quoteSheetName } from "../address";
import type { RangeRef } from "../model/cells";
import {
  clearValidation,
  setValidationAlert,
  setValidationRule,
  validationOf,
} from "../model/rules";
import type { Exec } from "./env";
import { ClientObject, type TypeSpec } from "./object";
import { Range } from "./range";

const DATA_VALIDATION: TypeSpec = {
  name: "DataValidation",
  scalars: { rule: {}, errorAlert: {} },
  navs: [],
};

/** Range.dataValidation (ExcelApi 1.8): a rule and its error alert; the rule is not enforced. */
export class DataValidation extends ClientObject {
  get _spec(): TypeSpec {
    return DATA_VALIDATION;
  }

  _read(entity: unknown, name: string): unknown {
    const found = validationOf(entity as RangeRef);
    if (found === null) return null;
    if (name === "rule") return found ? JSON.parse(JSON.stringify(found.rule)) : {};
    return found
      ? { ...found.errorAlert }
      : { showAlert: true, style: "Stop", title: "", message: "" };
  }

  override _write(entity: unknown, name: string, value: unknown, exec: Exec): void {
    const ref = entity as RangeRef;
    if (name === "errorAlert") {
      setValidationAlert(ref, value);
      return;
    }
    // A Range as list source is kept as Excel shows it: an absolute reference formula.
    setValidationRule(ref, value, (source) => {
      if (!(source instanceof Range)) return source;
      const target = source._ref(exec);
      const absolute = formatArea(target.area).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      return `=${quoteSheetName(target.sheet.name)}!${absolute}`;
    });
  }

  clear(): void {
    this._enqueue("clear", [], (exec) => clearValidation(this._require(exec) as RangeRef));
  }
}
