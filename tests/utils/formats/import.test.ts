import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../utils/db/schema';
import { importAnnotations } from '../../../utils/db/repository';
import { exportHypothesis } from '../../../utils/formats/hypothesis';
import { ImportError, MAX_DEPTH, parseImport, parseImportJson } from '../../../utils/formats/import';
import { exportWebAnnotation } from '../../../utils/formats/web-annotation';
import { MAX_TEXT } from '../../../utils/annotation-schema';
import { sampleAnnotations, samplePages } from './sample-annotations';

function importError(text: string): ImportError {
  try {
    parseImport(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected parseImport to throw');
}

const ours = () => JSON.parse(exportWebAnnotation(sampleAnnotations(), { pages: samplePages }));
const hypothesis = () => JSON.parse(exportHypothesis(sampleAnnotations(), { pages: samplePages }));

describe('parseImport: malformed files', () => {
  it('refuses non-JSON, empty files, and our own Markdown/CSV with a hint', () => {
    expect(importError('').message).toMatch(/empty/);
    expect(importError('hello').message).toMatch(/not a JSON file/);
    expect(importError('# Factmark notes\n\n> quote').message).toMatch(/Markdown and CSV exports/);
    expect(importError('\uFEFF"id","quote"\r\n"1","x"').message).toMatch(/not a JSON file/);
    expect(importError('{"annotations": [').message).toMatch(/not valid JSON/);
    expect(importError('{"hello": "world"}').message).toMatch(/W3C Web Annotation collection .* or a Hypothesis export/);
    expect(importError('42').message).toMatch(/not a JSON file/);
  });

  it('names the entry and the field: Hypothesis target.selector of the wrong type', () => {
    const file = hypothesis();
    file.annotations[3].target[0].selector = 42;
    const error = importError(JSON.stringify(file));
    expect(error.issues[0]).toEqual({ path: 'annotations[3].target[0].selector', message: 'expected an array, got the number 42' });
    expect(error.message).toContain('annotations[3].target[0].selector: expected an array');
  });

  it('names the entry and the field in a W3C collection', () => {
    const file = ours();
    file.first.items[1].target.selector[0].exact = ['not', 'a', 'string'];
    file.first.items[2].modified = 'yesterday';
    const error = importError(JSON.stringify(file));
    expect(error.issues).toEqual([
      { path: 'first.items[1].target.selector[0].exact', message: 'expected a string, got an array of 3' },
      { path: 'first.items[2].modified', message: 'expected an ISO 8601 date-time, got the string "yesterday"' },
    ]);
  });

  it('reports fields the record schema refuses (figures, colour), with the entry path', () => {
    const file = ours();
    file.first.items[0]['factmark:figures'][0].kind = 'bogus';
    const error = importError(JSON.stringify(file));
    expect(error.issues[0].path).toBe('first.items[0] → figures.0.kind');
  });

  it('validates the whole file first: one bad entry anywhere means nothing is returned to write', async () => {
    const file = hypothesis();
    file.annotations[3].created = 12;
    expect(() => parseImport(JSON.stringify(file))).toThrow(ImportError);
    const db = openDatabase(`imp-${Math.random()}`);
    // The caller only writes what parseImport returned: here, nothing.
    expect(await db.annotations.count()).toBe(0);
  });

  it('caps the number of reported issues', () => {
    const file = hypothesis();
    file.annotations = Array.from({ length: 100 }, () => ({ id: 5 }));
    expect(importError(JSON.stringify(file)).issues.length).toBe(20);
  });
});

describe('parseImport: hostile files', () => {
  it('refuses strings above the record limits', () => {
    const file = hypothesis();
    file.annotations[0].factmark.comment = 'x'.repeat(MAX_TEXT + 1);
    expect(importError(JSON.stringify(file)).issues[0]).toEqual({
      path: 'annotations[0].factmark.comment',
      message: `expected at most ${MAX_TEXT} characters, got ${MAX_TEXT + 1}`,
    });
    const long = hypothesis();
    long.annotations[1].tags = ['t'.repeat(5000)];
    expect(importError(JSON.stringify(long)).issues[0].path).toBe('annotations[1].tags[0]');
  });

  it('trims over-long quote context instead of refusing it (it only helps anchoring)', () => {
    const file = hypothesis();
    file.annotations[0].target[0].selector[0].prefix = 'p'.repeat(10_000);
    const selector = parseImport(JSON.stringify(file)).annotations[0].selectors[0];
    expect(selector.type === 'TextQuoteSelector' && selector.prefix?.length).toBe(2048);
  });

  it('refuses deep nesting before parsing', () => {
    const deep = `{"annotations":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(importError(deep).message).toMatch(new RegExp(`deeper than ${MAX_DEPTH}`));
    // Brackets inside strings do not count.
    const file = hypothesis();
    file.annotations[0].text = '[[[[{{{{'.repeat(100);
    expect(parseImport(JSON.stringify(file)).annotations).toHaveLength(4);
  });

  it('drops __proto__, constructor and prototype keys: Object.prototype stays clean', async () => {
    const file = JSON.stringify(hypothesis()).replace(
      '"annotations":[{',
      '"__proto__":{"polluted":"root"},"annotations":[{"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"deep"}},',
    );
    expect(file).toContain('"__proto__":{"polluted":"yes"');
    const parsed = parseImport(file);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    for (const a of parsed.annotations) {
      expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
      expect(Object.hasOwn(a, '__proto__')).toBe(false);
      expect((a as unknown as Record<string, unknown>).polluted).toBeUndefined();
    }
    // Copying the parsed records the way the repository does still pollutes nothing.
    const db = openDatabase(`proto-${Math.random()}`);
    await importAnnotations(db, parsed.annotations, parsed.pages);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not read inherited properties for missing fields', () => {
    const file = hypothesis();
    delete file.annotations[0].id;
    expect(importError(JSON.stringify(file)).issues[0]).toEqual({ path: 'annotations[0].id', message: 'expected a string, got nothing' });
  });

  it('refuses wrong types at the top level with a clear message', () => {
    expect(importError('{"export_date":"2025-01-01","annotations":"lots"}').issues[0]).toEqual({
      path: 'annotations',
      message: 'expected an array of annotations, got the string "lots"',
    });
    expect(importError('[1,2,3]').message).toMatch(/not a file Factmark can import/);
  });

  it('refuses non-web URLs in a note of ours and skips non-web targets from other tools', () => {
    const file = ours();
    file.first.items[0].target.source = 'javascript:alert(1)';
    expect(parseImport(JSON.stringify(file)).skipped[0].reason).toMatch(/not a web page/);
    const h = hypothesis();
    h.annotations[0].factmark.sources = ['javascript:alert(1)'];
    expect(importError(JSON.stringify(h)).issues[0]).toEqual({ path: 'annotations[0].factmark.sources[0]', message: 'expected an http(s) URL, got the string "javascript:alert(1)"' });
  });

  it('keeps one record per id when a file repeats a note (the later edit wins)', () => {
    const file = hypothesis();
    const copy = structuredClone(file.annotations[0]);
    copy.updated = '2030-01-01T00:00:00.000Z';
    copy.factmark.comment = 'newer';
    file.annotations.push(copy);
    const parsed = parseImport(JSON.stringify(file));
    expect(parsed.annotations).toHaveLength(4);
    expect(parsed.annotations.find((a) => a.id === copy.id)?.comment).toBe('newer');
  });
});

describe('parseImportInChunks', () => {
  it('reports rising progress and returns what parseImport returns', async () => {
    const { parseImportInChunks } = await import('../../../utils/formats/import');
    const many = Array.from({ length: 1200 }, (_, i) => ({ ...sampleAnnotations()[i % 4], id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    const text = exportWebAnnotation(many, { pages: samplePages });
    const seen: number[] = [];
    const parsed = await parseImportInChunks(text, (f) => seen.push(f));
    expect(parsed.annotations).toHaveLength(1200);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
    expect(parsed).toEqual(parseImport(text, undefined));
  });
});

describe('parseImport: forbidden keys written with escapes', () => {
  it('drops "\\u005f_proto__" too (JSON.parse decodes it to __proto__)', () => {
    const file = JSON.stringify(hypothesis()).replace('"annotations":[{', '"annotations":[{"\\u005f_proto__":{"polluted":"escaped"},');
    expect(file).toContain('\\u005f_proto__');
    const parsed = parseImport(file);
    expect(parsed.annotations).toHaveLength(4);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const raw = parseImportJson(file) as { annotations: Record<string, unknown>[] };
    expect(Object.hasOwn(raw.annotations[0], '__proto__')).toBe(false);
    const plain = parseImportJson('{"annotations":[{"__proto__":{"x":1},"constructor":{"prototype":{}},"id":"a"}]}') as { annotations: Record<string, unknown>[] };
    expect(Object.keys(plain.annotations[0])).toEqual(['id']);
  });
});
