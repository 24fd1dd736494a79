/**
 * Excel's error values as a cell shows them (#REF!, #N/A …): a formula's failure carried into
 * pasted text, never a name or a task.
 */
export const ERROR_VALUE_SOURCE =
  "#(?:REF!|N\\/A|VALUE!|DIV\\/0!|NAME\\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)";

const WHOLE_ERROR_VALUE = new RegExp(`^${ERROR_VALUE_SOURCE}$`, "i");

/** True when the text is an error value and nothing else. */
export function isErrorValue(text: string): boolean {
  return WHOLE_ERROR_VALUE.test(text.trim());
}
