/**
 * Dates as figures: `2025년 2월 17일`, `2025.02.17`, `2025. 2. 17.`, `2025-02-17`,
 * `March 4, 2025`, `4 March 2025`, `March 2025`, `2월 17일`, `2027년`. `iso` is the
 * most precise ISO 8601 form the text supports (`2025-02-17`, `2025-03`, `2027`,
 * `--02-17` when the year is not written). A bare `17일` is left alone: without a
 * month it is not resolvable.
 */

import { isWhitespaceCode } from './whitespace';
import { isDigit } from './digits';

export interface DateMatch {
  start: number;
  end: number;
  iso: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const validMonth = (m: number) => m >= 1 && m <= 12;
const validDay = (d: number) => d >= 1 && d <= 31;
const validYear = (y: number) => y >= 1000 && y <= 2999;

function iso(year: number | null, month: number | null, day: number | null): string | null {
  if (month !== null && !validMonth(month)) return null;
  if (day !== null && !validDay(day)) return null;
  if (year !== null && !validYear(year)) return null;
  if (year !== null && month !== null && day !== null) return `${year}-${pad(month)}-${pad(day)}`;
  if (year !== null && month !== null) return `${year}-${pad(month)}`;
  if (year !== null) return String(year);
  if (month !== null && day !== null) return `--${pad(month)}-${pad(day)}`;
  if (month !== null) return `--${pad(month)}`;
  return null;
}

const KOREAN_FULL = /^(\d{4})\s?년(?:\s?(\d{1,2})\s?월(?:\s?(\d{1,2})\s?일)?)?/y;
const KOREAN_MONTH_DAY = /^(\d{1,2})\s?월(?:\s?(\d{1,2})\s?일)?/y;
const NUMERIC = /(\d{4})(?:([.\-/])\s?(\d{1,2})\2\s?(\d{1,2})\.?|\.\s(\d{1,2})\.\s(\d{1,2})\.?)(?![\d.])/y;
const US_NUMERIC = /(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/y;
const DAY_MONTH = /(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?:,?\s+(\d{4}))?(?![\w])/y;

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const monthNumber = (name: string) => MONTHS[name.slice(0, 3).toLowerCase()] ?? null;

/** Month names the scanner anchors on. */
export const MONTH_SOURCE = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const MONTH_FIRST = new RegExp(`${MONTH_SOURCE}(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4})(?!\\d))?|\\s+(\\d{4})(?!\\d))`, 'y');

function at(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

/** A date starting at the digit at `i`. */
export function matchDigitDateAt(text: string, i: number): DateMatch | null {
  // Every pattern opens on a run of exactly 4 digits (year first) or 1-2 digits (month or day first), followed by
  // a character it names: a pattern is tried only when that holds (this runs at every number of the page).
  let run = 0;
  while (run < 5 && isDigit(text.charCodeAt(i + run))) run++;
  if (run !== 4 && run !== 1 && run !== 2) return null;
  const next = text.charCodeAt(i + run);
  const spaceNext = isWhitespaceCode(next);
  // sticky regexes ignore `^`; the sources above use it only for readability
  let m = run === 4 && (spaceNext || next === 0xb144) /* 년 */ ? at(KOREAN_FULL_Y, text, i) : null;
  if (m) {
    const v = iso(Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null);
    if (v) return { start: i, end: i + m[0].length, iso: v };
  }
  m = run === 4 && (next === 46 || next === 45 || next === 47) ? at(NUMERIC, text, i) : null;
  if (m) {
    const month = Number(m[3] ?? m[5]);
    const day = Number(m[4] ?? m[6]);
    const v = iso(Number(m[1]), month, day);
    if (v) return { start: i, end: i + m[0].length, iso: v };
  }
  m = run !== 4 && next === 47 ? at(US_NUMERIC, text, i) : null;
  if (m) {
    const v = iso(Number(m[3]), Number(m[1]), Number(m[2]));
    if (v) return { start: i, end: i + m[0].length, iso: v };
  }
  m = run !== 4 && (spaceNext || next === 0xc6d4) /* 월 */ ? at(KOREAN_MONTH_DAY_Y, text, i) : null;
  if (m) {
    const v = iso(null, Number(m[1]), m[2] ? Number(m[2]) : null);
    if (v) return { start: i, end: i + m[0].length, iso: v };
  }
  m = run !== 4 && (spaceNext || next === 115 || next === 110 || next === 114 || next === 116) /* st nd rd th */ ? at(DAY_MONTH, text, i) : null;
  if (m) {
    const v = iso(m[3] ? Number(m[3]) : null, monthNumber(m[2]!), Number(m[1]));
    if (v) return { start: i, end: i + m[0].length, iso: v };
  }
  return null;
}

const KOREAN_FULL_Y = new RegExp(KOREAN_FULL.source.slice(1), 'y');
const KOREAN_MONTH_DAY_Y = new RegExp(KOREAN_MONTH_DAY.source.slice(1), 'y');

/** A date starting with an English month name at `i` (`March 4, 2025`, `March 2025`). A month alone is not a figure. */
export function matchMonthDateAt(text: string, i: number): DateMatch | null {
  const m = at(MONTH_FIRST, text, i);
  if (!m) return null;
  const month = monthNumber(text.slice(i, i + 3));
  const v = m[3] ? iso(Number(m[3]), month, null) : iso(m[2] ? Number(m[2]) : null, month, Number(m[1]));
  return v ? { start: i, end: i + m[0].length, iso: v } : null;
}

/** Words after which a bare four-digit number is a year. */
export const YEAR_CONTEXT = /(?:^|[^A-Za-z])(?:in|by|since|until|till|from|before|after|during|through|fiscal|FY|year|early|late|mid-|spring|summer|autumn|fall|winter|between|circa|end of|start of|beginning of|half of|quarter of|(?:from|in|between|since) (?:1[89]|20)\d\d (?:to|and|until|through))\s?$/i;
