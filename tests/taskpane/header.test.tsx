/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { fakeActions, seedOutcome } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

describe("task pane header", () => {
  test("shows the plan year of the seed tables and today's date as 检查日期", async () => {
    const actions = fakeActions();
    await renderPane(actions);
    expect(screen.getByRole("heading", { name: "督办助手" })).toBeTruthy();
    const year = screen.getByRole("term");
    expect(year.textContent).toBe("计划年度");
    expect(year.nextElementSibling?.textContent).toBe("2022年");
    // sv-SE writes dates as yyyy-mm-dd in the local time zone, as a date input expects.
    const today = new Date().toLocaleDateString("sv-SE");
    expect((screen.getByLabelText("检查日期") as HTMLInputElement).value).toBe(today);
    // Before any 校验 the pane names the sheets it will check.
    expect(screen.getByText("已识别 4 张责任分解表，点击「校验」开始检查。")).toBeTruthy();
    expect(screen.getByText("市重点工作、关键任务、区重点工作、民心工程")).toBeTruthy();
  });

  test("a workbook without a plan year says so, and suggests 导入", async () => {
    await renderPane(
      fakeActions({ describeWorkbook: jest.fn(async () => ({ planYear: null, tableSheets: [] })) })
    );
    expect(screen.getByText("未识别")).toBeTruthy();
    expect(screen.getByText(/还没有可识别的责任分解表/)).toBeTruthy();
  });

  test("校验 uses the date the user picked; without a date it cannot start", async () => {
    const actions = fakeActions();
    await renderPane(actions);
    const date = screen.getByLabelText("检查日期");
    fireEvent.change(date, { target: { value: "2022-09-30" } });
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    await screen.findByText(seedOutcome("2022-09-30").summary);
    expect(actions.validate).toHaveBeenCalledWith(
      { checkDate: "2022-09-30" },
      expect.any(Function)
    );

    fireEvent.change(date, { target: { value: "" } });
    expect(screen.getByText("请选择检查日期")).toBeTruthy();
    expect((screen.getByRole("button", { name: "校验" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
