import { describe, expect, it } from 'vitest';
import { CLAIMBUSTER_DIR, claimBusterAvailable, loadClaimBuster, parseCsv } from '../../scripts/claimbuster-data';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    expect(parseCsv('a,b\n"x, ""y""","line\nbreak"\r\n1,2')).toEqual([['a', 'b'], ['x, "y"', 'line\nbreak'], ['1', '2']]);
  });
});

// The data set lives outside the repository; without it these tests are reported as skipped, naming where it was looked for.
describe.skipIf(!claimBusterAvailable())(`loadClaimBuster (data in ${CLAIMBUSTER_DIR})`, () => {
  const { train, test } = claimBusterAvailable() ? loadClaimBuster() : { train: [], test: [] };

  it('splits by debate year as SOURCE.md fixes it: train before 2012, test 2012 and 2016', () => {
    expect(train.every((row) => row.year < 2012)).toBe(true);
    expect(new Set(test.map((row) => row.year))).toEqual(new Set([2012, 2016]));
    expect(train.length + test.length).toBe(22_501 + 1_032);
    // "about 5,300 sentences, about 1,400 CFS" in the test split.
    expect(test.length).toBeGreaterThan(5_200);
    expect(test.length).toBeLessThan(5_400);
    const positives = test.filter((row) => row.positive).length;
    expect(positives).toBeGreaterThan(1_350);
    expect(positives).toBeLessThan(1_450);
  });

  it('keeps every sentence once', () => {
    expect(new Set([...train, ...test].map((row) => row.id)).size).toBe(train.length + test.length);
  });
});
