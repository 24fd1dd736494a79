import { ErrorCode, StandInError } from "./errors";

/**
 * ExcelApi requirement sets. Each member the stand-in gates lists the set that introduced it
 * (from @types/office-js); at a lower level the member throws ApiNotFound when touched, as
 * Office.js does for APIs the host does not support.
 */
export const LOWEST_LEVEL = "1.1";
export const HIGHEST_LEVEL = "1.21";
export const DEFAULT_LEVEL = "1.18";

/** "Type.member" → the ExcelApi version that introduced it. "Type.member=" is the setter. */
const MEMBER_SINCE: Readonly<Record<string, string>> = {
  "Workbook.comments": "1.10",
  "Application.suspendApiCalculationUntilNextSync": "1.6",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "Worksheet.visibility=": "1.2",
  "Worksheet.tabColor": "1.7",
  "Worksheet.protection": "1.2",
  "Workbook.protection": "1.7",
  "Worksheet.freezePanes": "1.7",
  "Worksheet.pageLayout": "1.9",
  "Worksheet.autoFilter": "1.9",
  "Worksheet.customProperties": "1.12",
  "Worksheet.notes": "1.18",
  "Worksheet.getRangeByIndexes": "1.7",
  "Worksheet.getUsedRange": "1.2",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Range.columnHidden": "1.2",
  "Range.hyperlink": "1.7",
  "Range.conditionalFormats": "1.6",
  "Range.dataValidation": "1.8",
  "Range.getResizedRange": "1.2",
  "Range.merge": "1.2",
  "Range.unmerge": "1.2",
  "Range.getMergedAreasOrNullObject": "1.13",
  "RangeFormat.columnWidth": "1.2",
  "RangeFormat.rowHeight": "1.2",
  "RangeFormat.autofitColumns": "1.2",
  "RangeFormat.autofitRows": "1.2",
};

type Version = readonly [number, number];

/** Parsed once per distinct text: every gated member access compares two versions. */
const parsedVersions = new Map<string, Version | null>();

export function parseVersion(version: string): Version | null {
  let parsed = parsedVersions.get(version);
  if (parsed === undefined) {
    const match = /^(\d+)\.(\d+)$/.exec(version.trim());
    parsed = match ? [Number(match[1]), Number(match[2])] : null;
    parsedVersions.set(version, parsed);
  }
  return parsed;
}

function compare(a: Version, b: Version): number {
  return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1];
}

/** Validates a level given in the options; "1.10" is above "1.9". */
export function checkLevel(level: string): string {
  const parsed = parseVersion(level);
  const low = parseVersion(LOWEST_LEVEL)!;
  const high = parseVersion(HIGHEST_LEVEL)!;
  if (!parsed || compare(parsed, low) < 0 || compare(parsed, high) > 0) {
    throw new Error(
      `excelApi level "${level}" is not between ${LOWEST_LEVEL} and ${HIGHEST_LEVEL}`
    );
  }
  return level;
}

/**
 * Office.context.requirements.isSetSupported: only ExcelApi is answered (other sets are absent).
 * A numeric version is the deprecated overload: 1.1 and 1.10 are the same number there, so it is
 * read as written by String().
 */
export function isSetSupported(level: string, name: string, minVersion?: string | number): boolean {
  if (name !== "ExcelApi") return false;
  if (minVersion === undefined) return true;
  const wanted = parseVersion(String(minVersion));
  return wanted !== null && compare(wanted, parseVersion(level)!) <= 0;
}

/** Throws ApiNotFound when `Type.member` belongs to a newer set than `level`. */
export function requireMember(level: string, typeName: string, member: string): void {
  const since = MEMBER_SINCE[`${typeName}.${member}`];
  if (since === undefined || isSetSupported(level, "ExcelApi", since)) return;
  const name = `${typeName}.${member.replace(/=$/, "")}`;
  throw new StandInError(
    ErrorCode.apiNotFound,
    `The method or property ${name} is part of the ExcelApi ${since} requirement set, which is not available in this version of Excel (ExcelApi ${level}).`,
    name
  );
}
