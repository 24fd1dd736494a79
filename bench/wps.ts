/**
 * ET calls per command in WPS 表格, on the ET stand-in (tests/support/et-standin): each property
 * read, write or method call crosses into WPS. Next to each, the same command in Excel on the
 * Excel stand-in: its context.sync() round trips. Prints the figures README's "WPS 表格" section
 * quotes: the seeds (导入, 校验, 生成单位表, 清除标记), reading the four 导入 sheets back (their
 * merged areas), and 校验 of the district table repeated to 100, 1,000, 2,000 and 10,000 rows on a
 * user's sheet; for 校验 of the seeds, the calls per member.  npm run bench:wps
 */
import "./textModules";
import { createExcelActions } from "../src/excel/workflows";
import { readSheets as readExcelSheets } from "../src/excel/readSheets";
import type { WorkbookActions } from "../src/taskpane/actions";
import type { SheetInfo } from "../src/workflows/host";
import { createWpsActions, wpsHost } from "../src/wps/host";
import { DISTRICT_HEADER, districtRows } from "../tests/excel/fixtures";
import { installStandIn } from "../tests/support/excel-standin";
import { installEtStandIn } from "../tests/support/et-standin";

const none = () => undefined;
const CHECK_DATE = "2022-09-30";
const IMPORTED = (s: SheetInfo) => s.marker?.kind === "import";

/** One host on its stand-in: its actions, how to read sheets, its count, and a way to add a user's sheet. */
interface Bench {
  actions: WorkbookActions;
  readImports(): Promise<unknown>;
  count(): number;
  reset(): void;
  fill(rows: string[][]): void;
  uninstall(): void;
}

function wps(sheets?: string[]): Bench {
  const et = installEtStandIn(sheets ? { sheets } : {});
  return {
    actions: createWpsActions(),
    readImports: () => wpsHost.readSheets(IMPORTED),
    count: () => et.stats.calls,
    reset: () => et.stats.reset(),
    fill: (rows) => et.fill(sheets![0], rows),
    uninstall: () => et.uninstall(),
  };
}

function excel(sheets?: string[]): Bench {
  const standIn = installStandIn(sheets ? { sheets } : {});
  return {
    actions: createExcelActions(),
    readImports: () => readExcelSheets(IMPORTED),
    count: () => standIn.stats.syncs,
    reset: () => standIn.stats.reset(),
    fill: (rows) => standIn.workbook.sheet(sheets![0]).setValues("A1", rows),
    uninstall: () => standIn.uninstall(),
  };
}

const SEED_STEPS: Array<[string, (b: Bench) => Promise<unknown>]> = [
  ["导入 (4 seed tables, 170 rows)", (b) => b.actions.importSeeds(none)],
  ["校验 of the seeds", (b) => b.actions.validate({ checkDate: CHECK_DATE }, none)],
  ["校验 again", (b) => b.actions.validate({ checkDate: CHECK_DATE }, none)],
  ["reading the 4 导入 sheets (53 merged areas)", (b) => b.readImports()],
  [
    "生成单位表 (by unit)",
    (b) => b.actions.buildUnitSheets({ by: "unit", checkDate: CHECK_DATE }, none),
  ],
  ["清除标记", (b) => b.actions.clearMarks(none)],
];

/** Runs the seed steps on one host: each step's count, and its time in Node. */
async function seedCounts(host: () => Bench): Promise<Array<{ count: number; ms: number }>> {
  const b = host();
  try {
    const out: Array<{ count: number; ms: number }> = [];
    for (const [, run] of SEED_STEPS) {
      b.reset();
      const started = performance.now();
      await run(b);
      out.push({ count: b.count(), ms: Math.round(performance.now() - started) });
    }
    return out;
  } finally {
    b.uninstall();
  }
}

/** 校验 of `count` rows of a user's sheet on one host: its count and the summary. */
async function rowsCount(host: (sheets: string[]) => Bench, count: number) {
  const b = host(["我的台账"]);
  try {
    b.fill([DISTRICT_HEADER, ...districtRows(count)]);
    b.reset();
    const outcome = await b.actions.validate({ checkDate: CHECK_DATE }, none);
    return { count: b.count(), summary: outcome.summary };
  } finally {
    b.uninstall();
  }
}

/** 校验 of the seeds in WPS, its calls per "Object.Member", most first. */
async function seedMembers(): Promise<string> {
  const et = installEtStandIn({});
  try {
    const actions = createWpsActions();
    await actions.importSeeds(none);
    et.stats.reset();
    await actions.validate({ checkDate: CHECK_DATE }, none);
    return [...et.stats.byMember]
      .sort((p, q) => q[1] - p[1])
      .map(([member, n]) => `${member} ${n}`)
      .join(", ");
  } finally {
    et.uninstall();
  }
}

void (async () => {
  const [inWps, inExcel] = [await seedCounts(wps), await seedCounts(excel)];
  SEED_STEPS.forEach(([name], i) =>
    console.log(
      `${name}: ${inWps[i].count} ET calls (${inWps[i].ms} ms in Node) | Excel: ${inExcel[i].count} syncs`
    )
  );
  console.log(`校验 of the seeds in WPS, calls per member: ${await seedMembers()}`);
  for (const count of [100, 1_000, 2_000, 10_000]) {
    const w = await rowsCount(wps, count);
    const x = await rowsCount(excel, count);
    console.log(
      `校验 of ${count.toLocaleString("en-US")} rows: ${w.count} ET calls | Excel: ${x.count} syncs — ${w.summary}`
    );
  }
})();
