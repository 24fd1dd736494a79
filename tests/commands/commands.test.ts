import { readFileSync } from "node:fs";
import { join } from "node:path";

const manifest = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");

test("the function file registers the 校验 button's FunctionName and completes the event", async () => {
  const associate = jest.fn();
  (globalThis as unknown as { Office: unknown }).Office = {
    onReady: (callback: () => void) => callback(),
    actions: { associate },
  };
  jest.isolateModules(() => require("../../src/commands/commands"));

  const functionName = /<FunctionName>(.+)<\/FunctionName>/.exec(manifest)?.[1];
  expect(associate).toHaveBeenCalledTimes(1);
  expect(associate.mock.calls[0][0]).toBe(functionName);

  const event = { completed: jest.fn() };
  await associate.mock.calls[0][1](event);
  expect(event.completed).toHaveBeenCalledTimes(1);
});
