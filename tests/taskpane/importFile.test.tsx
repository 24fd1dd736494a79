/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { readFileSync } from "fs";
import { join } from "path";
import { TextDecoder as NodeTextDecoder } from "util";
import { createExcelActions } from "../../src/excel/workflows";
import { installStandIn } from "../support/excel-standin";
import { NOTICE_FILE, SEED_DIR } from "../support/seeds";
import { fakeActions } from "./fakeWorkbook";
import { openDialog, renderPane } from "./renderPane";

/** 导入分解表: the user picks a breakdown table saved as text from Word; the pane imports it. */

jest.setTimeout(60_000);
// jsdom lacks TextDecoder, which every webview the pane runs in has.
globalThis.TextDecoder ??= NodeTextDecoder as typeof TextDecoder;

const bytesOf = (name: string) => new Uint8Array(readFileSync(join(SEED_DIR, name)));

/** Picks `name` from seeds/ in the pane's hidden file input, as the browser's file dialog would. */
function pick(name: string) {
  const input = screen.getByLabelText("选择责任分解表文件（.txt 文本或 .xlsx 工作簿）") as HTMLInputElement;
  const file = new File([bytesOf(name)], name, { type: "text/plain" });
  fireEvent.change(input, { target: { files: [file] } });
}

describe("导入分解表", () => {
  test("the button opens a picker of text files and workbooks, kept apart from 导入示例表", async () => {
    await renderPane(fakeActions());
    const input = screen.getByLabelText("选择责任分解表文件（.txt 文本或 .xlsx 工作簿）") as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.accept.split(",")).toEqual(
      expect.arrayContaining([".txt", ".xlsx", ".xlsm", "text/plain"])
    );
    const opened = jest.spyOn(input, "click").mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole("button", { name: "导入分解表" }));
    expect(opened).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("button", { name: "导入示例表" })).toBeTruthy();
  });

  test("a picked seed file is imported with its bytes and the pane says what was imported", async () => {
    const actions = fakeActions();
    await renderPane(actions);
    pick(NOTICE_FILE);
    await screen.findByText(`已从「${NOTICE_FILE}」导入 3 张表。`);
    const file = { name: NOTICE_FILE, bytes: bytesOf(NOTICE_FILE) };
    expect(actions.existingImportSheets).toHaveBeenCalledWith(file);
    expect(actions.importFile).toHaveBeenCalledTimes(1);
    expect(actions.importFile).toHaveBeenCalledWith(file, expect.any(Function), {
      checkDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      reference: "today",
      dueSoonDays: 15,
    });
    expect(actions.importSeeds).not.toHaveBeenCalled();
    // The header is read again: the new sheets may carry a different plan year.
    expect(actions.describeWorkbook).toHaveBeenCalledTimes(2);
  });

  test("asks before replacing the file's sheets that already exist", async () => {
    const actions = fakeActions({ existingImportSheets: jest.fn(async () => ["市重点工作"]) });
    await renderPane(actions);
    pick(NOTICE_FILE);
    const { dialog, button } = await openDialog();
    expect(
      within(dialog).getByText("以下工作表已存在，将被替换：市重点工作（其他工作表不受影响）")
    ).toBeTruthy();
    expect(actions.importFile).not.toHaveBeenCalled();
    fireEvent.click(button("替换"));
    await screen.findByText(`已从「${NOTICE_FILE}」导入 3 张表。`);
    expect(actions.importFile).toHaveBeenCalledTimes(1);
  });

  test("in Excel, a seed file is written as 导入 sheets and a file with no table changes nothing", async () => {
    const excel = installStandIn({ sheets: ["我的台账"] });
    try {
      const actions = createExcelActions();
      const importFile = jest.spyOn(actions, "importFile");
      await renderPane(actions);
      pick(NOTICE_FILE);
      await screen.findByText(
        `已从「${NOTICE_FILE}」导入 3 张表，共 136 行：市重点工作、关键任务、区重点工作。`
      );
      expect(excel.workbook.sheet("区重点工作").cell("A1").value).toBe(
        "2022年津南区政府重点工作责任分解表"
      );

      const before = excel.workbook.sheetNames().map((n) => excel.workbook.sheet(n).snapshot());
      pick("columns.json");
      await screen.findByText(/^文件「columns\.json」中没有可识别的责任分解表，工作簿未改动。/);
      expect(importFile).toHaveBeenCalledTimes(1);
      expect(excel.workbook.sheetNames().map((n) => excel.workbook.sheet(n).snapshot())).toEqual(
        before
      );
    } finally {
      excel.uninstall();
    }
  });
});
