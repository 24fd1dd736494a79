import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createExcelActions } from "../../src/excel/workflows";
import { installStandIn } from "../support/excel-standin";

const manifest = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");

/** Loads the function file against the stand-in and returns the handler it registered. */
function registeredHandler(): {
  name: string;
  run: (event: { completed: () => void }) => Promise<void>;
} {
  let registered:
    { name: string; run: (event: { completed: () => void }) => Promise<void> } | undefined;
  const office = (globalThis as unknown as { Office: { onReady: unknown; actions: unknown } })
    .Office;
  office.onReady = (callback: () => void) => callback();
  office.actions = { associate: (name: string, run: never) => (registered = { name, run }) };
  jest.isolateModules(() => require("../../src/commands/commands"));
  if (!registered) throw new Error("nothing was registered");
  return registered;
}

describe("the ribbon's 校验 button", () => {
  test("registers the manifest's FunctionName and writes 校验结果 for the imported tables", async () => {
    const excel = installStandIn({ sheets: ["我的台账"] });
    try {
      await createExcelActions().importSeeds(() => undefined);
      const handler = registeredHandler();
      expect(handler.name).toBe(/<FunctionName>(.+)<\/FunctionName>/.exec(manifest)?.[1]);
      const event = { completed: jest.fn() };
      await handler.run(event);
      expect(event.completed).toHaveBeenCalledTimes(1);
      expect(excel.workbook.sheetNames()).toContain("校验结果");
      expect(excel.workbook.activeSheet).toBe("校验结果");
    } finally {
      excel.uninstall();
    }
  });

  test("completes and changes nothing when the workbook holds no breakdown table", async () => {
    const excel = installStandIn({ sheets: ["我的台账"] });
    try {
      const before = excel.workbook.snapshot();
      const event = { completed: jest.fn() };
      await registeredHandler().run(event);
      expect(event.completed).toHaveBeenCalledTimes(1);
      expect(excel.workbook.snapshot()).toEqual(before);
    } finally {
      excel.uninstall();
    }
  });
});
