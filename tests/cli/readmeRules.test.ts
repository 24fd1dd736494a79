import { readFileSync } from "fs";
import { join } from "path";
import { rulesMarkdown } from "../../src/cli/rulesCommand";
import { ROOT } from "../support/cli";

test("the README's rule list is the rule catalogue", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = /<!-- rules:start -->\n([\s\S]*?)<!-- rules:end -->/.exec(readme)?.[1];
  expect(block).toBe(rulesMarkdown());
});
