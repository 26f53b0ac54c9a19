import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../utils/annotation';
import { importAnnotations, saveAnnotation, upsertPage } from '../../../utils/db/repository';
import { openDatabase } from '../../../utils/db/schema';
import { foldForSearch, NoteIndex, parseQuery, searchNotes } from '../../../utils/db/search';

let n = 0;
function note(partial: Partial<Annotation>): Annotation {
  n++;
  return {
    id: `n${n}`,
    pageUrl: 'https://news.example.kr/a/1',
    kind: 'claim',
    quote: 'quote',
    selectors: [],
    sources: [],
    tags: [],
    createdAt: `2025-01-${String(n).padStart(2, '0')}T00:00:00.000Z`,
    updatedAt: `2025-01-${String(n).padStart(2, '0')}T00:00:00.000Z`,
    ...partial,
  };
}

const grok = note({ quote: '그록3는 엔비디아 H100 GPU 10만개로 훈련해 연산 성능 60페타플롭스를 냈다', tags: ['AI', '반도체'], verdict: 'false' });
const exa = note({ quote: '차세대 슈퍼컴퓨터는 1~2엑사플롭스급', comment: '단위 확인 필요', pageUrl: 'https://www.hani.co.kr/arti/2' });
const dc = note({
  quote: 'The data center will draw 1.5 gigawatts',
  comment: 'Compare with the utility filing',
  tags: ['Energy'],
  pageUrl: 'https://m.reuters.com/tech/datacenter?id=7',
  verdict: 'mostly-true',
});
const korUrl = note({ quote: 'x', pageUrl: 'https://news.example.kr/%EC%A0%84%EB%A0%A5/1' });
const gone = note({ quote: '60페타플롭스 삭제됨', deleted: true });

const index = new NoteIndex([grok, exa, dc, korUrl, gone], [
  { url: dc.pageUrl, title: 'AI power demand surges', site: 'm.reuters.com', firstSeen: dc.createdAt, lastSeen: dc.createdAt },
]);
const ids = (query: string, filters = {}) => index.search(query, filters).map((e) => e.annotation.id);

describe('search', () => {
  it('finds Korean substrings inside agglutinated words', () => {
    expect(ids('플롭스')).toEqual([exa.id, grok.id]);
    expect(ids('엑사')).toEqual([exa.id]);
    expect(ids('페타플롭스')).toEqual([grok.id]);
    expect(ids('10만개')).toEqual([grok.id]);
  });

  it('tolerates Korean spacing variants and needs every term', () => {
    expect(ids('페타 플롭스')).toEqual([grok.id]);
    expect(ids('"엔비디아 h100"')).toEqual([grok.id]);
    expect(ids('엔비디아 엑사')).toEqual([]);
  });

  it('matches English case-insensitively across comment, tags, site, URL and title', () => {
    expect(ids('GIGAWATTS')).toEqual([dc.id]);
    expect(ids('utility')).toEqual([dc.id]);
    expect(ids('energy')).toEqual([dc.id]);
    expect(ids('reuters')).toEqual([dc.id]);
    expect(ids('datacenter?id=7')).toEqual([dc.id]);
    expect(ids('power demand')).toEqual([dc.id]);
    expect(ids('ＡＩ')).toEqual([dc.id, grok.id]); // full-width folds; "AI" is in dc's title and grok's tag
  });

  it('finds percent-encoded Korean URL paths and never returns tombstones', () => {
    expect(ids('전력')).toEqual([korUrl.id]);
    expect(index.size).toBe(4);
    expect(ids('삭제됨')).toEqual([]);
  });

  it('filters by verdict, tag, site and date, newest edit first', () => {
    expect(ids('', { verdict: 'false' })).toEqual([grok.id]);
    expect(ids('', { verdict: 'none' })).toEqual([korUrl.id, exa.id]);
    expect(ids('', { tag: 'ai' })).toEqual([grok.id]);
    expect(ids('', { site: 'hani.co.kr' })).toEqual([exa.id]);
    expect(ids('', { site: 'reuters.com' })).toEqual([dc.id]);
    expect(ids('', { since: exa.updatedAt, until: korUrl.updatedAt })).toEqual([dc.id, exa.id]);
    expect(ids('플롭스', { verdict: 'false', tag: '반도체' })).toEqual([grok.id]);
  });

  it('counts tags and sites for the filter menus', () => {
    const { tags, sites } = index.facets();
    expect(tags).toContainEqual(['AI', 1]);
    expect(sites[0]).toEqual(['news.example.kr', 2]);
  });

  it('parses phrases and folds NFD Hangul to NFC', () => {
    expect(parseQuery(' "a  b"  c ')).toEqual(['a b', 'c']);
    expect(foldForSearch('플롭스'.normalize('NFD'))).toBe('플롭스');
    expect(ids('플롭스'.normalize('NFD'))).toEqual([exa.id, grok.id]);
  });

  it('searches straight from the database with page titles', async () => {
    const db = openDatabase(`search-${Math.random()}`);
    await importAnnotations(db, [grok, dc, gone]);
    await upsertPage(db, { url: grok.pageUrl, title: '그록3 발표 기사' });
    const saved = await saveAnnotation(db, { pageUrl: grok.pageUrl, kind: 'highlight', quote: '다른 메모', selectors: [], sources: [], tags: [] });
    expect((await searchNotes(db, '발표')).map((a) => a.id)).toEqual([saved.id, grok.id]);
    expect((await searchNotes(db, '플롭스')).map((a) => a.id)).toEqual([grok.id]);
  });

  it('never matches across two fields', () => {
    const a = note({ quote: '끝나는 문장', comment: '다음 메모' });
    const local = new NoteIndex([a]);
    expect(local.search('문장다음')).toEqual([]);
    expect(local.search('문장').map((e) => e.annotation.id)).toEqual([a.id]);
  });

  it('a rebuild from the previous index sees edits, deletions and new page titles', () => {
    const a = note({ quote: '원래 문장' });
    const b = note({ quote: '다른 문장' });
    const first = new NoteIndex([a, b]);
    const edited = { ...a, quote: '고친 문장', updatedAt: '2030-01-01T00:00:00.000Z' };
    const second = new NoteIndex([edited, { ...b, deleted: true as const }], [
      { url: a.pageUrl, title: '새 제목', site: 'news.example.kr', firstSeen: a.createdAt, lastSeen: a.createdAt },
    ], first);
    expect(second.search('원래')).toEqual([]);
    expect(second.search('고친').map((e) => e.annotation.id)).toEqual([a.id]);
    expect(second.search('다른')).toEqual([]);
    expect(second.search('새제목').map((e) => e.annotation.id)).toEqual([a.id]);
    // Unchanged notes keep their folded entry (no re-fold), but carry the new record.
    const third = new NoteIndex([{ ...edited }], [], second);
    expect(third.entries[0]!.annotation).not.toBe(edited);
    expect(third.search('고친')).toHaveLength(1);
  });
});
