/* global require, document -- Jest runs this before each test file */
/**
 * The task pane's component tests wait for text with Testing Library's findBy…/waitFor, which
 * give up after 1 s. On a busy 2-core machine (CI, or npm test beside a build) a render can take
 * longer, and a pane that works would fail; waits end as soon as the text shows, so a longer
 * limit costs nothing when things are fast. Files without a DOM skip this.
 */
if (typeof document !== "undefined") {
  require("@testing-library/dom").configure({ asyncUtilTimeout: 10000 });
}
