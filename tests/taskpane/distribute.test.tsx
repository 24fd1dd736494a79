/** @jest-environment jsdom */
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import JSZip from "jszip";
import { readAllSheets } from "../../src/xlsx/readWorkbook";
import { readReturn } from "../../src/core/distribute/readReturn";
import { splitByUnit } from "../../src/core/distribute/split";
import { workbookBytes } from "../../src/xlsx/newWorkbook";
import type { CollectInput } from "../../src/taskpane/actions";
import { bytesOf } from "../../src/taskpane/files";
import { inflatingWorkbook } from "../support/zipBomb";
import { fakeActions, seedMaster } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

/**
 * 下发单位表 and 回收进展 in the pane (jsdom): the real core on the seed master, the real
 * ExcelJS and JSZip in the chunk the pane loads on demand; only the workbook is a stand-in.
 * Our code finds no zlib, as in the pane's bundle (webpack: zlib false), so the browser's way of
 * unzipping is what is tested (ExcelJS keeps Node's zlib: in the bundle it brings its own).
 */
jest.mock("zlib", () => ({ ...jest.requireActual("zlib"), inflateRawSync: undefined }));
let offered: Blob[] = [];
beforeEach(() => {
  offered = [];
  URL.createObjectURL = jest.fn((blob: Blob) => {
    offered.push(blob);
    return "blob:duban";
  });
  URL.revokeObjectURL = jest.fn();
  // jsdom does not navigate: the download link's click is only recorded.
  HTMLAnchorElement.prototype.click = jest.fn();
});

const actions = fakeActions();
afterEach(() => jest.clearAllMocks());

async function downloadZip(): Promise<JSZip> {
  await renderPane(actions);
  fireEvent.change(screen.getByLabelText("检查日期"), { target: { value: "2022-09-30" } });
  fireEvent.click(screen.getByRole("button", { name: "下发单位表" }));
  await screen.findByText(/^已生成 \d+ 个单位的下发文件/, undefined, { timeout: 150_000 });
  expect(offered).toHaveLength(1);
  return JSZip.loadAsync(await bytesOf(offered[0]));
}

/** The pane's .zip, made by the first test that needs it (下发 writes every unit's workbook). */
let zipped: Promise<JSZip> | undefined;
const unitFiles = () => (zipped ??= downloadZip());

/** Picks `files` for 回收进展, of which one is read and one skipped; what the pane read. */
async function collectOneOf(files: File[]): Promise<CollectInput> {
  fireEvent.change(screen.getByLabelText("选择各单位报回的文件"), { target: { files } });
  const notice = await screen.findByText(/^回收完成：读取 1 个文件/, undefined, {
    timeout: 60_000,
  });
  expect(notice.textContent).toContain("跳过 1 个文件");
  return actions.collectReturns.mock.calls[0][0];
}

test("下发单位表 offers every unit's file in one .zip, each a workbook 回收 can read", async () => {
  const zip = await unitFiles();
  const names = Object.keys(zip.files);
  // One file per unit the core finds in the seed master (the towns too, through 各镇).
  expect(names).toHaveLength(splitByUnit(seedMaster(), { date: "2022-09-30" }).length);
  expect(names).toContain("区发展改革委-督办事项-20220930.xlsx");
  const bytes = await zip.file("区发展改革委-督办事项-20220930.xlsx")!.async("uint8array");
  const read = readReturn({ file: "f", modified: null, sheets: await readAllSheets(bytes, "f") });
  if ("problem" in read) throw new Error(read.problem);
  expect(read.unit).toBe("区发展改革委");
  expect(read.meta?.rows.length).toBe(read.rows.length);
  expect(read.rows.length).toBeGreaterThan(5);
}, 240_000);

test("回收进展 reads the picked files, names a bad one, and writes the rest", async () => {
  const zip = await unitFiles();
  // A fresh pane, whether the zip was made here or by the test above.
  cleanup();
  await renderPane(actions);
  const name = "区发展改革委-督办事项-20220930.xlsx";
  const good = new File([await zip.file(name)!.async("arraybuffer")], name);
  const bad = new File(["不是工作簿"], "说明.xlsx");
  const input = await collectOneOf([good, bad]);
  expect(input.sources.map((s) => s.file)).toEqual([name]);
  expect(input.unreadable[0].reason).toContain("「说明.xlsx」不是 Excel 工作簿");
  expect(actions.applyCollect).toHaveBeenCalledTimes(1);
}, 240_000);

test("取消 stops 下发 between two files and nothing is offered", async () => {
  await renderPane(actions);
  fireEvent.click(screen.getByRole("button", { name: "下发单位表" }));
  const cancel = await screen.findByRole("button", { name: "取消" }, { timeout: 60_000 });
  await act(async () => fireEvent.click(cancel));
  expect(
    await screen.findByText("已取消下发，没有生成文件。", undefined, { timeout: 60_000 })
  ).toBeTruthy();
  expect(offered).toHaveLength(0);
  expect(
    within(screen.getByRole("toolbar", { name: "操作" })).getByRole("button", {
      name: "下发单位表",
    })
  ).toBeTruthy();
}, 240_000);

test("回收进展 names a return that unzips past the cap, and reads the others", async () => {
  const [plan] = splitByUnit(seedMaster(), { date: "2022-09-30" });
  const good = new File([(await workbookBytes(plan.sheets)).slice()], plan.fileName);
  const bombBytes = await inflatingWorkbook([["序号", "重点工作", "完成状态", "进展情况"]]);
  expect(bombBytes.length).toBeLessThan(1024 * 1024);
  const bomb = new File([bombBytes.slice()], "报回（解压后很大）.xlsx");
  await renderPane(actions);
  const input = await collectOneOf([bomb, good]);
  expect(input.sources.map((s) => s.file)).toEqual([plan.fileName]);
  expect(input.unreadable).toEqual([
    {
      file: "报回（解压后很大）.xlsx",
      reason: expect.stringContaining(
        "文件「报回（解压后很大）.xlsx」解压后的表格内容超过 200.0 MB"
      ),
    },
  ]);
}, 180_000);

test("取消 stops 回收 between two files and the workbook is not touched", async () => {
  const [plan] = splitByUnit(seedMaster(), { date: "2022-09-30" });
  const bytes = (await workbookBytes(plan.sheets)).slice();
  const files = Array.from(
    { length: 30 },
    (_, i) => new File([bytes], `${i + 1}-${plan.fileName}`)
  );
  await renderPane(actions);
  fireEvent.change(screen.getByLabelText("选择各单位报回的文件"), { target: { files } });
  const cancel = await screen.findByRole("button", { name: "取消" }, { timeout: 60_000 });
  await act(async () => fireEvent.click(cancel));
  expect(
    await screen.findByText("已取消回收，总表没有改动。", undefined, { timeout: 60_000 })
  ).toBeTruthy();
  expect(actions.collectReturns).not.toHaveBeenCalled();
  expect(actions.applyCollect).not.toHaveBeenCalled();
}, 240_000);
