/**
 * Runs Microsoft Recognizers-Text spec files (tests/fixtures/recognizers-text-specs/,
 * MIT, see SOURCE.md there) against our detector. Used by the benchmark
 * (scripts/bench/recognizers-specs.ts) and by a unit test that fails when pass counts
 * fall under the targets.
 *
 * How a spec case maps to our output (decided here, never by editing the data):
 * - Number models → the number layer (`findKoreanNumbers` / `findEnglishNumbers`): every
 *   expected number must be found, in order, with the same text and value, and nothing else.
 * - Percent, Currency, Dimension models → `detectFigures`, keeping figures of kind
 *   percent / money / quantity. Expected units named in words ("Dollar", "Millimeter") are
 *   mapped below to our codes and factors (Cent → USD × 0.01, Mile → m × 1609.344), and the
 *   expected value is converted before comparing. A bare "Franc" maps to CHF, the franc
 *   that is still current.
 * - Our figure text may carry a qualifier the spec leaves out (`약 9천만 달러`); it matches
 *   when it contains the expected text and the figure has a qualifier.
 * - The specs have no ranges in NumberWithUnit; Recognizers reports the last number with
 *   its unit (`8 ~ 10 피트` → `10 피트`). A range figure matches when the expected text ends
 *   it and the expected value is its max.
 * - Expected results without a value (a bare currency or unit name such as `달러`) are not
 *   figures and are left out of the comparison; the count of such results is reported.
 * - Every case runs, including those marked NotSupported for other ports: the targets
 *   count all cases.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { detectFigures } from '../../utils/detect/figures';
import { findKoreanNumbers } from '../../utils/detect/korean-numerals';
import { findEnglishNumbers } from '../../utils/detect/english-numbers';
import { probeUnit } from '../../utils/detect/units';
import type { Figure } from '../../utils/detect/types';

export const SPEC_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/recognizers-text-specs');

interface SpecResult {
  Text: string;
  TypeName?: string;
  Resolution?: { value?: string | null; unit?: string; isoCurrency?: string };
}
interface SpecCase {
  Input: string;
  Results: SpecResult[];
  NotSupported?: string;
  NotSupportedByDesign?: string;
}

export type SpecModel = 'number' | 'percent' | 'currency' | 'dimension';
export type SpecLanguage = 'Korean' | 'English';

export interface SpecOutcome {
  file: string;
  total: number;
  passed: number;
  /** Expected results without a value, left out of the comparison. */
  valuelessResults: number;
  failures: { input: string; expected: string[]; got: string[] }[];
}

const CURRENCY_UNITS: Record<string, [string, number]> = {
  Dollar: ['USD', 1], 'United States dollar': ['USD', 1], Cent: ['USD', 0.01],
  Pound: ['GBP', 1], Pence: ['GBP', 0.01], Penny: ['GBP', 0.01],
  Franc: ['CHF', 1], Peseta: ['ESP', 1], 'Finnish markka': ['FIM', 1], 'Netherlands guilder': ['NLG', 1],
};

const DIMENSION_UNITS: Record<string, [string, number]> = {
  Meter: ['m', 1], Kilometer: ['m', 1e3], Centimeter: ['m', 0.01], Millimeter: ['m', 1e-3], Decimeter: ['m', 0.1], Picometer: ['m', 1e-12], Nanometer: ['m', 1e-9],
  Mile: ['m', 1609.344], Foot: ['m', 0.3048], Inch: ['m', 0.0254], Yard: ['m', 0.9144],
  'Square meter': ['m²', 1], 'Square kilometer': ['m²', 1e6], 'Square foot': ['m²', 0.09290304], Acre: ['m²', 4046.8564224], Hectare: ['m²', 1e4],
  Liter: ['L', 1], Milliliter: ['L', 1e-3], Gallon: ['L', 3.785411784], Barrel: ['L', 158.987294928], 'Cubic foot': ['L', 28.316846592], 'Cubic meter': ['L', 1000],
  Gram: ['g', 1], Kilogram: ['g', 1e3], Milligram: ['g', 1e-3], Microgram: ['g', 1e-6], Ton: ['g', 1e6], 'Metric ton': ['g', 1e6], Pound: ['g', 453.59237], Ounce: ['g', 28.349523125],
  Bit: ['bit', 1], Megabit: ['bit', 1e6], Byte: ['B', 1], Megabyte: ['B', 1e6], Gigabyte: ['B', 1e9], Kilobyte: ['B', 1e3],
  'Mile per hour': ['km/h', 1.609344], 'Kilometer per hour': ['km/h', 1],
};

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) || Math.abs(a - b) < 1e-6;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export function loadSpec(file: string): SpecCase[] {
  return JSON.parse(readFileSync(join(SPEC_DIR, file), 'utf8')) as SpecCase[];
}

