import "./textModules";
import { writeFileSync } from "fs";
import { readGridTable } from "../src/core/grid/gridTable";
import { generateSheets, layoutsOf, type GenerateParts } from "../src/core/outputs/generate";
import type { PlacedTable } from "../src/core/outputs/validationSheets";
import { parseSeedText } from "../src/core/parse/seedText";
import { defaultRoster } from "../src/core/roster";
import { RULES, validate } from "../src/core/rules/engine";
import { RuleContext } from "../src/core/rules/context";
import type { SeverityTotals } from "../src/core/rules/schema";
import type { FieldKey, Table } from "../src/core/table/schema";
import { createExcelActions } from "../src/excel/workflows";
import { MemorySampler, median, timed, type Timing } from "./measure";
import { naiveUnitSheets, naiveValidate } from "./naiveAdapter";
import { command, workbookWith, type CommandStats } from "./standin";
import { importGrids, syntheticDocument, syntheticTables } from "./synthetic";

/**
 * One size of the bench, run in its own process (bench/run.ts starts it with --expose-gc) so
 * that memory figures belong to this size alone. Usage: size.ts <rows> <result.json> [--full]
 */

/** The day the checks are made: the seeds' 2022 plan, three quarters in. */
export const CHECK_DATE = "2022-09-30";
/** Above this size the naive adapter and 生成单位表 on the stand-in are scaled, not run (see run.ts). */
export const LARGEST_RUN_ON_STANDIN = 10_000;

export interface ComputeSteps {
  /** parseSeedText over the synthetic document. */
  parse: Timing;
  /** readGridTable over the 导入 sheets' grids: what 校验 reads in Excel. */
  readGrid: Timing;
  validate: Timing;
  /** generateSheets({check}): placeIssues + buildMarkOps + buildIssueSheet, the 校验 WorkbookPatch. */
  checkPatch: Timing;
  /** generateSheets({units}): the 生成单位表 WorkbookPatch. */
  unitPatch: Timing;
}

export interface SizeResult {
  rows: number;
  perTable: Record<string, number>;
  input: {
    generate: Timing;
    textBytes: number;
    /** Share of own (not merged) cells whose text occurs once: caches keyed by text gain little. */
    distinct: Partial<Record<FieldKey, number>>;
  };
  runs: number;
  /** Median run (by CPU time) of each step, and the first run (cold). */
  compute: ComputeSteps;
  firstRun: ComputeSteps;
  issues: { totals: SeverityTotals; total: number; byRule: Record<string, number> };
  patch: { marks: number; checkBytes: number; unitSheets: number; unitBytes: number };
  memory: ReturnType<MemorySampler["report"]>;
  /**
   * CPU ms of each rule in one more validation, rules run in engine order on one RuleContext:
   * the first rule to need a cell's deadlines or names pays for parsing them (they are cached).
   */
  ruleCpuMs: Record<string, number>;
  adapter: { check: CommandStats | null; unitSheets: CommandStats | null };
  naive: { check: CommandStats | null; unitSheets: CommandStats | null };
}

const RUNS = (rows: number) => (rows <= 1_000 ? 5 : 3);

function distinctShare(tables: readonly Table[], key: FieldKey): number {
  const cells = tables.flatMap((t) =>
    t.rows.filter((r) => !r.merged.includes(key) && r.fields[key]).map((r) => r.fields[key])
  );
  return cells.length === 0 ? 1 : new Set(cells).size / cells.length;
}

function computeOnce(
  doc: ReturnType<typeof syntheticDocument>,
  grids: ReturnType<typeof importGrids>,
  memory: MemorySampler
) {
  const roster = defaultRoster();
  const parse = timed(() => parseSeedText(doc.text, doc.source));
  memory.sample();
  const readGrid = timed(() =>
    grids.flatMap((grid): PlacedTable[] => {
      const read = readGridTable(grid);
      return read.table ? [{ table: read.table, layout: read.layout }] : [];
    })
  );
  memory.sample();
  const placed = readGrid.value;
  const checked = timed(() =>
    validate(
      placed.map((p) => p.table),
      { roster, checkDate: CHECK_DATE, layouts: layoutsOf(placed) }
    )
  );
  memory.sample();
  // The add-in's and the CLI's composition: 校验's patch from the findings just timed, then
  // 生成单位表's alone.
  const generate = (parts: GenerateParts) =>
    generateSheets({
      placed,
      roster,
      tracking: { checkDate: CHECK_DATE },
      existing: [],
      parts,
      result: checked.value,
    });
  const checkPatch = timed(() => generate({ check: true }).sheets);
  memory.sample();
  const unitPatch = timed(() => generate({ units: "unit" }).units!);
  memory.sample();
  if (parse.value.problems.length > 0 || placed.length !== parse.value.tables.length) {
    throw new Error("the synthetic tables did not read back whole");
  }
  return {
    steps: {
      parse: parse.time,
      readGrid: readGrid.time,
      validate: checked.time,
      checkPatch: checkPatch.time,
      unitPatch: unitPatch.time,
    },
    result: checked.value,
    checkOps: checkPatch.value,
    unitOps: unitPatch.value.sheets,
  };
}

