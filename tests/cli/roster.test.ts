import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { readXlsx } from "../../src/xlsx";
import { checkedSeedMaster, duban, SEED_FILES as seeds } from "../support/cli";
import { scratchDir } from "../support/scratchDir";

// Large workbooks through the real CLI: minutes on a loaded machine.
jest.setTimeout(300_000);

describe("duban roster infer", () => {
  const dir = scratchDir("duban-roster-");

  test("prints the learned 名册 as the sheet's rows", () => {
    const run = duban("roster", "infer", ...seeds, "--no-shipped-roster");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("类别\t名称\t别名\t也可写作\t成员\t说明");
    expect(lines).toContainEqual(expect.stringMatching(/^单位\t公安分局\t公安津南分局\t/));
    expect(run.stdout).toContain("只出现一次");
  });

  test("-o writes a 名册 sheet into a copy; an edited cell is what check then uses", async () => {
    const checked = join(dir, "checked.xlsx");
    expect((await checkedSeedMaster(checked)).status).toBe(0);
    const before = readFileSync(checked);
    const withRoster = join(dir, "with-roster.xlsx");
    const run = duban("roster", "infer", checked, "--no-shipped-roster", "-o", withRoster);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readFileSync(checked).equals(before)).toBe(true);

    const read = await readXlsx(withRoster);
    const sheet = read.workbook.getWorksheet("名册")!;
    let row = 0;
    sheet.eachRow((r, i) => {
      if (r.getCell(2).value === "公安分局") row = i;
    });
    expect(sheet.getCell(row, 3).value).toBe("公安津南分局");
    // The user writes the other way round: 公安津南分局 is the name, 公安分局 its alias.
    sheet.getCell(row, 2).value = "公安津南分局";
    sheet.getCell(row, 3).value = "公安分局";
    const edited = join(dir, "edited.xlsx");
    await read.workbook.xlsx.writeFile(edited);

    const out = join(dir, "out.xlsx");
    const check = duban("check", edited, "--date", "2022-09-30", "-o", out);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("名册：使用工作簿中的名册");
    const result = (await readXlsx(out)).workbook.getWorksheet("校验结果")!;
    const messages: string[] = [];
    result.eachRow((r) => messages.push(String(r.getCell(8).value ?? "")));
    expect(messages.some((m) => m.includes("「公安分局」") && m.includes("「公安津南分局」"))).toBe(
      true
    );
    expect(
      messages.some((m) => m.startsWith("「公安津南分局」") && m.includes("统一写作「公安分局」"))
    ).toBe(false);
  });

  test("--json prints roster JSON that check --roster accepts", () => {
    const json = join(dir, "roster.json");
    const run = duban("roster", "infer", ...seeds, "--no-shipped-roster", "--json");
    expect(run.status).toBe(0);
    writeFileSync(json, run.stdout);
    const check = duban("check", ...seeds, "--roster", json);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("名册：使用工作簿中的名册（或指定的名册文件）");
  });
});
