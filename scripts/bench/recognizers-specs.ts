/**
 * Microsoft Recognizers-Text specs (tests/fixtures/recognizers-text-specs/, MIT; see
 * SOURCE.md there): pass counts of our detector per spec file, beside the issue's targets
 * and the .NET implementation's published counts. Mapping rules: recognizers-spec-runner.ts.
 */
import type { BenchRow } from './types';
import { runSpecFile, SPEC_PLAN } from './recognizers-spec-runner';

export async function specRows(): Promise<BenchRow[]> {
  return SPEC_PLAN.map((plan) => {
    const outcome = runSpecFile(plan.file, plan.model, plan.language);
    const row: BenchRow = {
      suite: 'detect',
      metric: `Recognizers-Text ${plan.label} spec passed`,
      value: outcome.passed,
      unit: `of ${outcome.total}`,
      note: `all ${outcome.total} cases run (none skipped)${outcome.valuelessResults ? `; ${outcome.valuelessResults} value-less unit mentions not compared` : ''}${plan.baseline !== undefined ? `; .NET Recognizers-Text: ${plan.baseline}` : ''}`,
    };
    if (plan.target !== undefined) {
      row.target = plan.target;
      row.ok = outcome.passed >= plan.target;
    }
    if (plan.baseline !== undefined) row.baseline = plan.baseline;
    return row;
  });
}

export default async function run(): Promise<BenchRow[]> {
  return specRows();
}
