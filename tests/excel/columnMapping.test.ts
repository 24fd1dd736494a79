import { RECORD_SHEET } from "../../src/core/patch/record";
import { createExcelActions } from "../../src/excel/workflows";
import type { ValidateOutcome } from "../../src/taskpane/actions";
import { installStandIn, type StandInHandle } from "../support/excel-standin";

/**
 * The 列对照 chosen in the pane is kept on the workbook's very hidden record sheet (not in
 * document settings): a later 校验 — by a pane opened afresh — reads the column as chosen, and
 * the record survives the 校验 that rewrites it.
 */
const noProgress = () => undefined;
const DATE = "2022-09-30";
const SHEET = "区重点工作";

const readingOf = (outcome: ValidateOutcome, sheet: string, title: string) =>
  outcome.tables?.find((t) => t.sheet === sheet)?.columns.find((c) => c.title === title);

const coopIssues = (outcome: ValidateOutcome) =>
  outcome.issues.filter((i) => i.sheet === SHEET && i.column === "coop").length;

describe("列对照 in Excel", () => {
  let excel: StandInHandle;
  afterEach(() => excel?.uninstall());

  test("a column set to 不读取 stays so in the workbook and on every later 校验", async () => {
    excel = installStandIn({});
    const pane = createExcelActions();
    await pane.importSeeds(noProgress);
    const first = await pane.validate({ checkDate: DATE }, noProgress);
    expect(readingOf(first, SHEET, "配合单位")?.key).toBe("coop");
    expect(coopIssues(first)).toBeGreaterThan(0);

    await pane.setColumnMeaning({ sheet: SHEET, title: "配合单位", meaning: "unused" }, noProgress);
    const record = excel.workbook.sheet(RECORD_SHEET);
    expect(record.model.visibility).toBe("VeryHidden");
    expect(excel.workbook.toGrid(RECORD_SHEET)).toContainEqual([
      "columns",
      SHEET,
      "",
      '{"配合单位":"unused"}',
    ]);

    // A pane opened afresh knows only the workbook.
    const second = await createExcelActions().validate({ checkDate: DATE }, noProgress);
    expect(readingOf(second, SHEET, "配合单位")?.key).toBeNull();
    expect(coopIssues(second)).toBe(0);
    // The other sheets' columns are read as before.
    expect(readingOf(second, "市重点工作", "牵头单位")?.key).toBe("lead");
    expect(second.rows).toBe(first.rows);

    // That 校验 rewrote the record with its marks; the 列对照 is still there.
    const third = await createExcelActions().validate({ checkDate: DATE }, noProgress);
    expect(readingOf(third, SHEET, "配合单位")?.key).toBeNull();
    await pane.clearMarks(noProgress);
    const fourth = await createExcelActions().validate({ checkDate: DATE }, noProgress);
    expect(readingOf(fourth, SHEET, "配合单位")?.key).toBeNull();
  });

  test("a column read as another meaning, and back to the header's reading", async () => {
    excel = installStandIn({});
    const pane = createExcelActions();
    await pane.importSeeds(noProgress);
    await pane.setColumnMeaning({ sheet: SHEET, title: "分管领导", meaning: "person" }, noProgress);
    const mapped = await pane.validate({ checkDate: DATE }, noProgress);
    expect(readingOf(mapped, SHEET, "分管领导")?.key).toBe("person");
    expect(mapped.issues.filter((i) => i.sheet === SHEET && i.column === "leader")).toEqual([]);

    await pane.setColumnMeaning({ sheet: SHEET, title: "分管领导", meaning: null }, noProgress);
    const back = await pane.validate({ checkDate: DATE }, noProgress);
    expect(readingOf(back, SHEET, "分管领导")?.key).toBe("leader");
    expect(excel.workbook.toGrid(RECORD_SHEET).some((r) => r[0] === "columns")).toBe(false);
  });
});
