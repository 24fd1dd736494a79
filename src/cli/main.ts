import { Command } from "commander";
import { mkdirSync } from "fs";
import { dirname, join } from "path";
import { setFlagsFromString } from "v8";
import { XlsxError } from "../xlsx/errors";
import { checkDateOrToday, rosterOf } from "./checkCommand";
import { runCheck, type CheckOptions } from "./checkCommand";
import { parseJson, parseSummary } from "./parseCommand";
import { runReport, type ReportOptions } from "./reportCommand";
import type { RosterInferOptions } from "./rosterCommand";
import { rulesMarkdown } from "./rulesCommand";
import { readSources, UnreadableInput, vocabularyOf } from "./sources";

// The commands that write .xlsx files (check -o, demo, split, collect, roster infer) are loaded
// when they run: ExcelJS takes half a second of CPU to load, which parse, check, report and rules
// on text files need not pay.

const SEED_PATHS = ["000_867c357d3391b2e7.txt", "003_4a3e803327059358.txt"].map((f) =>
  join(__dirname, "..", "..", "seeds", f)
);
const COLUMNS_HELP =
  '列对照 JSON 文件：{"表头": "含义"}，把表头读作 task、detail、due、leader、lead、coop、person 等，或 "unused" 不读取';
const DEMO_OUTPUT = join("out", "督办助手示例.xlsx");
/** A date inside the plan year, so the demo shows overdue and due-soon tasks. */
const DEMO_CHECK_DATE = "2022-09-30";
const DEMO_HINT = [
  "打开后可以看：",
  "  市重点工作 / 关键任务 / 区重点工作 / 民心工程 — 导入的四张表，红色、黄色单元格是错误和警告，批注写着原因；截止日期、完成状态（下拉）、进展情况三列，截止日期和完成状态两格按检查日期 2022-09-30 着色（超期橙、即将到期黄、已完成绿、无截止日期灰，标题行右侧有图例）；",
  "  校验结果 — 每个问题一行，点“位置”跳到单元格；",
  "  单位-… — 每个牵头单位一张表，牵头事项和配合事项分开，按截止日期排序；",
  "  汇总 — 按单位、分管领导、表格统计的完成和超期情况，以及可直接用于通报的文字。",
].join("\n");

/** `npm run --silent duban -- <command>`: the add-in's engine at a terminal. */
/** A command's output: the report on stdout, problems with the input on stderr. */
function print({ stdout, stderr }: { stdout: string; stderr: string }): void {
  process.stdout.write(stdout);
  if (stderr) process.stderr.write(stderr + "\n");
}

