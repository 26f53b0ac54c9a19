import { describe, expect, it } from 'vitest';
import { canonicalJson, childRev, compareLeaves, extendPath, pathContains, pickWinner, revisionHash, revsOnPath } from '../../../utils/sync/revision';
import { couchDocJson, toCouchDoc } from '../../../utils/sync/couch-doc';
import { parseMultipartMixed } from '../../../utils/sync/fetch-revisions';
import { mergeLeaves, type Leaf } from '../../../utils/sync/merge';
import type { Annotation } from '../../../utils/annotation';

const note = (comment: string): Annotation => ({
  id: 'n1',
  pageUrl: 'https://news.example/a',
  kind: 'claim',
  quote: 'q',
  selectors: [],
  sources: [],
  tags: [],
  comment,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('revisions', () => {
  it('are deterministic over parent and content, and independent of key order', async () => {
    const a = await childRev('1-abc', false, { x: 1, y: [1, 2] });
    expect(a).toMatch(/^2-[0-9a-f]{32}$/);
    expect(await childRev('1-abc', false, { y: [1, 2], x: 1 })).toBe(a);
    expect(await childRev('1-abd', false, { x: 1, y: [1, 2] })).not.toBe(a);
    expect(await childRev(undefined, false, { x: 1 })).toMatch(/^1-/);
  });

  it('keep the revision ids they always had (hash of the canonical JSON, fixed values)', async () => {
    const body = {
      type: 'annotation',
      pageUrl: 'https://news.example/a',
      kind: 'claim',
      quote: '정부는 2024년 경제성장률이 2.6%로 예상',
      selectors: [{ type: 'TextQuoteSelector', exact: 'x', prefix: 'p' }],
      sources: [],
      tags: ['경제', 'GDP'],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      figures: { '10': 'b', '9': 'a', x: 1 },
    };
    // Computed by the first implementation (sorted-copy + JSON.stringify): a change here forks every replica's revisions.
    expect(await revisionHash('1-abc', false, body)).toBe('4c1252bdaa346df470f1c3782c2c011a');
    expect(await revisionHash(undefined, true, { type: 'annotation', _deleted: true })).toBe('a05b12ab70daef88e1769ac4befd43e0');
  });

  it('canonical JSON is JSON.stringify of a key-sorted copy, for any JSON-like value', () => {
    // The reference: the definition revision ids were first computed with.
    const sortKeys = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(sortKeys);
      if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        return Object.fromEntries(
          Object.keys(record)
            .filter((key) => record[key] !== undefined)
            .sort()
            .map((key) => [key, sortKeys(record[key])]),
        );
      }
      return value;
    };
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const keys = ['a', 'B', 'z', '0', '1', '10', '9', '01', '-1', '4294967294', '4294967295', '1e3', '한글', 'é', '__proto__', '', ' ', 'type', '_id'];
    const leaf = (): unknown => [null, undefined, true, false, 0, -0, 1.5, NaN, 'text', '따옴표 " \\ \n', () => 1][Math.floor(random() * 11)];
    const build = (depth: number): unknown => {
      const pick = random();
      if (depth > 3 || pick < 0.4) return leaf();
      if (pick < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => build(depth + 1));
      const object: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 6); i > 0; i--) Object.defineProperty(object, keys[Math.floor(random() * keys.length)], { value: build(depth + 1), enumerable: true, configurable: true, writable: true });
      return object;
    };
    for (let i = 0; i < 2000; i++) {
      const value = build(0);
      expect(canonicalJson(value)).toBe(JSON.stringify(sortKeys(value)));
    }
    expect(canonicalJson([undefined, () => 1, { a: undefined, b: () => 1, c: 1 }])).toBe('[null,null,{"c":1}]');
  });

  it('a _bulk_docs document written from the body\'s JSON text says what toCouchDoc says', () => {
    const revisions = { start: 2, ids: ['b', 'a'] };
    for (const body of [{ type: 'annotation', quote: '따옴표 "', tags: ['x'] }, {}]) {
      const json = couchDocJson('n1', '2-b', revisions, canonicalJson(body));
      expect(JSON.parse(json)).toEqual(toCouchDoc('n1', '2-b', revisions, body));
    }
  });

  it('pick CouchDB\'s winner: live before deleted, then position, then rev id', () => {
    expect(pickWinner([{ rev: '3-aaa', deleted: true }, { rev: '2-bbb', deleted: false }]).rev).toBe('2-bbb');
    expect(pickWinner([{ rev: '2-fff', deleted: false }, { rev: '3-aaa', deleted: false }]).rev).toBe('3-aaa');
    expect(pickWinner([{ rev: '3-0ab', deleted: false }, { rev: '3-9ab', deleted: false }, { rev: '3-1ab', deleted: false }]).rev).toBe('3-9ab');
    expect(compareLeaves({ rev: '10-a', deleted: false }, { rev: '9-f', deleted: false })).toBeLessThan(0); // numeric, not string, positions
  });

  it('paths are pruned and searched by position', () => {
    let path = extendPath(undefined, 'h1');
    for (let i = 2; i <= 120; i++) path = extendPath(path, `h${i}`);
    expect(path.start).toBe(120);
    expect(path.ids).toHaveLength(100);
    expect(pathContains(path, '120-h120')).toBe(true);
    expect(pathContains(path, '21-h21')).toBe(true);
    expect(pathContains(path, '20-h20')).toBe(false); // pruned
    expect(pathContains(path, '50-h51')).toBe(false);
    expect(revsOnPath({ start: 3, ids: ['c', 'b', 'a'] })).toEqual(['3-c', '2-b', '1-a']);
  });

  it('merging keeps losing live leaves as conflicts and drops superseded ones', () => {
    const local = { ...note('mine'), rev: '2-aaa' };
    const record = { id: 'n1', revisions: { start: 2, ids: ['aaa', 'root'] }, conflicts: [] };
    const remote: Leaf[] = [
      { rev: '2-bbb', revisions: { start: 2, ids: ['bbb', 'root'] }, deleted: false, doc: note('theirs') },
      { rev: '3-ccc', revisions: { start: 3, ids: ['ccc', 'ddd', 'root'] }, deleted: true, doc: null },
    ];
    const merged = mergeLeaves('n1', { annotation: local, record }, remote);
    expect(merged.annotation!.rev).toBe('2-bbb');
    expect(merged.annotation!.comment).toBe('theirs');
    expect(merged.record!.conflicts.map((c) => [c.rev, c.doc.comment])).toEqual([['2-aaa', 'mine']]);
    // A later remote leaf descending from both closes the conflict.
    const closing: Leaf = { rev: '3-eee', revisions: { start: 3, ids: ['eee', 'bbb', 'root'] }, deleted: false, doc: note('merged') };
    const tomb: Leaf = { rev: '3-fff', revisions: { start: 3, ids: ['fff', 'aaa', 'root'] }, deleted: true, doc: null };
    const closed = mergeLeaves('n1', { annotation: merged.annotation, record: merged.record }, [closing, tomb]);
    expect(closed.annotation!.comment).toBe('merged');
    expect(closed.record!.conflicts).toEqual([]);
    expect(closed.changed).toBe(true);
  });

  it('reads the JSON parts of a multipart open_revs answer', () => {
    const text = [
      '--abc',
      'Content-Type: application/json',
      '',
      '{"_id":"annotation:1","_rev":"1-a","quote":"x"}',
      '--abc',
      'Content-Type: application/json; error="true"',
      '',
      '{"missing":"2-b"}',
      '--abc--',
    ].join('\r\n');
    expect(parseMultipartMixed('multipart/mixed; boundary="abc"', text)).toEqual([
      { ok: { _id: 'annotation:1', _rev: '1-a', quote: 'x' } },
      { missing: '2-b' },
    ]);
  });
});
