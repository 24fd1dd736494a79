import type { Area } from "../address";
import { invalidArgument } from "../errors";
import { coveredBy, intersect, subtract } from "./areas";
import type { RangeRef } from "./cells";
import type { ConditionalFormatModel, DataValidationModel, SheetModel } from "./sheet";
import type { WorkbookModel } from "./workbook";

/** Conditional formats are kept in priority order: index 0 is evaluated first. */
export function addConditionalFormat(
  wb: WorkbookModel,
  ref: RangeRef,
  type: unknown
): ConditionalFormatModel {
  const model: ConditionalFormatModel = {
    id: wb.newId("cf"),
    type: String(type),
    areas: [ref.area],
    formula: null,
    fill: null,
    fontColor: null,
    stopIfTrue: false,
  };
  ref.sheet.conditionalFormats.unshift(model);
  return model;
}

export function conditionalFormatsIn(ref: RangeRef): ConditionalFormatModel[] {
  return ref.sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => intersect(a, ref.area)));
}

/** ConditionalFormatCollection.clearAll(): the range's cells leave every rule; empty rules go. */
export function clearConditionalFormats(ref: RangeRef): void {
  const { sheet } = ref;
  for (const cf of sheet.conditionalFormats)
    cf.areas = cf.areas.flatMap((a) => subtract(a, ref.area));
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.areas.length > 0);
}

export function setConditionalFormula(cf: ConditionalFormatModel, formula: unknown): void {
  if (typeof formula !== "string" || !formula.startsWith("=")) {
    throw invalidArgument(
      `A conditional format rule formula must be a string starting with "=", not ${JSON.stringify(formula)}.`
    );
  }
  cf.formula = formula;
}

const RULE_KINDS = ["wholeNumber", "decimal", "textLength", "date", "time", "list", "custom"];
const ALERT_STYLES = ["Stop", "Warning", "Information"];

function removeArea(sheet: SheetModel, a: Area): void {
  for (const dv of sheet.dataValidations) dv.areas = dv.areas.flatMap((x) => subtract(x, a));
  sheet.dataValidations = sheet.dataValidations.filter((dv) => dv.areas.length > 0);
}

/** DataValidation.rule = {…}: exactly one kind; a Range list source is stored as its address. */
export function setValidationRule(
  ref: RangeRef,
  rule: unknown,
  sourceAddress: (source: unknown) => unknown
): void {
  if (rule === null || typeof rule !== "object" || Array.isArray(rule)) {
    throw invalidArgument(
      "DataValidation.rule must be an object such as { list: { inCellDropDown, source } }."
    );
  }
  const kinds = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1 || !RULE_KINDS.includes(kinds[0])) {
    throw invalidArgument(
      `A data validation rule has exactly one of ${RULE_KINDS.join(", ")}; got ${kinds.join(", ") || "none"}.`
    );
  }
  const stored: Record<string, unknown> = { ...(rule as Record<string, unknown>) };
  if (kinds[0] === "list") {
    const list = stored.list as Record<string, unknown> | null;
    if (
      !list ||
      (typeof list.source !== "string" && typeof list.source !== "object") ||
      list.source === null
    ) {
      throw invalidArgument(
        "A list validation needs a source (a comma-separated string or a Range)."
      );
    }
    stored.list = {
      inCellDropDown: list.inCellDropDown !== false,
      source: sourceAddress(list.source),
    };
  }
  removeArea(ref.sheet, ref.area);
  ref.sheet.dataValidations.push({
    areas: [ref.area],
    rule: stored,
    errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
  });
}

/** DataValidation.errorAlert = {…}: changes the alert of the validation covering these cells. */
export function setValidationAlert(ref: RangeRef, alert: unknown): void {
  if (alert === null || typeof alert !== "object" || Array.isArray(alert)) {
    throw invalidArgument(
      "DataValidation.errorAlert must be an object {showAlert, style, title, message}."
    );
  }
  const change = alert as Record<string, unknown>;
  if (change.style !== undefined && !ALERT_STYLES.includes(String(change.style))) {
    throw invalidArgument(`"${String(change.style)}" is not a DataValidationAlertStyle.`);
  }
  const { sheet } = ref;
  const next: DataValidationModel[] = [];
  for (const dv of sheet.dataValidations) {
    const inside = dv.areas.map((a) => intersect(a, ref.area)).filter((a): a is Area => a !== null);
    if (inside.length === 0) {
      next.push(dv);
      continue;
    }
    const outside = dv.areas.flatMap((a) => subtract(a, ref.area));
    if (outside.length > 0) next.push({ ...dv, areas: outside });
    next.push({ ...dv, areas: inside, errorAlert: { ...dv.errorAlert, ...(change as object) } });
  }
  sheet.dataValidations = next;
}

export function clearValidation(ref: RangeRef): void {
  removeArea(ref.sheet, ref.area);
}

/** The one validation covering the whole range, null when cells differ, {} when none. */
export function validationOf(ref: RangeRef): DataValidationModel | null | undefined {
  const touching = ref.sheet.dataValidations.filter((dv) =>
    dv.areas.some((a) => intersect(a, ref.area))
  );
  if (touching.length === 0) return undefined;
  if (touching.length === 1 && coveredBy(touching[0].areas, ref.area)) return touching[0];
  return null;
}