function main(argv: string[]): void {
  const program = new Command()
    .name("duban")
    .description("督办助手命令行：读取、校验、汇总责任分解表")
    .showHelpAfterError();

  program
    .command("parse")
    .description("读取责任分解表，打印表格内容")
    .argument("<files...>", "种子文本文件（.txt）或 .xlsx 工作簿")
    .option("--json", "以 JSON 输出")
    .option("--columns <file.json>", COLUMNS_HELP)
    .action(async (files: string[], options: { json?: boolean; columns?: string }) => {
      const result = await readSources(files, vocabularyOf(options.columns));
      process.stdout.write(
        (options.json ? JSON.stringify(parseJson(result)) : parseSummary(result)) + "\n"
      );
    });

  program
    .command("check")
    .description(
      "校验责任分解表：序号、完成时限、分管领导、牵头单位、表间对应、季度目标、文字与数字"
    )
    .argument("<files...>", "种子文本文件（.txt）或 .xlsx 工作簿，一起给出的文件一起校验")
    .option("--json", "每个问题输出一行 JSON")
    .option("--date <YYYY-MM-DD>", "检查日期：给出时报告已超期的任务")
    .option(
      "--roster <file>",
      "名册 JSON 文件（默认：工作簿中的名册；津南区 2022 年的表用随附名册；其他从表格中学习）"
    )
    .option("--no-shipped-roster", "不用随附的津南区 2022 年名册，从表格中学习")
    .option("--columns <file.json>", COLUMNS_HELP)
    .option("-o, --output <file.xlsx>", "把标记、校验结果、单位表和汇总写入这个新的 .xlsx 文件")
    .option("--force", "覆盖已存在的输出文件")
    .action(
      async (files: string[], options: CheckOptions & { output?: string; force?: boolean }) => {
        if (options.output) {
          const { writeCheckedWorkbook } = await import("./workbookCommand");
          const lines = await writeCheckedWorkbook(files, {
            output: options.output,
            force: options.force === true,
            checkDate: checkDateOrToday(options.date),
            roster: rosterOf(options.roster),
            vocabulary: vocabularyOf(options.columns),
            shipped: options.shippedRoster,
          });
          process.stdout.write(lines.join("\n") + "\n");
          return;
        }
        print(await runCheck(files, options));
      }
    );

  program
    .command("demo")
    .description("示例：把随附的四张种子表导入、校验、生成单位表和汇总，写入 out/督办助手示例.xlsx")
    .action(async () => {
      mkdirSync(dirname(DEMO_OUTPUT), { recursive: true });
      const { writeCheckedWorkbook } = await import("./workbookCommand");
      const lines = await writeCheckedWorkbook(SEED_PATHS, {
        output: DEMO_OUTPUT,
        force: true,
        checkDate: DEMO_CHECK_DATE,
        roster: null,
      });
      process.stdout.write([...lines, DEMO_HINT].join("\n") + "\n");
    });

  program
    .command("report")
    .description("汇总：按表、分类、牵头单位、分管领导统计完成、超期、即将到期情况，输出通报文字")
    .argument("<files...>", "种子文本文件（.txt）或 .xlsx 工作簿，一起给出的文件一起汇总")
    .option("--as-of <YYYY-MM-DD>", "检查日期（默认为今天）")
    .option("--due-soon <days>", "即将到期的天数（默认 15）")
    .option("--json", "以 JSON 输出汇总数字")
    .option("--columns <file.json>", COLUMNS_HELP)
    .action(async (files: string[], options: ReportOptions) => {
      print(await runReport(files, options));
    });

  program
    .command("split")
    .description("下发：按单位拆分总表，每个单位一个 .xlsx 文件（单位名-督办事项-日期.xlsx）")
    .argument("<master>", "总表（.xlsx）")
    .requiredOption("-o, --output <folder>", "写入下发文件的文件夹")
    .option("--date <YYYY-MM-DD>", "下发日期（默认为今天）：写入文件名，并按它计算截止日期")
    .option(
      "--roster <file>",
      "名册 JSON 文件（默认：总表中的名册；津南区 2022 年的表用随附名册；其他从表格中学习）"
    )
    .option("--force", "覆盖文件夹中已有的同名文件")
    .action(
      async (
        master: string,
        options: { output: string; date?: string; roster?: string; force?: boolean }
      ) => {
        const { runSplit } = await import("./splitCommand");
        const lines = await runSplit(master, {
          output: options.output,
          date: checkDateOrToday(options.date),
          roster: rosterOf(options.roster),
          force: options.force === true,
        });
        process.stdout.write(lines.join("\n") + "\n");
      }
    );

  program
    .command("collect")
    .description("回收：把各单位报回的文件对应到总表，写入总表的副本（含回收情况和汇总）")
    .argument("<master>", "总表（.xlsx），不会被修改")
    .argument("<returns...>", "各单位报回的 .xlsx 文件")
    .requiredOption("-o, --output <file.xlsx>", "写入结果的新文件")
    .option("--date <YYYY-MM-DD>", "回收日期（默认为今天）：汇总按它统计")
    .option(
      "--roster <file>",
      "名册 JSON 文件（默认：总表中的名册；津南区 2022 年的表用随附名册；其他从表格中学习）"
    )
    .option(
      "--conflicts <choice>",
      "待确认各处的处理：master 保留总表（默认）、return 采用回收、both 两者都保留",
      "master"
    )
    .option(
      "--decisions <file.xlsx>",
      "按此工作簿「回收情况」中填写的「处理」决定各处待确认（默认：总表自己的「回收情况」）；未填写的按 --conflicts"
    )
    .option("--force", "覆盖已存在的输出文件")
    .action(
      async (
        master: string,
        returns: string[],
        options: {
          output: string;
          date?: string;
          roster?: string;
          force?: boolean;
          conflicts: string;
          decisions?: string;
        }
      ) => {
        if (!["master", "return", "both"].includes(options.conflicts))
          throw new UnreadableInput(
            `--conflicts 只能是 master、return 或 both，而不是「${options.conflicts}」。`
          );
        const { runCollect } = await import("./collectCommand");
        const { lines } = await runCollect(master, returns, {
          output: options.output,
          date: checkDateOrToday(options.date),
          roster: rosterOf(options.roster),
          force: options.force === true,
          conflicts: options.conflicts as "master" | "return" | "both",
          decisions: options.decisions,
        });
        process.stdout.write(lines.join("\n") + "\n");
      }
    );

  program
    .command("roster")
    .description("名册")
    .command("infer")
    .description(
      "整理名册：津南区 2022 年的表用随附名册，其他从表格中学习（领导、单位、别名、单位组）并打印；-o 写入工作簿副本的“名册”工作表"
    )
    .argument("<files...>", "一个 .xlsx 工作簿或种子文本文件（.txt）")
    .option("--json", "以名册 JSON 输出（可用于 check --roster）")
    .option("--no-shipped-roster", "不用随附的津南区 2022 年名册，从表格中学习")
    .option("-o, --output <file.xlsx>", "把名册写入这个新的 .xlsx 文件（输入工作簿的副本）")
    .option("--force", "覆盖已存在的输出文件")
    .action(async (files: string[], options: RosterInferOptions) => {
      const { runRosterInfer } = await import("./rosterCommand");
      process.stdout.write(await runRosterInfer(files, options));
    });

  program
    .command("rules")
    .description("列出全部校验规则（Markdown 表格，供 README 使用）")
    .action(() => {
      process.stdout.write(rulesMarkdown());
    });

  program.parseAsync(argv).catch(fail);
}

function fail(e: unknown): never {
  const known = e instanceof UnreadableInput || e instanceof XlsxError;
  process.stderr.write(`错误：${known ? e.message : String(e)}\n`);
  process.exit(2);
}

// V8 lets the heap grow to up to four times what its last full collection found live before it
// collects again; a 20,000-row check -o holds 150–200 MB live, and its garbage took the process
// to 780–900 MB. Twice what is live: 606 MB, the same CPU time, and 1,816 MB instead of 1,881
// at 100,000 rows (bench/cliMemory.ts, README 性能). V8 reads the factor at each collection.
setFlagsFromString("--heap-growing-percent=100");

// `duban … | head` closes the pipe early; that is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => process.exit(e.code === "EPIPE" ? 0 : 2));
process.on("uncaughtException", fail);
main(process.argv);
