/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from "@testing-library/react";
import type { ProgressListener, ValidateOutcome } from "../../src/taskpane/actions";
import { deferred, fakeActions, seedOutcome } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

const buttons = () =>
  within(screen.getByRole("toolbar", { name: "操作" })).getAllByRole(
    "button"
  ) as HTMLButtonElement[];

describe("long work", () => {
  test("shows the current step and holds the buttons until it ends", async () => {
    const pending = deferred<ValidateOutcome>();
    let report: ProgressListener = () => undefined;
    const actions = fakeActions({
      validate: jest.fn((_options, onProgress: ProgressListener) => {
        report = onProgress;
        return pending.promise;
      }),
    });
    await renderPane(actions);
    fireEvent.click(screen.getByRole("button", { name: "校验" }));

    const status = await screen.findByRole("status");
    expect(within(status).getByText("正在校验…", { selector: "label" })).toBeTruthy();
    // Every button of the toolbar, whatever later issues add to it.
    expect(buttons().map((b) => b.textContent)).toEqual(
      expect.arrayContaining(["导入示例表", "校验", "清除标记"])
    );
    expect(buttons().every((b) => b.disabled)).toBe(true);
    expect((screen.getByLabelText("检查日期") as HTMLInputElement).disabled).toBe(true);

    act(() => report("正在读取「区重点工作」（3/4）", 0.5));
    expect(within(status).getByText("正在读取「区重点工作」（3/4）")).toBeTruthy();
    expect(within(status).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.5");

    // A double click while busy does not start a second run.
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    expect(actions.validate).toHaveBeenCalledTimes(1);

    await act(async () => pending.resolve(seedOutcome("2022-09-30")));
    expect(screen.queryByRole("status")).toBeNull();
    expect(buttons().every((b) => !b.disabled)).toBe(true);
  });

  test("清除标记 reports how many marks it removed", async () => {
    const actions = fakeActions();
    await renderPane(actions);
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(await screen.findByText("已清除 12 处标记。")).toBeTruthy();
    expect(actions.clearMarks).toHaveBeenCalledTimes(1);
  });

  test("what this Excel cannot do is shown as information after 校验", async () => {
    const fallback =
      "此版本的 Excel 不支持批注（需要 ExcelApi 1.10），问题说明已写入「校验结果」表。";
    const actions = fakeActions({
      validate: jest.fn(async ({ checkDate }) => ({
        ...seedOutcome(checkDate),
        fallbacks: [fallback],
      })),
    });
    await renderPane(actions);
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    const info = await screen.findByText(fallback);
    expect(info.closest(".fui-MessageBar")).not.toBeNull();
    expect(screen.queryByText("出错了")).toBeNull();
  });
});
