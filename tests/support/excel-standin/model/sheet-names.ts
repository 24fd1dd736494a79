import { ErrorCode, StandInError, invalidArgument } from "../errors";

const FORBIDDEN = /[:\\/?*[\]]/;

/**
 * Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ], no apostrophe at
 * either end, not the reserved "History", and unique ignoring case.
 */
export function checkSheetName(name: unknown, taken: readonly string[]): string {
  if (typeof name !== "string")
    throw invalidArgument(`A sheet name must be a string, not ${JSON.stringify(name)}.`);
  if (name.trim() === "") throw invalidArgument("A sheet name cannot be blank.");
  if (name.length > 31)
    throw invalidArgument(`The sheet name "${name}" is longer than 31 characters.`);
  if (FORBIDDEN.test(name))
    throw invalidArgument(`The sheet name "${name}" contains one of : \\ / ? * [ ].`);
  if (name.startsWith("'") || name.endsWith("'")) {
    throw invalidArgument(`The sheet name "${name}" begins or ends with an apostrophe.`);
  }
  if (name.toLowerCase() === "history")
    throw invalidArgument(`"${name}" is a name Excel reserves.`);
  const lower = name.toLowerCase();
  if (taken.some((other) => other.toLowerCase() === lower)) {
    throw new StandInError(
      ErrorCode.itemAlreadyExists,
      `A sheet named "${name}" already exists (names ignore case).`
    );
  }
  return name;
}
