import {
  notGeneratedMessage,
  sheetExistsMessage,
  sheetMissingMessage,
  sheetProtectedRefusal,
} from "../core/patch/messages";

export { sheetProtectedRefusal };

/**
 * Every failure of the Excel adapter reaches the user as one Chinese sentence that names the
 * sheet and says what to do — never an English message or a stack trace.
 */
export class ExcelAdapterError extends Error {
  constructor(
    message: string,
    /** The sheet(s) concerned, as named in the message. */
    readonly sheets: string[] = [],
    /** Excel's error code, when Excel raised it. */
    readonly code?: string
  ) {
    super(message);
    this.name = "ExcelAdapterError";
  }
}

/** What an Excel error code means and what the user can do about it. */
const EXCEL_CODES: Record<string, { meaning: string; action: string }> = {
  ItemNotFound: {
    meaning: "找不到该工作表或单元格（可能已被删除或改名）",
    action: "请刷新工作表列表后重试",
  },
  ItemAlreadyExists: {
    meaning: "要新建的工作表或单元格备注已经存在",
    action: "请改名或删除已有的工作表（备注）后重试",
  },
  InvalidArgument: { meaning: "Excel 不接受写入的名称或地址", action: "请检查工作表名称后重试" },
  InvalidOperation: {
    meaning: "当前无法修改该工作表",
    action: "请退出单元格编辑状态、撤销工作表保护后重试",
  },
  AccessDenied: { meaning: "工作表或工作簿受保护", action: "请撤销保护后重试" },
  RequestPayloadSizeLimitExceeded: {
    meaning: "一次写入的数据超过 Excel 的上限",
    action: "请减少行数后重试",
  },
  ResponsePayloadSizeLimitExceeded: {
    meaning: "一次读取的数据超过 Excel 的上限",
    action: "请减少行数后重试",
  },
  Conflict: { meaning: "其他人正在同时编辑", action: "请稍后重试" },
  ActivityLimitReached: { meaning: "Excel 暂时繁忙", action: "请稍后重试" },
  GeneralException: { meaning: "Excel 内部出错", action: "请保存工作簿后重试" },
};

function quoted(sheets: string[]): string {
  return sheets.map((s) => `「${s}」`).join("");
}

function excelCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/**
 * Turns whatever an Excel call threw into an ExcelAdapterError. `doing` says what was under way
 * ("写入", "读取"), `sheets` which sheets the failing request touched.
 */
export function toAdapterError(error: unknown, doing: string, sheets: string[]): ExcelAdapterError {
  if (error instanceof ExcelAdapterError) return error;
  const code = excelCode(error);
  const where = sheets.length > 0 ? `${doing}工作表${quoted(sheets)}时` : `${doing}时`;
  const known = code ? EXCEL_CODES[code] : undefined;
  if (known)
    return new ExcelAdapterError(`${where}出错：${known.meaning}。${known.action}。`, sheets, code);
  const suffix = code ? `（错误代码 ${code}）` : "";
  return new ExcelAdapterError(
    `${where}出错${suffix}。请保存工作簿后重试；如仍出错，请联系维护人员。`,
    sheets,
    code
  );
}

/** A message for the task pane from anything thrown, adapter or not. */
export function userMessage(error: unknown): string {
  return toAdapterError(error, "操作", []).message;
}

export function notGeneratedError(sheet: string): ExcelAdapterError {
  return new ExcelAdapterError(notGeneratedMessage(sheet), [sheet]);
}

export function sheetExistsError(sheet: string, generated: boolean): ExcelAdapterError {
  return new ExcelAdapterError(sheetExistsMessage(sheet, generated), [sheet]);
}

/** Writing says nothing was changed; reading has nothing to change. */
export function sheetMissingError(sheet: string, writing: boolean): ExcelAdapterError {
  const message = writing
    ? sheetMissingMessage(sheet)
    : `找不到工作表「${sheet}」。请确认它没有被删除或改名后重试。`;
  return new ExcelAdapterError(message, [sheet]);
}

/** A protected workbook's structure refuses new sheets: refused before anything is written. */
export function workbookProtectedError(sheet: string): ExcelAdapterError {
  return new ExcelAdapterError(
    `工作簿的结构受保护，无法写入工作表「${sheet}」，未做任何修改。请在「审阅」→「保护工作簿」中撤销保护后重试。`,
    [sheet],
    "AccessDenied"
  );
}

export function sheetProtectedError(sheet: string): ExcelAdapterError {
  return new ExcelAdapterError(sheetProtectedRefusal(sheet), [sheet], "AccessDenied");
}

/** A protected sheet is left unmarked; the rest of the patch is written. */
export function sheetProtectedMessage(sheet: string): string {
  return `工作表「${sheet}」受保护，其中的单元格未标记、未修改（问题见「校验结果」）。如需标记，请在「审阅」中撤销工作表保护后重新校验。`;
}
