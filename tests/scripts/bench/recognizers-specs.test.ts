import { describe, expect, it } from 'vitest';
import { runSpecFile, SPEC_PLAN } from '../../../scripts/bench/recognizers-spec-runner';
import { specRows } from '../../../scripts/bench/recognizers-specs';

/** Pass counts measured when the detector was written; a drop below these is a regression. */
const FLOORS: Record<string, number> = {
  'Korean Percent': 30,
  'Korean Currency': 100,
  'Korean Dimension': 48,
  'English Percent': 15,
  'English Currency': 115,
  'English Dimension': 70,
  'English Number': 70,
};

describe('Recognizers-Text specs', () => {
  for (const plan of SPEC_PLAN) {
    const floor = plan.target ?? FLOORS[plan.label];
    it(`${plan.label}: at least ${floor}`, () => {
      const outcome = runSpecFile(plan.file, plan.model, plan.language);
      expect(outcome.total).toBeGreaterThan(0);
      const sample = outcome.failures.slice(0, 5).map((f) => `${f.input}\n  want ${f.expected.join(' | ')}\n  got  ${f.got.join(' | ')}`);
      expect(outcome.passed, sample.join('\n')).toBeGreaterThanOrEqual(floor!);
    });
  }

  it('specRows reports every spec with targets where the issue sets them', async () => {
    const rows = await specRows();
    expect(rows).toHaveLength(SPEC_PLAN.length);
    const currency = rows.find((r) => r.metric.includes('Korean Currency'))!;
    expect(currency.target).toBe(100);
    expect(currency.baseline).toBe(69);
    expect(currency.unit).toBe('of 108');
    expect(currency.ok).toBe(currency.value >= 100);
  });
});
