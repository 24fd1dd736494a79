import { writeFileSync } from "fs";
import { join } from "path";
import { duban, ROOT } from "../support/cli";
import { realXlsxPath } from "../support/realTables";
import { scratchDir } from "../support/scratchDir";

/** parse and check read .xlsx workbooks without -o, say how each column was read, and refuse what is neither format. */
describe("duban on .xlsx workbooks and other files", () => {
  const workbook = realXlsxPath("lishan-2023-list");
  const scratch = scratchDir("duban-xlsx-input-");

  test("parse reads an .xlsx and lists every column with its meaning", () => {
    const run = duban("parse", workbook);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("6 行");
    expect(run.stdout).toContain(
      "列识别：「序号」→序号，「工作任务」→重点工作，「牵头单位」→牵头单位，「责任单位」→配合单位"
    );
    const json = JSON.parse(duban("parse", workbook, "--json").stdout) as {
      tables: { reading: { title: string; key: string | null }[]; rows: unknown[] }[];
    };
    expect(json.tables[0].rows).toHaveLength(6);
    expect(json.tables[0].reading.map((r) => r.key)).toEqual(["seq", "task", "lead", "coop"]);
  });

  test("check reads an .xlsx without -o and names unread columns; --columns reads them", () => {
    const targets = realXlsxPath("shangcheng-2019-targets");
    const run = duban("check", targets);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("列识别：");
    expect(run.stdout).toContain("「目标类型」→类别");
    const mapping = join(scratch, "列对照.json");
    writeFileSync(mapping, JSON.stringify({ 目标类型: "unused", 指标要求: "remark" }));
    const mapped = duban("check", targets, "--columns", mapping);
    expect(mapped.stdout).toContain("「目标类型」未读取（列对照中设为不读取）");
    expect(mapped.stdout).toContain("「指标要求」→备注");
  });

  test("a file that is neither a workbook nor text is an error with exit code 2", () => {
    const run = duban("check", join(ROOT, "assets", "icon-16.png"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("icon-16.png");
    expect(duban("parse", join(ROOT, "assets", "icon-16.png")).status).toBe(2);
  });
});
