import { describe, expect, it } from 'vitest';
import { FirstCharGate, firstChars, type CharRanges } from '../../../../utils/detect/lexicons/first-chars';
import { englishLexicon } from '../../../../utils/detect/lexicons/en';
import { koreanLexicon } from '../../../../utils/detect/lexicons/ko';
import { compileLexicon, CUE_NAMES, type LanguageLexicon } from '../../../../utils/detect/lexicons/types';
import { lcgRandom, randomJoins } from '../../../seeded-random';
import { fixtureSentences } from './fixture-sentences';

function spelled(ranges: CharRanges | undefined): string | undefined {
  return ranges?.map(([low, high]) => (low === high ? String.fromCharCode(low) : `${String.fromCharCode(low)}-${String.fromCharCode(high)}`)).join('');
}

function contains(ranges: CharRanges, c: number): boolean {
  return ranges.some(([low, high]) => c >= low && c <= high);
}

function patternsOf(lexicon: LanguageLexicon): RegExp[] {
  return CUE_NAMES.flatMap((cue) => (lexicon[cue].patterns ?? []).map((p) => (p instanceof RegExp ? p : p.pattern)));
}

/** News sentences of both fixtures and both no-false-alarm lists, and random strings of the lexicons' own pieces. */
function sentences(): string[] {
  const real = fixtureSentences();
  const pieces = [
    '보다', '대비', '비교적', '으로', ' ', '\u00a0', '3', '2025', '년', '%', '증가', '했다', '밝혔다', '”라고', '“며', '“', '"', '가장', '최고경영자',
    '할', ' 것', '수 있', '때문', '에 따라', '생각한다', 'ㅋ', '!!', '아마', '만', '억', '원', '달러', '정부', '은행은', 'AI', '까', '?', '.', '!',
    'more', ' than', 'rose', ' by ', 'the', ' biggest', 'most', ' people', 'no.', '1', 'by', '1990', 'estimates', ' that', '$', '€', 'said', 'x',
  ];
  return [...real, ...randomJoins(pieces, 6000, 10, lcgRandom(41))];
}

describe('firstChars', () => {
  it('reads literals, alternatives, groups, classes, escapes and optional atoms', () => {
    expect(spelled(firstChars(/abc|d/))).toBe('ad');
    expect(spelled(firstChars(/a?b*c/))).toBe('abc');
    expect(spelled(firstChars(/(?:x|y)?z/))).toBe('xyz');
    expect(spelled(firstChars(/[가-힣a]{1,6}부/))).toBe('가-힣a');
    expect(spelled(firstChars(/\b(?<![A-Z])\d[^.]{0,4}x/))).toBe('0-9');
    expect(spelled(firstChars(/(?=q)(?<=\S)“고/))).toBe('“');
    expect(spelled(firstChars(/\?\s*$/))).toBe('?');
    expect(spelled(firstChars(/\u3000|\x41|\./))).toBe('\u3000A.');
    expect(spelled(firstChars(/[\d\-]x/))).toBe('0-9-');
  });

  it('gives up where any character may start a match, or on what it does not read', () => {
    expect(firstChars(/.x/)).toBeUndefined();
    expect(firstChars(/[^a]x/)).toBeUndefined();
    expect(firstChars(/\Sx/)).toBeUndefined();
    expect(firstChars(/a*/)).toBeUndefined(); // matches the empty string
    expect(firstChars(/(?:)|a/)).toBeUndefined();
    expect(firstChars(/abc/i)).toBeUndefined();
    expect(firstChars(/(?<name>a)/)).toBeUndefined();
    expect(firstChars(/(a)\1/)).toBeUndefined();
  });

  it('holds the first character of every match of every lexicon pattern, tried at every position', () => {
    const all = sentences();
    let checked = 0;
    const english = new Set(patternsOf(englishLexicon)); // these run on the lower-cased sentence
    for (const pattern of [...patternsOf(koreanLexicon), ...patternsOf(englishLexicon)]) {
      const first = firstChars(pattern);
      if (!first) continue;
      const sticky = new RegExp(pattern.source, `${pattern.flags}y`);
      for (const sentence of all) {
        const text = english.has(pattern) ? sentence.toLowerCase() : sentence;
        for (let i = 0; i <= text.length; i++) {
          sticky.lastIndex = i;
          if (!sticky.test(text)) continue;
          checked++;
          expect(contains(first, text.charCodeAt(i)), `${pattern.source} at ${i} of ${JSON.stringify(text)}`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  }, 60_000);
});

describe('FirstCharGate', () => {
  it('opens the patterns whose first characters occur, at the first one, and always those without a set', () => {
    const gate = new FirstCharGate([[[0x61, 0x61]], undefined, [[0xac00, 0xd7a3]], [[0x30, 0x39]]]);
    expect(gate.scan('xxa가a')).toBe(0b0111);
    expect([gate.starts[0], gate.starts[1], gate.starts[2]]).toEqual([2, 0, 3]);
    expect(gate.scan('')).toBe(0b0010);
  });
});

describe('compileLexicon with first-character gates', () => {
  it('finds the same cues as without them, in English and Korean', () => {
    const all = sentences();
    for (const lexicon of [englishLexicon, koreanLexicon]) {
      const gated = compileLexicon(lexicon, { firstCharGates: true });
      const plain = compileLexicon(lexicon, { firstCharGates: false });
      let cues = 0;
      for (const sentence of all) {
        expect(gated.match(sentence), sentence).toBe(plain.match(sentence));
        cues += gated.match(sentence) !== 0 ? 1 : 0;
      }
      expect(cues).toBeGreaterThan(1000);
    }
  }, 30_000);
});