function expectedFigure(model: SpecModel, r: SpecResult): { text: string; value: number; unit: string } | null {
  const raw = r.Resolution?.value;
  if (raw === null || raw === undefined || raw === 'null') return null;
  if (model === 'percent') return { text: r.Text, value: Number(String(raw).replace('%', '')), unit: '%' };
  const name = r.Resolution?.unit ?? '';
  const table = model === 'currency' ? CURRENCY_UNITS : DIMENSION_UNITS;
  const mapped = table[name] ?? (model === 'currency' && r.Resolution?.isoCurrency ? [r.Resolution.isoCurrency, 1] : null);
  if (!mapped) return { text: r.Text, value: Number(raw), unit: `?${name}` };
  return { text: r.Text, value: Number(raw) * mapped[1], unit: mapped[0] };
}

function figureMatches(f: Figure, e: { text: string; value: number; unit: string }): boolean {
  if (f.unit !== e.unit) return false;
  const got = squash(f.text);
  const want = squash(e.text);
  if (f.value !== undefined) {
    if (!close(f.value, e.value)) return false;
    return got === want || (!!f.qualifier && got.includes(want));
  }
  // a range against the last number the spec reports
  return f.max !== undefined && close(f.max, e.value) && got.endsWith(want);
}

const KIND_FOR: Record<Exclude<SpecModel, 'number'>, Figure['kind']> = { percent: 'percent', currency: 'money', dimension: 'quantity' };

export function runSpecFile(file: string, model: SpecModel, language: SpecLanguage): SpecOutcome {
  const cases = loadSpec(file);
  const outcome: SpecOutcome = { file, total: cases.length, passed: 0, valuelessResults: 0, failures: [] };
  for (const c of cases) {
    let ok: boolean;
    let got: string[];
    let expected: string[];
    if (model === 'number') {
      const found = language === 'Korean' ? findKoreanNumbers(c.Input, probeUnit) : findEnglishNumbers(c.Input);
      got = found.map((n) => `${c.Input.slice(n.start, n.end).trim()}=${n.value}`);
      const want = c.Results.map((r) => ({ text: r.Text.trim(), value: Number(r.Resolution?.value) }));
      expected = want.map((w) => `${w.text}=${w.value}`);
      ok = found.length === want.length && found.every((n, k) => squash(c.Input.slice(n.start, n.end)) === squash(want[k]!.text) && close(n.value, want[k]!.value));
    } else {
      const figures = detectFigures(c.Input).filter((f) => f.kind === KIND_FOR[model]);
      const want = c.Results.map((r) => expectedFigure(model, r));
      outcome.valuelessResults += want.filter((w) => w === null).length;
      const wanted = want.filter((w): w is NonNullable<typeof w> => w !== null);
      got = figures.map((f) => `${f.text}=${f.value ?? `${f.min}..${f.max}`} ${f.unit}`);
      expected = wanted.map((w) => `${w.text}=${w.value} ${w.unit}`);
      ok = figures.length === wanted.length && wanted.every((w) => figures.some((f) => figureMatches(f, w)));
    }
    if (ok) outcome.passed++;
    else outcome.failures.push({ input: c.Input, expected, got });
  }
  return outcome;
}

export interface SpecPlan {
  label: string;
  file: string;
  model: SpecModel;
  language: SpecLanguage;
  target?: number;
  /** Another implementation's result on the same file, measured by its authors. */
  baseline?: number;
}

export const SPEC_PLAN: SpecPlan[] = [
  { label: 'Korean Number', file: 'Number_Korean_NumberModel.json', model: 'number', language: 'Korean', target: 240 },
  { label: 'Korean Percent', file: 'Number_Korean_PercentModel.json', model: 'percent', language: 'Korean' },
  { label: 'Korean Currency', file: 'NumberWithUnit_Korean_CurrencyModel.json', model: 'currency', language: 'Korean', target: 100, baseline: 69 },
  { label: 'Korean Dimension', file: 'NumberWithUnit_Korean_DimensionModel.json', model: 'dimension', language: 'Korean', target: 48, baseline: 43 },
  { label: 'English Number', file: 'Number_English_NumberModel.json', model: 'number', language: 'English' },
  { label: 'English Percent', file: 'Number_English_PercentModel.json', model: 'percent', language: 'English' },
  { label: 'English Currency', file: 'NumberWithUnit_English_CurrencyModel.json', model: 'currency', language: 'English' },
  { label: 'English Dimension', file: 'NumberWithUnit_English_DimensionModel.json', model: 'dimension', language: 'English' },
];
