import { describe, expect, it } from 'vitest';
import { LiteralTable, literalAlternative, splitAlternatives } from '../../../../utils/detect/lexicons/literals';
import { englishLexicon } from '../../../../utils/detect/lexicons/en';
import { koreanLexicon } from '../../../../utils/detect/lexicons/ko';
import { compileLexicon, CUE_NAMES, type LanguageLexicon } from '../../../../utils/detect/lexicons/types';
import { lcgRandom, randomJoins } from '../../../seeded-random';
import { fixtureSentences } from './fixture-sentences';

function plainPatterns(lexicon: LanguageLexicon): RegExp[] {
  return CUE_NAMES.flatMap((cue) => (lexicon[cue].patterns ?? []).filter((p): p is RegExp => p instanceof RegExp));
}

/** Real news lines and random strings of the lexicons' pieces (spaces of several kinds, ends of text, near misses). */
function sentences(): string[] {
  const real = fixtureSentences();
  const pieces = [
    '대비', '비해', '비교적', '으로', '로', ' ', '\u00a0', '\u3000', '\n', '\t', '3', '2025', '년', '%', '했', '였', '다', '.', '밝혔', '말한', '고',
    '”', '"', '」', '라고', '이', '라며', '가장', '최고', '경영자', '위', '위원', '최저', '임금', '사상', '최', '처음', '세계', '1위', '유일', '한',
    '전망', '치', '예상', '보다', '오는', '때문', '에', '따라', '인해', '생각', '한다', '해야', '것', '같다', 'ㅋ', '!', '아마', '만', '억', '조',
    '수', '십', '일', '원', '달러', '정부', '은행', '부', '은', 'A', 'I', '까', '?', '못', '미치', '수준', '을', '넘', '동기', '결과', '적으로',
    '배', '늘었다', '12', ',', '월', '까지', '할', '될', '있', '가능성', 'a', 'x1', '천', '포인트', '“', '며',
  ];
  return [...real, ...randomJoins(pieces, 8000, 9, lcgRandom(7))];
}

describe('literalAlternative', () => {
  it('spells plain characters, \\s, \\d, optional atoms, small classes, groups and $', () => {
    expect(literalAlternative('대비')?.spellings).toEqual([[...'대비'].map((c) => c.charCodeAt(0))]);
    expect(literalAlternative('(?:에\\s)?따르면')?.spellings.length).toBe(2);
    expect(literalAlternative('(?:했|됐)다(?:[.\\s]|$)')?.spellings.length).toBe(6);
    expect(literalAlternative('오는\\s\\d')?.spellings.length).toBe(10);
    // 유일 matches wherever 유일한 and 유일하게 do: the longer spellings go.
    expect(literalAlternative('유일(?:한|하게)?')?.spellings.length).toBe(1);
    expect(literalAlternative('최고(?!경영자|위\\s)')?.after?.negated).toBe(true);
  });

  it('leaves to the regular expression what it does not read', () => {
    for (const source of ['\\bno\\b', 'a+', '[A-Z][a-z]+', '(?:a)?', '(a)\\1', '\\d{2}']) {
      expect(literalAlternative(source), source).toBeUndefined();
    }
  });

  it('checks the items it cannot spell before the ones it can as a lookbehind where a spelling starts', () => {
    const year = literalAlternative('\\d{4}\\s?년');
    expect(year?.spellings).toEqual([['년'.charCodeAt(0)]]);
    expect(year?.before?.source).toBe('(?<=\\d{4}\\s?)');
    const office = literalAlternative('[가-힣]{1,6}(?:부|청)(?=[은는])');
    expect(office?.spellings.length).toBe(2);
    expect(office?.before?.source).toBe('(?<=[가-힣]{1,6})');
    expect(office?.after?.negated).toBe(false);
    const table = new LiteralTable([{ literal: year!, bit: 1 }]);
    expect(['2025년', '2025 년', '1년', '년 2025', '2025\u3000년'].map((text) => table.scan(text, 0))).toEqual([1, 1, 0, 0, 1]);
  });
});

describe('splitAlternatives', () => {
  it('splits at top-level bars only', () => {
    expect(splitAlternatives('a|(?:b|c)|[|]|\\||d')).toEqual(['a', '(?:b|c)', '[|]', '\\|', 'd']);
  });
});

describe('LiteralTable', () => {
  it('finds each literal alternative of the lexicons exactly where its regular expression matches', () => {
    const all = sentences();
    let alternatives = 0;
    let matches = 0;
    for (const pattern of [...plainPatterns(koreanLexicon), ...plainPatterns(englishLexicon)]) {
      for (const source of splitAlternatives(pattern.source)) {
        const literal = literalAlternative(source);
        if (!literal) continue;
        alternatives++;
        const table = new LiteralTable([{ literal, bit: 4 }]);
        const regex = new RegExp(source);
        for (const sentence of all) {
          const found = regex.test(sentence);
          matches += found ? 1 : 0;
          // expect() only on a difference: building its message for every pair would take minutes.
          if (table.scan(sentence, 0) !== (found ? 4 : 0)) expect(table.scan(sentence, 0), `${source} in ${JSON.stringify(sentence)}`).toBe(found ? 4 : 0);
          if (table.scan(sentence, 4) !== 0) expect.fail('a bit already found is reported again');
        }
      }
    }
    expect(alternatives).toBeGreaterThan(150);
    expect(matches).toBeGreaterThan(5000);
  }, 60_000);
});

describe('compileLexicon with literal alternatives', () => {
  it('finds the same cues as the patterns alone, in English and Korean', () => {
    const all = sentences();
    for (const lexicon of [englishLexicon, koreanLexicon]) {
      const withLiterals = compileLexicon(lexicon, { literals: true });
      const patternsOnly = compileLexicon(lexicon, { literals: false });
      let cues = 0;
      for (const sentence of all) {
        expect(withLiterals.match(sentence), sentence).toBe(patternsOnly.match(sentence));
        cues += withLiterals.match(sentence) !== 0 ? 1 : 0;
      }
      expect(cues).toBeGreaterThan(500);
    }
  }, 30_000);
});
