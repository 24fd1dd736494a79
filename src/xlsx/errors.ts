/**
 * Every failure of the .xlsx adapter reaches the user as one Chinese sentence that names the
 * file (or sheet) and says what to do — never an English message or a stack trace.
 */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Why a file cannot be read as a breakdown workbook. */
export type XlsxInputProblem =
  | "missing"
  | "not-a-file"
  | "too-large"
  | "not-xlsx"
  | "encrypted"
  | "legacy-xls"
  | "damaged"
  | "empty"
  | "no-table";

/** An input file that cannot be read; nothing was read from it and nothing written. */
export class XlsxInputError extends XlsxError {
  constructor(
    readonly file: string,
    readonly problem: XlsxInputProblem,
    message: string
  ) {
    super(message);
  }
}

/** A patch the adapter refused before changing the workbook. */
export class XlsxPatchError extends XlsxError {
  constructor(
    message: string,
    /** The sheet(s) concerned, as named in the message. */
    readonly sheets: string[] = []
  ) {
    super(message);
  }
}

/** An output file that was not written. */
export class XlsxOutputError extends XlsxError {
  constructor(
    readonly file: string,
    message: string
  ) {
    super(message);
  }
}

/** What an old binary workbook is told, by the CLI (by its name) and the .xlsx reader (by its bytes). */
export const LEGACY_XLS = "旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx 后重试。";

const AS_XLSX = "请在 Excel 或 WPS 中打开它，另存为 .xlsx 格式后重试。";

export function inputError(file: string, problem: XlsxInputProblem, detail = ""): XlsxInputError {
  const messages: Record<XlsxInputProblem, string> = {
    missing: `找不到文件「${file}」。请检查文件名和路径。`,
    "not-a-file": `「${file}」不是文件（可能是文件夹）。请给出 .xlsx 文件。`,
    "too-large": `文件「${file}」${detail}，未读取。请删去不需要的工作表和图片，或只把责任分解表复制到新工作簿后重试。`,
    "not-xlsx": `文件「${file}」不是 Excel 工作簿（.xlsx），无法读取。如果它是其他格式的表格，${AS_XLSX}`,
    encrypted: `文件「${file}」设有打开密码（已加密），督办助手无法读取。请在 Excel 或 WPS 中去掉打开密码，另存后重试。`,
    "legacy-xls": `文件「${file}」是${LEGACY_XLS}`,
    damaged: `文件「${file}」已损坏，或不是 Excel 工作簿，无法读取。${AS_XLSX}`,
    empty: `文件「${file}」中没有任何数据：工作簿里没有工作表，或所有可见的工作表都是空的。`,
    "no-table": `工作簿「${file}」中没有可识别的责任分解表（找不到含已知列名的表头）。`,
  };
  return new XlsxInputError(file, problem, messages[problem]);
}
