import { bundledSeedTables } from "../../src/core/seeds/bundled";
import { seedTables } from "../support/seeds";

test("the seed documents bundled with the add-in are the files in seeds/, read by the same parser", () => {
  const bundled = bundledSeedTables();
  expect(bundled.problems).toEqual([]);
  expect(bundled.tables).toEqual(seedTables());
});
