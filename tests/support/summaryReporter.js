/**
 * Ends a Jest run with one plain line, "jest: N passed, N failed, N skipped", which CI reads
 * to know how many tests ran (Jest's own summary has no such line). Above it, every skipped
 * test by name: a test skipped for a missing program (LibreOffice) says so in its name.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const skipped = results.testResults.flatMap((file) =>
      file.testResults
        .filter((t) => t.status === "pending" || t.status === "skipped" || t.status === "todo")
        .map((t) => `  ${[...t.ancestorTitles, t.title].join(" › ")}`)
    );
    const list = skipped.length > 0 ? `\nskipped tests:\n${skipped.join("\n")}\n` : "";
    process.stdout.write(
      `${list}\njest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`
    );
  }
}
module.exports = SummaryReporter;
