import { ExcelAdapterError, toAdapterError, userMessage } from "../../src/excel/errors";

describe("errors reach the user as Chinese sentences", () => {
  test("an Excel code becomes its meaning, the sheets and what to do", () => {
    const error = toAdapterError(
      { code: "AccessDenied", message: "The sheet is protected." },
      "写入",
      ["区重点工作"]
    );
    expect(error).toBeInstanceOf(ExcelAdapterError);
    expect(error.message).toBe(
      "写入工作表「区重点工作」时出错：工作表或工作簿受保护。请撤销保护后重试。"
    );
    expect(error.code).toBe("AccessDenied");
  });

  test("anything else keeps its code but never its English text", () => {
    const message = userMessage(
      new TypeError("Cannot read properties of undefined (reading 'items')")
    );
    expect(message).toBe("操作时出错。请保存工作簿后重试；如仍出错，请联系维护人员。");
    expect(userMessage({ code: "UnsupportedSheet" })).toBe(
      "操作时出错（错误代码 UnsupportedSheet）。请保存工作簿后重试；如仍出错，请联系维护人员。"
    );
  });

  test("an adapter error passes through unchanged", () => {
    const original = new ExcelAdapterError("工作表「汇总」不是督办助手生成的。", ["汇总"]);
    expect(toAdapterError(original, "写入", [])).toBe(original);
  });
});
