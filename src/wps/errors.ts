/**
 * Errors the WPS adapter throws: the message is a Chinese sentence for the pane, naming the
 * sheet and what to do; `cause` keeps what ET said.
 */
export class WpsAdapterError extends Error {
  constructor(
    message: string,
    readonly sheets: string[] = []
  ) {
    super(message);
    this.name = "WpsAdapterError";
  }
}

export const NOT_IN_WPS =
  "没有找到打开的 WPS 表格工作簿：请在 WPS 表格中打开工作簿后再使用督办助手。";

/** An ET failure while doing `what`, as the pane shows it. Our own errors pass through. */
export function toWpsError(error: unknown, what: string, sheet?: string): Error {
  if (error instanceof WpsAdapterError) return error;
  const said = error instanceof Error ? error.message : String(error);
  const where = sheet ? `工作表「${sheet}」` : "工作簿";
  return Object.assign(
    new WpsAdapterError(
      `${what}${where}时 WPS 报错：${said}。已写入的内容已记录，可撤销保护或关闭对话框后重试。`,
      sheet ? [sheet] : []
    ),
    { cause: error }
  );
}
