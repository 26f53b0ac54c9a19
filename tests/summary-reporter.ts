/**
 * Prints the plain closing line CI reads: `N passed, N failed` (", N skipped" when any).
 * With FACTMARK_SUMMARY_FILE set it appends the counts there instead, so that
 * `npm test` can add unit and e2e runs and print one line at the end.
 */
import { appendFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that failed to load has no tests but is a failure.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
    }
    failed += unhandledErrors.length;
    const file = process.env.FACTMARK_SUMMARY_FILE;
    if (file) {
      appendFileSync(file, JSON.stringify({ passed, failed, skipped }) + '\n');
      return;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
