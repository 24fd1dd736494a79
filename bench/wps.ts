/**
 * ET calls per command in WPS 表格, on the ET stand-in (tests/support/et-standin): each property
 * read, write or method call crosses into WPS. Prints the figures README's "WPS 表格" section
 * quotes: the seeds (导入, 校验, 生成单位表, 清除标记), reading the four 导入 sheets back (their
 * merged areas), and 校验 of the district table repeated to 100, 1,000, 2,000 and 10,000 rows on a
 * user's sheet.  npm run bench:wps
 */
import "./textModules";
import { createWpsActions, wpsHost } from "../src/wps/host";
import { DISTRICT_HEADER, districtRows } from "../tests/excel/fixtures";
import { installEtStandIn } from "../tests/support/et-standin";

const none = () => undefined;
const CHECK_DATE = "2022-09-30";

async function seeds(): Promise<void> {
  const et = installEtStandIn({});
  try {
    const actions = createWpsActions();
    const steps: Array<[string, () => Promise<unknown>]> = [
      ["导入 (4 seed tables, 170 rows)", () => actions.importSeeds(none)],
      ["校验 of the seeds", () => actions.validate({ checkDate: CHECK_DATE }, none)],
      ["校验 again", () => actions.validate({ checkDate: CHECK_DATE }, none)],
      [
        "reading the 4 导入 sheets (53 merged areas)",
        () => wpsHost.readSheets((s) => s.marker?.kind === "import"),
      ],
      [
        "生成单位表 (by unit)",
        () => actions.buildUnitSheets({ by: "unit", checkDate: CHECK_DATE }, none),
      ],
      ["清除标记", () => actions.clearMarks(none)],
    ];
    for (const [name, run] of steps) {
      et.stats.reset();
      const started = performance.now();
      await run();
      console.log(
        `${name}: ${et.stats.calls} ET calls (${Math.round(performance.now() - started)} ms in Node)`
      );
    }
  } finally {
    et.uninstall();
  }
}

async function rows(count: number): Promise<void> {
  const et = installEtStandIn({ sheets: ["我的台账"] });
  try {
    et.fill("我的台账", [DISTRICT_HEADER, ...districtRows(count)]);
    et.stats.reset();
    const outcome = await createWpsActions().validate({ checkDate: CHECK_DATE }, none);
    console.log(
      `校验 of ${count.toLocaleString("en-US")} rows: ${et.stats.calls} ET calls — ${outcome.summary}`
    );
  } finally {
    et.uninstall();
  }
}

void (async () => {
  await seeds();
  for (const count of [100, 1_000, 2_000, 10_000]) await rows(count);
})();
