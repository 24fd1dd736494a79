/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { todayIso } from "../../src/taskpane/format";
import { CITY_TASK, fakeActions, seedBackfill, seedSummary } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

const CHECK_DATE = "2022-09-30";
const button = (name: string) => screen.getByRole("button", { name });

function setCheckDate(date: string) {
  fireEvent.change(screen.getByLabelText("检查日期"), { target: { value: date } });
}

describe("生成单位表", () => {
  test("splits by 牵头单位 on today's date with colours following TODAY()", async () => {
    const actions = fakeActions();
    await renderPane(actions);
    fireEvent.click(button("生成单位表"));
    await screen.findByText(/^已生成 \d+ 张单位表（按牵头单位）。$/);
    expect(actions.buildUnitSheets).toHaveBeenCalledWith(
      { by: "unit", checkDate: todayIso(), reference: "today", dueSoonDays: 15 },
      expect.any(Function)
    );
  });

  test("按分管领导 and a chosen 检查日期 go to the workbook, the date fixed in the colours", async () => {
    const actions = fakeActions();
    await renderPane(actions);
    setCheckDate(CHECK_DATE);
    fireEvent.click(screen.getByRole("radio", { name: "按分管领导" }));
    fireEvent.click(button("生成单位表"));
    await screen.findByText(/^已生成 \d+ 张领导表（按分管领导）。$/);
    expect(actions.buildUnitSheets).toHaveBeenCalledWith(
      { by: "leader", checkDate: CHECK_DATE, reference: "checkDate", dueSoonDays: 15 },
      expect.any(Function)
    );
  });

  test("导入 passes the same tracking choice", async () => {
    const actions = fakeActions();
    await renderPane(actions);
    setCheckDate(CHECK_DATE);
    fireEvent.click(button("导入示例表"));
    await screen.findByText("已导入 4 张表。");
    expect(actions.importSeeds).toHaveBeenCalledWith(expect.any(Function), {
      checkDate: CHECK_DATE,
      reference: "checkDate",
      dueSoonDays: 15,
    });
  });

  test("即将到期天数 set by the user goes to 生成单位表, 导入 and 汇总", async () => {
    const actions = fakeActions();
    await renderPane(actions);
    const days = screen.getByRole("spinbutton", { name: "即将到期天数" }) as HTMLInputElement;
    expect(days.value).toBe("15");
    fireEvent.change(days, { target: { value: "30" } });
    fireEvent.blur(days);
    fireEvent.click(button("生成单位表"));
    await screen.findByText(/^已生成 \d+ 张单位表/);
    expect(actions.buildUnitSheets).toHaveBeenCalledWith(
      expect.objectContaining({ dueSoonDays: 30 }),
      expect.any(Function)
    );
    fireEvent.click(button("汇总"));
    await screen.findByText("汇总完成，已写入「汇总」工作表。");
    expect(actions.summarize).toHaveBeenCalledWith(
      { checkDate: todayIso(), dueSoonDays: 30 },
      expect.any(Function)
    );
    // Not a number of days: the last good one stays.
    fireEvent.change(days, { target: { value: "-3" } });
    fireEvent.blur(days);
    expect(days.value).toBe("30");
    fireEvent.click(button("导入示例表"));
    await screen.findByText("已导入 4 张表。");
    expect(actions.importSeeds).toHaveBeenCalledWith(
      expect.any(Function),
      expect.objectContaining({ dueSoonDays: 30 })
    );
  });

  test("waits for a valid 检查日期", async () => {
    await renderPane(fakeActions());
    setCheckDate("");
    expect((button("生成单位表") as HTMLButtonElement).disabled).toBe(true);
    expect((button("汇总") as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("回收单位表进展 (from the unit sheets in the workbook)", () => {
  const outcome = seedBackfill();
  const [conflict] = outcome.conflicts;

  test("the seeds give one conflict on 市重点工作 序号2", () => {
    expect(outcome.conflicts).toHaveLength(1);
    expect(conflict.task.startsWith(CITY_TASK)).toBe(true);
    expect(conflict.message).toContain("「单位-区科技局」为「已完成」");
  });

  test("lists the conflict, and writes the unit's value only once the user picks it", async () => {
    const actions = fakeActions();
    await renderPane(actions);
    fireEvent.click(button("回收单位表进展"));
    await screen.findByText(outcome.summary);
    const list = screen.getByRole("region", { name: "待确认的冲突（1 处）" });
    const choice = within(list).getByRole("radiogroup", { name: conflict.message });
    const apply = within(list).getByRole("button", { name: "应用所选" }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    expect(actions.resolveConflicts).not.toHaveBeenCalled();

    fireEvent.click(within(choice).getByRole("radio", { name: "用单位表的" }));
    expect(apply.disabled).toBe(false);
    fireEvent.click(apply);
    await screen.findByText("已按所选处理 1 处冲突。");
    expect(actions.resolveConflicts).toHaveBeenCalledWith(
      [{ conflict, value: "已完成" }],
      expect.any(Function)
    );
    expect(screen.queryByRole("region", { name: /^待确认的冲突/ })).toBeNull();
  });

  test("用总表的 keeps the master's value", async () => {
    const actions = fakeActions();
    await renderPane(actions);
    fireEvent.click(button("回收单位表进展"));
    fireEvent.click(await screen.findByRole("radio", { name: "用总表的" }));
    fireEvent.click(button("应用所选"));
    await screen.findByText("已按所选处理 1 处冲突。");
    expect(actions.resolveConflicts).toHaveBeenCalledWith(
      [{ conflict, value: "推进中" }],
      expect.any(Function)
    );
  });

  test("shows what 回填 could not do", async () => {
    const problem =
      "工作表「市重点工作」没有「完成状态」「进展情况」列，无法回填。请先用带跟踪列的方式重新导入这张表。";
    const actions = fakeActions({
      backfill: jest.fn(async () => ({
        applied: 0,
        conflicts: [],
        problems: [problem],
        summary: "回填完成：更新 0 处，没有冲突。",
      })),
    });
    await renderPane(actions);
    fireEvent.click(button("回收单位表进展"));
    expect(await screen.findByText(problem)).toBeTruthy();
    expect(screen.getByText("回填未能处理的内容")).toBeTruthy();
  });
});

describe("汇总 and 复制", () => {
  const expected = seedSummary(CHECK_DATE, 15).summary;
  const original = { clipboard: navigator.clipboard, execCommand: document.execCommand };

  afterEach(() => {
    Object.defineProperty(navigator, "clipboard", {
      value: original.clipboard,
      configurable: true,
    });
    document.execCommand = original.execCommand;
    delete (globalThis as { ClipboardItem?: unknown }).ClipboardItem;
  });

  /** A ClipboardItem as browsers have it: the types and their blobs. */
  class FakeClipboardItem {
    readonly items: Record<string, Blob>;
    constructor(items: Record<string, Blob>) {
      this.items = items;
    }
    get types() {
      return Object.keys(this.items);
    }
  }

  function mockClipboard() {
    const written: unknown[] = [];
    const clipboard = {
      writeText: jest.fn(async (text: string) => void written.push(text)),
      write: jest.fn(async (items: FakeClipboardItem[]) => void written.push(items)),
    };
    Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });
    (globalThis as { ClipboardItem?: unknown }).ClipboardItem = FakeClipboardItem;
    return clipboard;
  }

  /** A blob's text (jsdom's Blob has no text()). */
  function textOf(blob: Blob): Promise<string> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsText(blob);
    });
  }

  async function summarized() {
    const actions = fakeActions();
    await renderPane(actions);
    setCheckDate(CHECK_DATE);
    fireEvent.click(button("汇总"));
    await screen.findByText("汇总完成，已写入「汇总」工作表。");
    return actions;
  }

  test("shows the report sentences with the figures on the check date", async () => {
    const actions = await summarized();
    expect(actions.summarize).toHaveBeenCalledWith(
      { checkDate: CHECK_DATE, dueSoonDays: 15 },
      expect.any(Function)
    );
    expect(expected.sentences[0]).toMatch(/^截至2022年9月30日，/);
    for (const sentence of expected.sentences) expect(screen.getByText(sentence)).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("");
  });

  test("复制文字 writes the plain text and says 已复制", async () => {
    const clipboard = mockClipboard();
    await summarized();
    fireEvent.click(button("复制文字"));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("已复制"));
    expect(clipboard.writeText).toHaveBeenCalledWith(expected.text);
    expect(clipboard.write).not.toHaveBeenCalled();
  });

  test("复制表格 writes HTML with a plain-text fallback", async () => {
    const clipboard = mockClipboard();
    await summarized();
    fireEvent.click(button("复制表格"));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("已复制"));
    expect(clipboard.write).toHaveBeenCalledTimes(1);
    const [[item]] = clipboard.write.mock.calls[0];
    expect(item.types).toEqual(["text/html", "text/plain"]);
    expect(item.items["text/html"].type).toBe("text/html");
    expect(await textOf(item.items["text/html"])).toBe(expected.html);
    expect(await textOf(item.items["text/plain"])).toBe(expected.text);
    expect(expected.html).toContain("<table");
  });

  test("without the Clipboard API, copies a hidden selection with execCommand", async () => {
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    const copied: string[] = [];
    document.execCommand = jest.fn((command: string) => {
      const holder = document.body.lastElementChild as HTMLElement;
      copied.push(
        `${command}:${holder instanceof HTMLTextAreaElement ? holder.value : holder.innerHTML}`
      );
      return true;
    });
    await summarized();
    fireEvent.click(button("复制文字"));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("已复制"));
    fireEvent.click(button("复制表格"));
    await waitFor(() => expect(copied).toHaveLength(2));
    expect(copied[0]).toBe(`copy:${expected.text}`);
    expect(copied[1].startsWith("copy:")).toBe(true);
    expect(copied[1]).toContain("<table");
    expect(copied[1]).toContain(expected.sentences[0]);
    // The hidden elements are gone again.
    expect(document.querySelector("textarea")).toBeNull();
  });

  test("a refused copy says how to copy by hand", async () => {
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    document.execCommand = jest.fn(() => false);
    await summarized();
    fireEvent.click(button("复制文字"));
    expect(
      await screen.findByText("无法写入剪贴板：请在「汇总」工作表中选中内容，按 Ctrl+C 复制。")
    ).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("");
  });
});
