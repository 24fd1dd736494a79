/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { fakeActions, seedOutcome } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

const CHECK_DATE = "2022-09-30";
const outcome = seedOutcome(CHECK_DATE);
const countOf = (rule: string) => outcome.issues.filter((i) => i.rule === rule).length;

async function validated() {
  const actions = fakeActions();
  await renderPane(actions);
  fireEvent.change(screen.getByLabelText("检查日期"), { target: { value: CHECK_DATE } });
  fireEvent.click(screen.getByRole("button", { name: "校验" }));
  await screen.findByText(outcome.summary);
  return actions;
}

/** The accordion header of a rule's group: its title and its count. */
const groupHeader = (title: string, count: number) =>
  screen.queryByRole("button", { name: `${title} ${count}` });

describe("校验 results", () => {
  test("the seeds hold errors, warnings and hints, so every part of the pane is exercised", () => {
    expect(outcome.totals.error).toBeGreaterThan(0);
    expect(outcome.totals.warning).toBeGreaterThan(0);
    expect(outcome.totals.info).toBeGreaterThan(0);
  });

  test("show the summary and the three totals", async () => {
    await validated();
    const totals = screen.getByRole("region", { name: "校验结果" });
    for (const [label, n] of [
      ["错误", outcome.totals.error],
      ["警告", outcome.totals.warning],
      ["提示", outcome.totals.info],
    ] as const) {
      expect(within(totals).getByRole("group", { name: label }).textContent).toBe(`${n}${label}`);
    }
  });

  test("group the issues by rule under the catalogue's Chinese titles, errors first", async () => {
    await validated();
    expect(groupHeader("电子表格残留", countOf("text.residue"))).toBeTruthy();
    expect(groupHeader("单位名称不规范", countOf("unit.alias"))).toBeTruthy();
    expect(groupHeader("已超期", countOf("deadline.overdue"))).toBeTruthy();
    expect(groupHeader("单位名称连写", countOf("unit.run-together"))).toBeTruthy();
    const titles = screen.getAllByRole("button").map((b) => b.textContent ?? "");
    const residue = titles.findIndex((t) => t.startsWith("电子表格残留"));
    const alias = titles.findIndex((t) => t.startsWith("单位名称不规范"));
    const runTogether = titles.findIndex((t) => t.startsWith("单位名称连写"));
    expect(residue).toBeLessThan(alias);
    expect(alias).toBeLessThan(runTogether);
  });

  test("the 错误 filter hides warnings and hints", async () => {
    await validated();
    fireEvent.click(screen.getByRole("tab", { name: `错误 ${outcome.totals.error}` }));
    expect(groupHeader("电子表格残留", countOf("text.residue"))).toBeTruthy();
    expect(groupHeader("单位名称不规范", countOf("unit.alias"))).toBeNull();
    expect(groupHeader("单位名称连写", countOf("unit.run-together"))).toBeNull();

    fireEvent.click(screen.getByRole("tab", { name: `提示 ${outcome.totals.info}` }));
    expect(groupHeader("电子表格残留", countOf("text.residue"))).toBeNull();
    expect(groupHeader("单位名称连写", countOf("unit.run-together"))).toBeTruthy();
  });

  test("a click on an issue selects its cell", async () => {
    const actions = await validated();
    const residue = outcome.issues.find((i) => i.rule === "text.residue" && i.evidence === "+C18")!;
    fireEvent.click(groupHeader("电子表格残留", countOf("text.residue"))!);
    const row = await screen.findByRole("button", { name: /电子表格残留「\+C18」/ });
    // Sheet, cell and 序号 are on the row, as printed in the seed (item 13 of the city table).
    expect(row.textContent).toContain(`市重点工作 ${residue.address.split("!")[1]} · 序号 13`);
    fireEvent.click(row);
    expect(actions.selectCell).toHaveBeenCalledWith(residue.address);
  });

  test("evidence is shown when the message does not quote it already", async () => {
    await validated();
    const missing = outcome.issues.find((i) => i.rule === "deadline.missing" && i.evidence !== "")!;
    fireEvent.click(groupHeader("未写完成时限", countOf("deadline.missing"))!);
    const row = (await screen.findAllByText(`原文：${missing.evidence}`))[0].closest("button")!;
    expect(row.textContent).toContain(missing.message);

    fireEvent.click(groupHeader("电子表格残留", countOf("text.residue"))!);
    const residue = await screen.findByRole("button", { name: /电子表格残留「\+C18」/ });
    expect(residue.textContent).not.toContain("原文：");
  });
});
