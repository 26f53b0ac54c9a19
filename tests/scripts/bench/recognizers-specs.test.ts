import { describe, expect, it } from 'vitest';
import { runSpecFile, SPEC_PLAN } from '../../../scripts/bench/recognizers-spec-runner';
import { specRows } from '../../../scripts/bench/recognizers-specs';

/**
 * Pass counts measured on the current detector; a drop below these is a regression.
 * Where the issue sets a target, the floor is whichever is higher.
 */
const FLOORS: Record<string, number> = {
  'Korean Number': 244,
  'Korean Percent': 30,
  'Korean Currency': 103,
  'Korean Dimension': 50,
  'English Number': 214,
  'English Percent': 16,
  'English Currency': 155,
  'English Dimension': 80,
};

describe('Recognizers-Text specs', () => {
  for (const plan of SPEC_PLAN) {
    const floor = Math.max(plan.target ?? 0, FLOORS[plan.label] ?? 0);
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
