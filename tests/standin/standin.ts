import { installStandIn, type StandInHandle, type StandInOptions } from "../support/excel-standin";

/** Installs a fresh stand-in for each test of the calling file and removes it afterwards. */
export function useStandIn(options: StandInOptions = {}): () => StandInHandle {
  let handle: StandInHandle | undefined;
  beforeEach(() => {
    handle = installStandIn(options);
  });
  afterEach(() => {
    handle?.uninstall();
    handle = undefined;
  });
  return () => {
    if (!handle) throw new Error("the stand-in is installed only inside a test");
    return handle;
  };
}

/** The Office.js error code a promise rejects with, or a thrown call throws with. */
export async function codeOf(work: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof work === "function" ? work() : work);
  } catch (error) {
    return (error as { code?: string }).code ?? `no code: ${String(error)}`;
  }
  return "no error";
}
