/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { readFileSync } from "fs";
import { basename } from "path";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
import { createExcelActions } from "../../src/excel/workflows";
import { conflictingReturn, decisionCell } from "../excel/conflictFixture";
import { renderPane } from "./renderPane";

/**
 * Issue 16 in the pane: 回收进展 of a return whose conflict the user already settled in 回收情况
 * (picked 处理 there after an earlier 回收) starts with that 处理 picked, and says so.
 */

jest.setTimeout(120_000);
globalThis.TextDecoder ??= NodeTextDecoder as typeof TextDecoder;
globalThis.TextEncoder ??= NodeTextEncoder as typeof TextEncoder;

function pickReturn(path: string) {
  const file = new File([new Uint8Array(readFileSync(path))], basename(path));
  fireEvent.change(screen.getByLabelText("选择各单位报回的文件"), { target: { files: [file] } });
}

/** The radio buttons of the one decision listed, and which is checked. */
async function decisionRadios() {
  const list = await screen.findByRole("heading", { name: "回收待确认（1 处）" });
  const section = list.closest("section")!;
  const radios = within(section).getAllByRole("radio") as HTMLInputElement[];
  return { section, radios, checked: radios.findIndex((r) => r.checked) };
}

test("a 处理 chosen in 回收情况 starts picked in the pane, and the pane says so", async () => {
  const { standIn, path } = await conflictingReturn();
  await renderPane(createExcelActions());
  fireEvent.change(screen.getByLabelText("检查日期"), { target: { value: "2022-10-15" } });

  pickReturn(path);
  const first = await decisionRadios();
  expect(first.checked).toBe(0);
  expect(within(first.section).queryByText(/已按「回收情况」中填写的处理预选/)).toBeNull();
  fireEvent.click(within(first.section).getByRole("button", { name: "写入总表" }));
  await screen.findByText(/已写入总表和「回收情况」/);

  // In 回收情况 the user picks the return's value for that conflict, then takes the file in again.
  const labels = first.radios.map((r) => r.closest("span, div")?.textContent ?? "");
  const take = labels.findIndex((l) => l.startsWith("采用"));
  expect(take).toBeGreaterThan(0);
  const cell = decisionCell(standIn);
  const option = first.radios[take].value;
  expect(option).toBe(String(take));
  standIn.workbook.sheet("回收情况").setValues(cell.address, [[labels[take]]]);

  pickReturn(path);
  const again = await decisionRadios();
  expect(again.checked).toBe(take);
  expect(within(again.section).getByText("已按「回收情况」中填写的处理预选，可改选。")).toBeTruthy();
  expect(
    screen.getByText(/其中 1 处已按「回收情况」中填写的处理预先选好。请逐处选择后点“写入总表”。$/)
  ).toBeTruthy();
});
