import { describe, expect, it } from 'vitest';
import { letterNumberWords, significantDigits, splitSentences } from '../../../../utils/detect/checks/context';
import { xorshiftRandom } from '../../../seeded-random';

/** The definition significantDigits shortcuts: toPrecision(12), exponent and point dropped, zeros trimmed. */
function byToPrecision(value: number): string {
  const written = value.toPrecision(12);
  const mantissa = written.split('e')[0];
  return mantissa.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
}

/** Deterministic pseudo-random numbers (xorshift), so a failure can be replayed. */
function* numbers(count: number): Generator<number> {
  const next = xorshiftRandom(0x9e3779b9);
  for (let i = 0; i < count; i++) {
    const r = next();
    const sign = next() < 0.2 ? -1 : 1;
    if (r < 0.25) yield sign * Math.round(next() * 1e6) * 10 ** Math.floor(next() * 22); // round figures in base units
    else if (r < 0.5) yield sign * Number((next() * 1000).toFixed(Math.floor(next() * 5))); // written decimals
    else if (r < 0.75) yield sign * next() * 10 ** (next() * 80 - 40); // full-precision doubles
    else yield sign * Number(next().toPrecision(1 + Math.floor(next() * 16))) * 10 ** Math.floor(next() * 44 - 22);
  }
}

describe('significantDigits', () => {
  it('reads the digits as written', () => {
    expect(significantDigits(14.2e9)).toBe('142');
    expect(significantDigits(0.05)).toBe('5');
    expect(significantDigits(6e18)).toBe('6');
    expect(significantDigits(0.1 + 0.2)).toBe('3'); // 0.30000000000000004 at 12 digits
  });

  it('equals toPrecision(12) with the point and zeros cut, edge cases and 200,000 pseudo-random numbers', () => {
    const edges = [0, -0, 1, -1, 1e21, 1e-6, 1e-7, 5e-324, Number.MAX_VALUE, 2 ** 53 + 2, 999999999999.5, 9.999999999995, 123456789012, 1234567890123, -0.05, 1.4199999999999999, NaN, Infinity, -Infinity];
    for (const value of [...edges, ...numbers(200_000)]) {
      if (significantDigits(value) !== byToPrecision(value)) expect([value, significantDigits(value)]).toEqual([value, byToPrecision(value)]);
    }
  });
});

describe('letterNumberWords', () => {
  const WORD = /[\p{L}\p{N}][\p{L}\p{N}\-']*/gu;
  it('splits as the Unicode word regex does', () => {
    const samples = [
      '엔비디아 H100 GPU 10만개를 탑재한 콜로서스(Colossus) 슈퍼컴퓨터',
      "Northwind's revenue rose 62% to $14.2 billion; state-of-the-art chips' --- 'quoted' -x- a-",
      'Ünïcödé ΑΒΓ δέλτα Кириллица ١٢٣ ٤٥ 漢字かなカナ ｆｕｌｌ 𝐀𝐁 𠀀𠀁 😀x 🎉 Ⅻ ½ ² ‘따옴표’ “quote” …·',
      'lone \ud800 high \udc00 low \ud800\ud800x \udbff', '', '---', "'a", 'a\u0301b', 'ß İstanbul',
    ];
    for (const text of samples) {
      expect(letterNumberWords(text)).toEqual(text.match(WORD) ?? []);
      expect(letterNumberWords(text.toLowerCase())).toEqual(text.toLowerCase().match(WORD) ?? []);
    }
  });

  it('agrees with the regex on every BMP code unit and every pair of classes', () => {
    const all: string[] = [];
    for (let c = 0; c < 0x10000; c++) all.push(String.fromCharCode(c));
    // Each code unit between letters, so both a word start and a word continuation are exercised.
    const text = all.join('a');
    expect(letterNumberWords(text)).toEqual(text.match(WORD) ?? []);
    const astral = [0x1d400, 0x1f600, 0x20000, 0x10ffff, 0x1d7ce, 0x1f10b].map((cp) => String.fromCodePoint(cp));
    const mixed = [...astral, '-', "'", ' ', 'a', '1', '가', '\ud800', '\udc00'];
    for (const x of mixed) for (const y of mixed) for (const z of mixed) {
      const t = x + y + z;
      expect(letterNumberWords(t)).toEqual(t.match(WORD) ?? []);
    }
  });
});

describe('splitSentences', () => {
  // The rules as first written (exec per candidate, every word before a period sliced and looked up).
  const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd',
    'no', 'vs', 'etc', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
    'oct', 'nov', 'dec', 'approx', 'est', 'fig', 'dept', 'mt', 'ft']);
  function reference(text: string) {
    const sentences: { start: number; end: number }[] = [];
    const paragraphOfSentence: number[] = [];
    let paragraph = 0;
    let start = 0;
    const push = (end: number) => {
      const trimmed = text.slice(start, end);
      const s = start + (trimmed.length - trimmed.trimStart().length);
      const e = end - (trimmed.length - trimmed.trimEnd().length);
      if (e > s) sentences.push({ start: s, end: e }), paragraphOfSentence.push(paragraph);
    };
    const boundary = /[\n.!?\u3002]/g;
    for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
      const i = m.index;
      if (text[i] === '\n') {
        push(i);
        start = i + 1;
        if (sentences.length && paragraphOfSentence[paragraphOfSentence.length - 1] === paragraph) paragraph++;
        continue;
      }
      let j = i + 1;
      while (j < text.length && /["'”’)\]」』]/.test(text[j])) j++;
      if (j < text.length && !/\s/.test(text[j])) continue;
      if (text[i] === '.') {
        const word = (/[A-Za-z.]{1,11}$/.exec(text.slice(Math.max(0, i - 11), i))?.[0] ?? '').toLowerCase();
        if (word && (ABBREVIATIONS.has(word) || (word.length === 1 && word !== '.'))) continue;
      }
      push(j);
      start = j;
      boundary.lastIndex = j;
    }
    push(text.length);
    return { sentences, paragraphOfSentence };
  }

  it('splits as the reference rules do on pseudo-random text of abbreviations, initials, terminators and quotes', () => {
    const pieces = ['Mr', 'U.S', 'e.g', 'Approx', 'approxi', 'J', 'word', 'Sept', '.', '.', '.', ' ', ' ', '\n', '\n\n', '"', ')', '」', '’', '!', '?', '\u3002', '가나', '\u00a0', '\t', '5'];
    let state = 12345;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = 1 + (n % 40);
      for (let k = 0; k < length; k++) {
        state = (state * 1103515245 + 12345) >>> 0;
        text += pieces[(state >>> 16) % pieces.length];
      }
      expect(splitSentences(text)).toEqual(reference(text));
    }
  });
});
