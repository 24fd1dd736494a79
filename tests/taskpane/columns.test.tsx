/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { fakeActions } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

/**
 * 列识别 after 校验, with the 列对照: every printed column of every 导入 sheet and how it was
 * read; choosing another meaning (or 不读取) is kept with the workbook and the next 校验 reads
 * the column so.
 */
const CHECK_DATE = "2022-09-30";
const DISTRICT = "「2022年津南区政府重点工作责任分解表」（区重点工作）的列识别";

async function validated() {
  const actions = fakeActions();
  await renderPane(actions);
  fireEvent.change(screen.getByLabelText("检查日期"), { target: { value: CHECK_DATE } });
  fireEvent.click(screen.getByRole("button", { name: "校验" }));
  await screen.findByRole("region", { name: DISTRICT });
  return actions;
}

const meaningSelect = (title: string, sheet: string) =>
  screen.getByLabelText<HTMLSelectElement>(`「${title}」的含义（${sheet}）`);

describe("列识别 and 列对照 in the pane", () => {
  test("after 校验, every column of every table is listed with what it was read as", async () => {
    await validated();
    const district = screen.getByRole("region", { name: DISTRICT });
    const lines = within(district)
      .getAllByRole("listitem")
      .map((li) => li.querySelector("span")?.textContent);
    expect(lines).toEqual([
      "「序号」→序号",
      "「重点工作」→重点工作",
      "「工作明细及完成时限」→工作明细",
      "「分管领导」→分管领导",
      "「牵头单位」→牵头单位",
      "「配合单位」→配合单位",
    ]);
    expect(meaningSelect("配合单位", "区重点工作").value).toBe("coop");
    expect(meaningSelect("牵头单位", "区重点工作").value).toBe("lead");
  });

  test("setting a column to 不读取 keeps the choice and checks again with it", async () => {
    const actions = await validated();
    expect(actions.validate).toHaveBeenCalledTimes(1);
    fireEvent.change(meaningSelect("配合单位", "区重点工作"), { target: { value: "unused" } });
    await screen.findByText(/已保存列对照：「区重点工作」的「配合单位」不读取，并已重新校验。/);
    expect(actions.setColumnMeaning).toHaveBeenCalledWith(
      { sheet: "区重点工作", title: "配合单位", meaning: "unused" },
      expect.any(Function)
    );
    expect(actions.validate).toHaveBeenCalledTimes(2);
    expect(meaningSelect("配合单位", "区重点工作").value).toBe("unused");
    const district = screen.getByRole("region", { name: DISTRICT });
    expect(within(district).getByText(/^「配合单位」未读取/)).toBeTruthy();
    // Only that sheet's column: the 民心工程 sheet has no such column, 市重点工作 keeps its own.
    expect(meaningSelect("牵头单位", "市重点工作").value).toBe("lead");
  });

  test("a column read as another meaning, then back to the header's reading", async () => {
    await validated();
    fireEvent.change(meaningSelect("分管领导", "区重点工作"), { target: { value: "person" } });
    await screen.findByText(/「分管领导」读作“责任人”，并已重新校验。/);
    expect(meaningSelect("分管领导", "区重点工作").value).toBe("person");
    fireEvent.change(meaningSelect("分管领导", "区重点工作"), { target: { value: "auto" } });
    await screen.findByText(/「分管领导」按表头识别，并已重新校验。/);
    expect(meaningSelect("分管领导", "区重点工作").value).toBe("leader");
  });
});
