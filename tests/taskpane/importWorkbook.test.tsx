/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
import { createExcelActions } from "../../src/excel/workflows";
import { App } from "../../src/taskpane/App";
import { startOf } from "../../src/taskpane/host";
import { installStandIn } from "../support/excel-standin";
import { realXlsxPath } from "../support/realTables";
import { fakeActions } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

/**
 * 导入分解表 of a workbook in the pane (issue 13): the user picks an .xlsx; the pane reads it in
 * the browser, writes its tables and lists, after the import, what it could not read.
 */

jest.setTimeout(60_000);
// jsdom lacks TextDecoder and TextEncoder, which every webview the pane runs in has.
globalThis.TextDecoder ??= NodeTextDecoder as typeof TextDecoder;
globalThis.TextEncoder ??= NodeTextEncoder as typeof TextEncoder;

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function pick(name: string, bytes: Uint8Array<ArrayBuffer>) {
  const input = screen.getByLabelText("选择责任分解表文件（.txt 文本或 .xlsx 工作簿）");
  fireEvent.change(input, { target: { files: [new File([bytes], name, { type: XLSX_TYPE })] } });
}

test("an .xlsx picked is imported, and what it could not read is listed with file, sheet and row", async () => {
  const excel = installStandIn({ sheets: ["我的台账"] });
  try {
    // The 岳阳楼区 table as published, with a sheet of notes beside it that holds no table.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(realXlsxPath("yueyanglou-2017-progress"));
    workbook.addWorksheet("填表说明").getCell("A1").value = "Source: https://www.yueyanglou.gov.cn";
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    await renderPane(createExcelActions());
    pick("岳阳楼.xlsx", bytes);
    await screen.findByText(
      "已从「岳阳楼.xlsx」导入 1 张表，共 11 行：岳阳楼区2017年1-8月省重点民生实事完成情况表。有 2 处未能读取，见下方列表。"
    );
    expect(excel.workbook.sheet("岳阳楼区2017年1-8月省重点民生实事完成情况表").cell("A1").value).toBe(
      "岳阳楼区2017年1-8月省重点民生实事完成情况表"
    );
    const list = screen.getByText("导入时未能读取的内容").closest("[role=group], div")!;
    const items = within(list.parentElement!).getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toEqual([
      expect.stringMatching(/^「岳阳楼\.xlsx」工作表「填表说明」第 1 行：工作表「填表说明」中找不到表头/),
      "「岳阳楼.xlsx」表「岳阳楼区2017年1-8月省重点民生实事完成情况表」的「1-8月实际完成率%」列（较早时段或同时段另一列进展）未写入导入表，请在原文件中查看。",
    ]);

    // A clean file after it: the list goes.
    pick("开化.xlsx", new Uint8Array(readFileSync(realXlsxPath("kaihua-2023-q1-progress"))));
    await screen.findByText(/^已从「开化\.xlsx」导入 1 张表，共 2 行/);
    expect(screen.queryByText("导入时未能读取的内容")).toBeNull();
  } finally {
    excel.uninstall();
  }
});

test("an old .xls picked is refused in the pane, naming it, and the workbook is left as it was", async () => {
  const excel = installStandIn({ sheets: ["我的台账"] });
  try {
    const { compoundFile } = await import("../xlsx/compoundFile");
    await renderPane(createExcelActions());
    const before = excel.workbook.sheetNames();
    pick("旧表.xls", new Uint8Array(compoundFile(["Workbook"])));
    await screen.findByText(
      "文件「旧表.xls」是旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx 后重试。未导入，工作簿未改动。"
    );
    expect(excel.workbook.sheetNames()).toEqual(before);
  } finally {
    excel.uninstall();
  }
});

test("opened by the ribbon's 导入分解表 (taskpane.html?start=import), the pane points at that button", async () => {
  expect(startOf("?start=import")).toBe("import");
  expect(startOf("")).toBeUndefined();
  expect(startOf("?start=validate")).toBeUndefined();
  const excel = installStandIn({ sheets: ["我的台账"] });
  try {
    render(
      <FluentProvider theme={webLightTheme}>
        <App actions={createExcelActions()} start={startOf("?start=import")} />
      </FluentProvider>
    );
  await screen.findByText(/^(\d{4}年|未识别)$/);
  const button = screen.getByRole("button", { name: "导入分解表" });
  expect(document.activeElement).toBe(button);
  const hint = "请点「导入分解表」，选择从 Word 复制后保存的文本（.txt）或分解表工作簿（.xlsx）。";
  expect(screen.getByText(hint)).toBeTruthy();
  const opened = jest.spyOn(
    screen.getByLabelText("选择责任分解表文件（.txt 文本或 .xlsx 工作簿）") as HTMLInputElement,
    "click"
  );
  opened.mockImplementation(() => undefined);
  fireEvent.click(button);
  expect(opened).toHaveBeenCalledTimes(1);
  pick("开化.xlsx", new Uint8Array(readFileSync(realXlsxPath("kaihua-2023-q1-progress"))));
  await screen.findByText(/^已从「开化\.xlsx」导入/);
  expect(screen.queryByText(hint)).toBeNull();
  } finally {
    excel.uninstall();
  }
});

test("opened from 打开督办助手, the pane shows no import hint and focuses nothing", async () => {
  await renderPane(fakeActions());
  expect(screen.queryByText(/^请点「导入分解表」/)).toBeNull();
  expect(document.activeElement).toBe(document.body);
});
