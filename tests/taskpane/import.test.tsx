/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { fakeActions } from "./fakeWorkbook";
import { openDialog, renderPane } from "./renderPane";

describe("导入示例表", () => {
  test("asks before replacing existing sheets and imports only after 替换", async () => {
    const actions = fakeActions({
      existingImportSheets: jest.fn(async () => ["区重点工作", "民心工程"]),
    });
    await renderPane(actions);
    fireEvent.click(screen.getByRole("button", { name: "导入示例表" }));

    const { dialog, button } = await openDialog();
    expect(
      within(dialog).getByText(
        "以下工作表已存在，将被替换：区重点工作、民心工程（其他工作表不受影响）"
      )
    ).toBeTruthy();
    expect(actions.importSeeds).not.toHaveBeenCalled();

    fireEvent.click(button("替换"));
    await screen.findByText("已导入 4 张表。");
    expect(actions.importSeeds).toHaveBeenCalledTimes(1);
    // The header is read again: the new sheets may carry a different plan year.
    expect(actions.describeWorkbook).toHaveBeenCalledTimes(2);
  });

  test("取消 leaves the workbook alone", async () => {
    const actions = fakeActions({ existingImportSheets: jest.fn(async () => ["区重点工作"]) });
    await renderPane(actions);
    fireEvent.click(screen.getByRole("button", { name: "导入示例表" }));
    fireEvent.click((await openDialog()).button("取消"));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect(actions.importSeeds).not.toHaveBeenCalled();
    expect((screen.getByRole("button", { name: "导入示例表" }) as HTMLButtonElement).disabled).toBe(false);
  });

  test("imports at once into a workbook without those sheets", async () => {
    const actions = fakeActions();
    await renderPane(actions);
    fireEvent.click(screen.getByRole("button", { name: "导入示例表" }));
    await screen.findByText("已导入 4 张表。");
    expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull();
    expect(actions.importSeeds).toHaveBeenCalledTimes(1);
  });
});
