import { Command } from "commander";
import { runCheck, type CheckOptions } from "./checkCommand";
import { parseJson, parseSummary } from "./parseCommand";
import { runReport, type ReportOptions } from "./reportCommand";
import { rulesMarkdown } from "./rulesCommand";
import { readSources, UnreadableInput } from "./sources";

/** `npm run --silent duban -- <command>`: the add-in's engine at a terminal. */
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
    .option("--roster <file>", "名册 JSON 文件（默认为津南区 2022 年名册）")
    .action((files: string[], options: CheckOptions) => {
      const { stdout, stderr } = runCheck(files, options);
      process.stdout.write(stdout);
      if (stderr) process.stderr.write(stderr + "\n");
    });

  program
    .command("report")
    .description("汇总：按表、分类、牵头单位、分管领导统计完成、超期、即将到期情况，输出通报文字")
    .argument("<files...>", "种子文本文件（.txt），一起给出的文件一起汇总")
    .option("--as-of <YYYY-MM-DD>", "检查日期（默认为今天）")
    .option("--due-soon <days>", "即将到期的天数（默认 15）")
    .option("--json", "以 JSON 输出汇总数字")
    .action((files: string[], options: ReportOptions) => {
      const { stdout, stderr } = runReport(files, options);
      process.stdout.write(stdout);
      if (stderr) process.stderr.write(stderr + "\n");
    });

  program
    .command("rules")
    .description("列出全部校验规则（Markdown 表格，供 README 使用）")
    .action(() => {
      process.stdout.write(rulesMarkdown());
    });

  try {
    program.parse(argv);
  } catch (e) {
    fail(e);
  }
}

function fail(e: unknown): never {
  process.stderr.write(`错误：${e instanceof UnreadableInput ? e.message : String(e)}\n`);
  process.exit(2);
}

// `duban … | head` closes the pipe early; that is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => process.exit(e.code === "EPIPE" ? 0 : 2));
process.on("uncaughtException", fail);
main(process.argv);
