import { describe, expect, it } from 'vitest';
import { WordTable } from '../../../../utils/detect/lexicons/word-table';
import { wordTokens } from '../../../../utils/detect/lexicons/types';

const WORDS = ['said', 'according', 'to', "won't", "that's", 'u', 's', '2020', 'will'];

function idsOf(table: WordTable, lower: string): number[] {
  const count = table.tokenIds(lower); // may replace table.tokens with a larger buffer
  return Array.from(table.tokens.subarray(0, count));
}

describe('WordTable', () => {
  const table = new WordTable(WORDS);

  it('gives each token the id of the lexicon word it equals, -1 for others', () => {
    const lower = "according to him, they won’t (u.s. 2020) — that's all he said.";
    expect(idsOf(table, lower)).toEqual(wordTokens(lower).map((token) => table.idOf(token)));
    expect(idsOf(table, 'residue to')).toEqual([-1, table.idOf('to')]);
    expect(table.idOf('said')).toBeGreaterThanOrEqual(0);
  });

  it('reads the same tokens as wordTokens on random strings', () => {
    const pieces = ['said', 'to', 'won', "'", '’', 't', 's', 'u', ' ', '.', '2020', '20', 'é', 'will', 'x'];
    let seed = 5;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let n = 0; n < 5000; n++) {
      let lower = '';
      const length = Math.floor(random() * 10);
      for (let i = 0; i < length; i++) lower += pieces[Math.floor(random() * pieces.length)];
      expect(idsOf(table, lower), lower).toEqual(wordTokens(lower).map((token) => table.idOf(token)));
    }
  });

  it('grows its token buffer for long sentences', () => {
    const lower = Array.from({ length: 500 }, (_, i) => (i % 2 ? 'said' : 'x')).join(' ');
    const ids = idsOf(table, lower);
    expect(ids).toHaveLength(500);
    expect(ids.filter((id) => id === table.idOf('said'))).toHaveLength(250);
  });
});
