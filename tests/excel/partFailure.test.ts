import { createExcelActions } from "../../src/excel/workflows";
import { installStandIn, type StandInHandle } from "../support/excel-standin";
import { cellKey } from "../support/excel-standin/model/sheet";
import { DISTRICT_HEADER, districtRows, recordOf } from "./fixtures";

/**
 * Excel's batches are not transactions: a request it stops part-way keeps what ran before. For
 * every request of 校验, the stand-in stops in it; afterwards 清除标记 — or 校验 again and then
 * 清除标记 — must give the user back their sheet exactly: every fill, every note.
 */
const SHEET = "我的分解表";
const CHECK_DATE = "2022-09-30";
const noProgress = () => undefined;

let excel: StandInHandle | undefined;
afterEach(() => {
  excel?.uninstall();
  excel = undefined;
});

/** The district table typed by a user who coloured every cell of its body and noted a few. */
function userWorkbook(stopInRequest?: number): StandInHandle {
  const standIn = installStandIn({ sheets: [SHEET], stopInRequest });
  excel = standIn;
  const sheet = standIn.workbook.sheet(SHEET);
  sheet.setValues("A1", [DISTRICT_HEADER, ...districtRows(40)]);
  sheet.setFill("A2:G41", "#DDEBF7");
  for (const row of [2, 9, 17, 30]) sheet.model.notes.set(cellKey(row, 5), `用户备注 ${row}`);
  return standIn;
}

async function validate(): Promise<string | null> {
  return createExcelActions()
    .validate({ checkDate: CHECK_DATE }, noProgress)
    .then(
      () => null,
      (error: { code?: string }) => error.code ?? "error"
    );
}

describe("a command Excel stops part-way leaves nothing the user cannot get back", () => {
  test("校验 stopped in each of its requests, then 清除标记 (and 校验 again, then 清除标记)", async () => {
    const clean = userWorkbook();
    const before = clean.workbook.sheet(SHEET).snapshot();
    expect(await validate()).toBeNull();
    const requests = clean.stats.requests.length;
    // The run marks cells over the user's fills and notes beside theirs.
    expect(clean.workbook.sheet(SHEET).snapshot()).not.toEqual(before);
    clean.uninstall();

    for (let k = 1; k <= requests; k++) {
      const cut = userWorkbook(k);
      expect(await validate()).toBe("GeneralException");
      await createExcelActions().clearMarks(noProgress);
      expect({ k, sheet: cut.workbook.sheet(SHEET).snapshot() }).toEqual({ k, sheet: before });
      expect(recordOf(cut).marks).toEqual([]);
      cut.uninstall();

      const rerun = userWorkbook(k);
      await validate();
      expect(await validate()).toBeNull();
      await createExcelActions().clearMarks(noProgress);
      expect({ k, sheet: rerun.workbook.sheet(SHEET).snapshot() }).toEqual({ k, sheet: before });
      rerun.uninstall();
    }
    excel = undefined;
  }, 300_000);
});
