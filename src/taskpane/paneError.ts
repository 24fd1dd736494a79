/** An error as the pane shows it: a Chinese sentence, and the raw text when that sentence is generic. */
export interface PaneError {
  message: string;
  /** The original text of an error that was not written for users, shown collapsed. */
  detail: string | null;
}

export const GENERIC_ERROR_MESSAGE =
  "操作未完成：发生了意外错误，请重试；如果问题持续，请联系管理员。";

/** Han characters: the workflows reject with Chinese sentences; anything else is a programming error. */
const CHINESE = /[\u3400-\u9fff]/;

export function toPaneError(error: unknown): PaneError {
  const text = error instanceof Error ? error.message : String(error);
  if (CHINESE.test(text)) return { message: text, detail: null };
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : text;
  return { message: GENERIC_ERROR_MESSAGE, detail: raw };
}
