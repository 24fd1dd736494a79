/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { ErrorBoundary } from "../../src/taskpane/components/ErrorBoundary";
import { GENERIC_ERROR_MESSAGE } from "../../src/taskpane/paneError";
import { fakeActions, seedOutcome } from "./fakeWorkbook";
import { renderApp, renderPane } from "./renderPane";

const errorBar = () => screen.getByText("出错了").closest(".fui-MessageBar") as HTMLElement;

describe("failures", () => {
  test("a rejected 校验 shows its Chinese message and leaves the buttons usable", async () => {
    const message = "「区重点工作」第3行找不到“牵头单位”列的表头，请检查表头是否被改动或删除。";
    await renderPane(
      fakeActions({ validate: jest.fn(async () => Promise.reject(new Error(message))) })
    );
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(within(errorBar()).queryByText("详细信息")).toBeNull();
    expect((screen.getByRole("button", { name: "校验" }) as HTMLButtonElement).disabled).toBe(
      false
    );

    fireEvent.click(within(errorBar()).getByRole("button", { name: "关闭" }));
    expect(screen.queryByText(message)).toBeNull();
  });

  test("a programming error becomes a generic sentence, its text folded under 详细信息", async () => {
    const failing = jest.fn(async () =>
      Promise.reject(new TypeError("Cannot read properties of undefined (reading 'values')"))
    );
    await renderPane(fakeActions({ clearMarks: failing }));
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(await screen.findByText(GENERIC_ERROR_MESSAGE)).toBeTruthy();
    const details = within(errorBar()).getByText("详细信息").closest("details")!;
    expect(details.open).toBe(false);
    expect(details.textContent).toContain(
      "TypeError: Cannot read properties of undefined (reading 'values')"
    );
  });

  test("a failing header read and a failing cell selection are reported too", async () => {
    const actions = fakeActions({
      describeWorkbook: jest.fn(async () =>
        Promise.reject(new Error("无法读取工作簿，请关闭其他对话框后重试。"))
      ),
      selectCell: jest.fn(async () =>
        Promise.reject(new Error("找不到工作表「市重点工作」，它可能已被重命名或删除。"))
      ),
    });
    renderApp(actions);
    expect(await screen.findByText("无法读取工作簿，请关闭其他对话框后重试。")).toBeTruthy();
    expect(screen.getByText("读取中…")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("检查日期"), { target: { value: "2022-09-30" } });
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    await screen.findByText(seedOutcome("2022-09-30").summary);
    fireEvent.click(screen.getByRole("button", { name: /^电子表格残留/ }));
    fireEvent.click(await screen.findByRole("button", { name: /电子表格残留「\+C18」/ }));
    expect(
      await screen.findByText("找不到工作表「市重点工作」，它可能已被重命名或删除。")
    ).toBeTruthy();
  });

  test("a rendering bug leaves a message and a way back, not a blank pane", () => {
    let broken = true;
    function Fragile() {
      if (broken) throw new RangeError("Invalid array length");
      return <p>恢复正常</p>;
    }
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <FluentProvider theme={webLightTheme}>
        <ErrorBoundary>
          <Fragile />
        </ErrorBoundary>
      </FluentProvider>
    );
    quiet.mockRestore();
    expect(screen.getByText(GENERIC_ERROR_MESSAGE)).toBeTruthy();
    expect(screen.getByText("RangeError: Invalid array length")).toBeTruthy();
    broken = false;
    fireEvent.click(screen.getByRole("button", { name: "重新显示" }));
    expect(screen.getByText("恢复正常")).toBeTruthy();
  });
});
