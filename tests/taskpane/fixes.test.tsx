/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { ValidateOutcome } from "../../src/taskpane/actions";
import { fakeActions, seedOutcome } from "./fakeWorkbook";
import { openDialog, renderPane } from "./renderPane";

const CHECK_DATE = "2022-09-30";

async function validated(actions = fakeActions()) {
  await renderPane(actions);
  fireEvent.change(screen.getByLabelText("检查日期"), { target: { value: CHECK_DATE } });
  fireEvent.click(screen.getByRole("button", { name: "校验" }));
  await screen.findByText(seedOutcome(CHECK_DATE).summary);
  return actions;
}

describe("safe fixes", () => {
  const fixes = seedOutcome(CHECK_DATE).fixes;

  test("are listed with every box ticked", async () => {
    await validated();
    const section = screen.getByRole("region", { name: `可自动修正（${fixes.length} 项）` });
    const boxes = within(section).getAllByRole("checkbox") as HTMLInputElement[];
    // 全选 and one per fix.
    expect(boxes).toHaveLength(fixes.length + 1);
    expect(boxes.every((b) => b.checked)).toBe(true);
    const alias = fixes.find((f) => f.before === "区市场监管委")!;
    const label = within(section)
      .getByText("把「区市场监管委」改为「区市场监管局」")
      .closest("label")!;
    expect(label.textContent).toContain(`市重点工作 ${alias.address.split("!")[1]}`);
  });

  test("the ticked ones are applied after confirmation, then 校验 runs again", async () => {
    const actions = fakeActions();
    // After the fixes the second 校验 finds no more aliases.
    actions.validate
      .mockImplementationOnce(async ({ checkDate }) => seedOutcome(checkDate))
      .mockImplementationOnce(async ({ checkDate }): Promise<ValidateOutcome> => {
        const before = seedOutcome(checkDate);
        const issues = before.issues.filter((i) => i.rule !== "unit.alias");
        return {
          ...before,
          issues,
          fixes: [],
          summary: `校验完成：共 ${before.rows} 行，已无单位别称。`,
        };
      });
    await validated(actions);
    const section = screen.getByRole("region", { name: `可自动修正（${fixes.length} 项）` });
    fireEvent.click(within(section).getByRole("checkbox", { name: /区应急局/ }));
    fireEvent.click(within(section).getByRole("button", { name: "应用所选修正" }));

    const { dialog, button } = await openDialog();
    expect(
      within(dialog).getByText(`将修改 ${fixes.length - 1} 个单元格，完成后自动重新校验。`)
    ).toBeTruthy();
    expect(actions.applyFixes).not.toHaveBeenCalled();
    fireEvent.click(button("应用"));

    await screen.findByText(`已应用 ${fixes.length - 1} 项修正，并已重新校验。`);
    const applied = actions.applyFixes.mock.calls[0][0];
    expect(applied.map((f) => f.before)).not.toContain("区应急局");
    expect(applied).toHaveLength(fixes.length - 1);
    expect(actions.validate).toHaveBeenCalledTimes(2);
    expect(actions.validate.mock.calls[1][0]).toEqual({ checkDate: CHECK_DATE });
    expect(screen.getByText(/已无单位别称/)).toBeTruthy();
    expect(screen.queryByRole("region", { name: /可自动修正/ })).toBeNull();
  });

  test("取消 applies nothing; with every box cleared the button is off", async () => {
    const actions = await validated();
    const section = screen.getByRole("region", { name: `可自动修正（${fixes.length} 项）` });
    fireEvent.click(within(section).getByRole("button", { name: "应用所选修正" }));
    fireEvent.click((await openDialog()).button("取消"));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect(actions.applyFixes).not.toHaveBeenCalled();

    fireEvent.click(within(section).getByRole("checkbox", { name: "全选" }));
    expect(
      (within(section).getByRole("button", { name: "应用所选修正" }) as HTMLButtonElement).disabled
    ).toBe(true);
  });
});
