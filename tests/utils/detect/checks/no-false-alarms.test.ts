/**
 * No false alarms: ordinary news text whose figures do not conflict must not
 * raise a single check, through the real figure detector. Sources are named
 * in each fixture's header (ClaimBuster debate sentences and news paragraphs
 * written for this project). The mutation cases prove the corpus exercises
 * the checks: one changed figure makes the matching check fire.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findChecks } from '../../../../utils/detect/checks';
import { splitSentences } from '../../../../utils/detect/checks/context';
import { detectFigures } from '../../../../utils/detect/figures';

function corpus(name: string): string {
  const raw = readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8');
  return raw
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .trim();
}

function checksOn(text: string) {
  const figures = detectFigures(text);
  return { figures, checks: findChecks(text, figures) };
}

const describeChecks = (text: string) =>
  checksOn(text).checks.map((c) => `${c.kind}: ${c.message}`);

for (const lang of ['en', 'ko'] as const) {
  describe(`no false alarms on checks-no-false-alarms-${lang}.txt`, () => {
    const text = corpus(`checks-no-false-alarms-${lang}.txt`);

    it('holds at least 200 sentences with well over 200 figures', () => {
      expect(splitSentences(text).sentences.length).toBeGreaterThanOrEqual(200);
      expect(checksOn(text).figures.length).toBeGreaterThan(300);
    });

    it('raises no check on the whole text read as one page', () => {
      expect(describeChecks(text)).toEqual([]);
    });

    it('raises no check on any paragraph read alone', () => {
      const raised = text.split('\n').flatMap(describeChecks);
      expect(raised).toEqual([]);
    });
  });
}

describe('the corpora exercise the checks: one changed figure makes them fire', () => {
  const en = corpus('checks-no-false-alarms-en.txt');
  const ko = corpus('checks-no-false-alarms-ko.txt');
  const cases: Array<[string, string, string, string]> = [
    [en, 'a total outlay of $90 million', 'a total outlay of $9 million', 'product'],
    [en, 'natural gas accounts for 43%', 'natural gas accounts for 53%', 'parts'],
    [en, 'to $14.2 billion from $8.8 billion', 'to $14.2 billion from $6.8 billion', 'change'],
    [en, '650 billion won ($500 million)', '650 billion won ($300 million)', 'conversion'],
    [ko, '총 900억원을 투입', '총 9000억원을 투입', 'product'],
    [ko, '채권은 36.3%', '채권은 46.3%', 'parts'],
    [ko, '올해 9860원보다 1.7% 오른다', '올해 9560원보다 1.7% 오른다', 'change'],
    [ko, '43억달러(약 5조9000억원)', '43억달러(약 7조9000억원)', 'conversion'],
  ];
  it.each(cases.map(([text, from, to, kind]) => ({ text, from, to, kind })))('$kind after “$from” → “$to”', ({ text, from, to, kind }) => {
    expect(text).toContain(from);
    const kinds = checksOn(text.replace(from, to)).checks.map((c) => c.kind);
    expect(kinds).toEqual([kind]);
  });
});
