import { Command } from "commander";
import { mkdirSync } from "fs";
import { dirname, join } from "path";
import { XlsxError } from "../xlsx";
import { checkDateOrToday, rosterOf } from "./checkCommand";
import { writeCheckedWorkbook } from "./workbookCommand";
import { runCheck, type CheckOptions } from "./checkCommand";
import { parseJson, parseSummary } from "./parseCommand";
import { runReport, type ReportOptions } from "./reportCommand";
import { runRosterInfer, type RosterInferOptions } from "./rosterCommand";
import { rulesMarkdown } from "./rulesCommand";
import { readSources, UnreadableInput } from "./sources";

const SEED_PATHS = ["000_867c357d3391b2e7.txt", "003_4a3e803327059358.txt"].map((f) =>
  join(__dirname, "..", "..", "seeds", f)
);
const DEMO_OUTPUT = join("out", "督办助手示例.xlsx");
/** A date inside the plan year, so the demo shows overdue and due-soon tasks. */
const DEMO_CHECK_DATE = "2022-09-30";
const DEMO_HINT = [
  "打开后可以看：",
  "  市重点工作 / 关键任务 / 区重点工作 / 民心工程 — 导入的四张表，红色、黄色单元格是错误和警告，批注写着原因；截止日期、完成状态（下拉）、进展情况三列，超期的行标红；",
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
    .argument("<files...>", "种子文本文件（.txt）")
    .option("--json", "以 JSON 输出")
    .action((files: string[], options: { json?: boolean }) => {
      const result = readSources(files);
      process.stdout.write(
        (options.json ? JSON.stringify(parseJson(result)) : parseSummary(result)) + "\n"
      );
    });

  program
    .command("check")
    .description(
      "校验责任分解表：序号、完成时限、分管领导、牵头单位、表间对应、季度目标、文字与数字"
    )
    .argument("<files...>", "种子文本文件（.txt），一起给出的文件一起校验")
    .option("--json", "每个问题输出一行 JSON")
    .option("--date <YYYY-MM-DD>", "检查日期：给出时报告已超期的任务")
    .option(
      "--roster <file>",
      "名册 JSON 文件（默认：工作簿中的名册；津南区 2022 年的表用随附名册；其他从表格中学习）"
    )
    .option("--no-shipped-roster", "不用随附的津南区 2022 年名册，从表格中学习")
    .option("-o, --output <file.xlsx>", "把标记、校验结果、单位表和汇总写入这个新的 .xlsx 文件")
    .option("--force", "覆盖已存在的输出文件")
    .action(
      async (files: string[], options: CheckOptions & { output?: string; force?: boolean }) => {
        if (options.output) {
          const lines = await writeCheckedWorkbook(files, {
            output: options.output,
            force: options.force === true,
            checkDate: checkDateOrToday(options.date),
            roster: rosterOf(options.roster),
            shipped: options.shippedRoster,
          });
          process.stdout.write(lines.join("\n") + "\n");
          return;
        }
        print(runCheck(files, options));
      }
    );

  program
    .command("demo")
    .description("示例：把随附的四张种子表导入、校验、生成单位表和汇总，写入 out/督办助手示例.xlsx")
    .action(async () => {
      mkdirSync(dirname(DEMO_OUTPUT), { recursive: true });
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
    .argument("<files...>", "种子文本文件（.txt），一起给出的文件一起汇总")
    .option("--as-of <YYYY-MM-DD>", "检查日期（默认为今天）")
    .option("--due-soon <days>", "即将到期的天数（默认 15）")
    .option("--json", "以 JSON 输出汇总数字")
    .action((files: string[], options: ReportOptions) => {
      print(runReport(files, options));
    });

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

// `duban … | head` closes the pipe early; that is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => process.exit(e.code === "EPIPE" ? 0 : 2));
process.on("uncaughtException", fail);
main(process.argv);
