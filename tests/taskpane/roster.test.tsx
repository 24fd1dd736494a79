/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { fakeActions } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

describe("生成名册", () => {
  test("the button writes the 名册 sheet and says what it holds", async () => {
    const actions = fakeActions();
    await renderPane(actions);
    fireEvent.click(screen.getByRole("button", { name: "生成名册" }));
    expect(await screen.findByText("已生成「名册」：领导 12 位。")).toBeTruthy();
    expect(actions.generateRoster).toHaveBeenCalledTimes(1);
  });

  test("a workbook that already has a 名册 sheet: the pane says so and nothing else happens", async () => {
    const message =
      "已有「名册」工作表，未改动。校验会按它检查；如需重新生成，请先删除或重命名它。";
    const actions = fakeActions({
      generateRoster: jest.fn(async () => {
        throw new Error(message);
      }),
    });
    await renderPane(actions);
    fireEvent.click(screen.getByRole("button", { name: "生成名册" }));
    expect(await screen.findByText(message, { exact: false })).toBeTruthy();
    expect(actions.validate).not.toHaveBeenCalled();
  });
});
