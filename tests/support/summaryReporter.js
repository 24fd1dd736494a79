/**
 * Ends a Jest run with one plain line, "jest: N passed, N failed, N skipped", which CI reads
 * to know how many tests ran (Jest's own summary has no such line).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    process.stdout.write(
      `\njest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`
    );
  }
}
module.exports = SummaryReporter;