function ruleTimes(tables: readonly Table[]): Record<string, number> {
  const context = new RuleContext(tables, { roster: defaultRoster(), checkDate: CHECK_DATE });
  return Object.fromEntries(
    RULES.map((rule) => [rule.id, timed(() => rule.check(context)).time.cpuMs])
  );
}

function medianSteps(runs: readonly ComputeSteps[]): ComputeSteps {
  const step = (k: keyof ComputeSteps) => median(runs.map((r) => r[k]));
  return {
    parse: step("parse"),
    readGrid: step("readGrid"),
    validate: step("validate"),
    checkPatch: step("checkPatch"),
    unitPatch: step("unitPatch"),
  };
}

export async function measureSize(rows: number, full: boolean): Promise<SizeResult> {
  const generated = timed(() => {
    const doc = syntheticDocument(rows);
    const tables = syntheticTables(doc);
    return { doc, tables, grids: importGrids(tables, CHECK_DATE) };
  });
  const { doc, tables, grids } = generated.value;

  const memory = new MemorySampler();
  memory.start();
  const runs: ComputeSteps[] = [];
  let last: ReturnType<typeof computeOnce> | undefined;
  for (let i = 0; i < RUNS(rows); i++) {
    last = computeOnce(doc, grids, memory);
    runs.push(last.steps);
  }
  const memoryReport = memory.report();
  const { result, checkOps, unitOps } = last!;
  const byRule: Record<string, number> = {};
  for (const issue of result.issues) byRule[issue.rule] = (byRule[issue.rule] ?? 0) + 1;
  last = undefined;
  const ruleCpuMs = ruleTimes(tables);

  const roster = defaultRoster();
  const onStandIn = full || rows <= LARGEST_RUN_ON_STANDIN;
  const actions = createExcelActions({ roster });
  const real = await workbookWith(tables, CHECK_DATE);
  const check = await command(real.excel, () =>
    actions.validate({ checkDate: CHECK_DATE }, () => undefined)
  );
  const unitSheets = onStandIn
    ? await command(real.excel, () =>
        actions.buildUnitSheets({ by: "unit", checkDate: CHECK_DATE }, () => undefined)
      )
    : null;
  real.excel.uninstall();

  let naive: SizeResult["naive"] = { check: null, unitSheets: null };
  if (onStandIn) {
    const plain = await workbookWith(tables, CHECK_DATE);
    naive = {
      check: await command(plain.excel, () => naiveValidate(plain.sheets, roster, CHECK_DATE)),
      unitSheets: await command(plain.excel, () =>
        naiveUnitSheets(plain.sheets, roster, CHECK_DATE)
      ),
    };
    plain.excel.uninstall();
  }

  return {
    rows,
    perTable: doc.perTable,
    input: {
      generate: generated.time,
      textBytes: Buffer.byteLength(doc.text, "utf8"),
      distinct: Object.fromEntries(
        (["task", "detail", "q4", "leader", "lead"] as const).map((k) => [
          k,
          distinctShare(tables, k),
        ])
      ),
    },
    runs: runs.length,
    compute: medianSteps(runs),
    firstRun: runs[0],
    issues: { totals: result.totals, total: result.issues.length, byRule },
    patch: {
      marks: checkOps.reduce((n, op) => n + (op.marks?.length ?? 0), 0),
      checkBytes: Buffer.byteLength(JSON.stringify(checkOps), "utf8"),
      unitSheets: unitOps.length,
      unitBytes: Buffer.byteLength(JSON.stringify(unitOps), "utf8"),
    },
    memory: memoryReport,
    ruleCpuMs,
    adapter: { check, unitSheets },
    naive,
  };
}

if (require.main === module) {
  const [rows, out, flag] = process.argv.slice(2);
  measureSize(Number(rows), flag === "--full")
    .then((result) => writeFileSync(out, JSON.stringify(result)))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
