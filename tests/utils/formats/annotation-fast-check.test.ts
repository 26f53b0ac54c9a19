import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { AnnotationSchema } from '../../../utils/annotation-schema';
import { isCertainlyValidAnnotation } from '../../../utils/formats/annotation-fast-check';
import { sampleAnnotations } from './sample-annotations';

/** The fast path may say "valid" only where valibot accepts the record and would return it unchanged. */
function agreesWithSchema(record: unknown): boolean {
  const fast = isCertainlyValidAnnotation(record);
  const slow = v.safeParse(AnnotationSchema, record);
  if (fast) {
    expect(slow.success, JSON.stringify(record)).toBe(true);
    expect(slow.output).toStrictEqual(record);
  }
  return fast;
}

const clone = <T>(value: T): T => structuredClone(value);

describe('isCertainlyValidAnnotation', () => {
  it('accepts every well-formed sample as is', () => {
    for (const note of sampleAnnotations()) expect(agreesWithSchema(note)).toBe(true);
  });

  // Each mutation breaks the schema (or would change valibot's output); the fast path must defer to valibot.
  const mutations: [string, (note: any) => void][] = [
    ['id empty', (n) => (n.id = '')],
    ['id too long', (n) => (n.id = 'x'.repeat(129))],
    ['id a number', (n) => (n.id = 7)],
    ['javascript: page', (n) => (n.pageUrl = 'javascript:alert(1)')],
    ['relative page', (n) => (n.pageUrl = '/article/1')],
    ['ftp page', (n) => (n.pageUrl = 'ftp://news.example/a')],
    ['page too long', (n) => (n.pageUrl = `https://a.example/${'x'.repeat(2048)}`)],
    ['unknown kind', (n) => (n.kind = 'note')],
    ['quote too long', (n) => (n.quote = 'x'.repeat(100_001))],
    ['quote missing', (n) => delete n.quote],
    ['selectors not an array', (n) => (n.selectors = n.selectors[0])],
    ['nine selectors', (n) => (n.selectors = Array(9).fill(n.selectors[0]))],
    ['unknown selector type', (n) => n.selectors.push({ type: 'CssSelector', value: 'p' })],
    ['negative offset', (n) => (n.selectors[1].start = -1)],
    ['fractional offset', (n) => (n.selectors[1].end = 1.5)],
    ['NaN offset', (n) => (n.selectors[1].end = NaN)],
    ['prefix too long', (n) => (n.selectors[0].prefix = 'x'.repeat(2049))],
    ['extra selector key', (n) => (n.selectors[0].extra = 1)],
    ['figure kind unknown', (n) => (n.figures[0].kind = 'weight')],
    ['figure unit missing', (n) => delete n.figures[0].unit],
    ['figure value infinite', (n) => (n.figures[0].value = Infinity)],
    ['figure extra key', (n) => (n.figures[0].__proto__ = { polluted: true })],
    ['verdict unknown', (n) => (n.verdict = 'pants-on-fire')],
    ['comment a number', (n) => (n.comment = 3)],
    ['comment undefined (valibot copies the key)', (n) => (n.comment = undefined)],
    ['source not http', (n) => (n.sources = ['data:text/html,hi'])],
    ['101 sources', (n) => (n.sources = Array(101).fill('https://a.example/'))],
    ['tag padded (valibot trims it)', (n) => (n.tags = [' AI '])],
    ['tag blank', (n) => (n.tags = ['   '])],
    ['tag too long', (n) => (n.tags = ['x'.repeat(201)])],
    ['colour not hex', (n) => (n.color = 'red')],
    ['createdAt not ISO', (n) => (n.createdAt = '18 Feb 2025')],
    ['updatedAt month 13', (n) => (n.updatedAt = '2025-13-01T00:00:00.000Z')],
    ['deleted false', (n) => (n.deleted = false)],
    ['rev malformed', (n) => (n.rev = 'abc')],
    ['unknown key (valibot strips it)', (n) => (n.extra = 'x')],
    ['an array', (n) => Object.setPrototypeOf(n, Array.prototype)],
    ['a null-prototype object', (n) => Object.setPrototypeOf(n, null)],
  ];
  for (const [name, mutate] of mutations) {
    it(`defers to valibot: ${name}`, () => {
      const note = clone(sampleAnnotations()[0]);
      mutate(note);
      expect(agreesWithSchema(note)).toBe(false);
    });
  }

  it('defers to valibot for inherited keys', () => {
    const note = Object.create({ color: '#fff' });
    Object.assign(note, clone(sampleAnnotations()[1]));
    delete note.color;
    expect(agreesWithSchema(note)).toBe(false);
  });

  it('accepts optional fields that are valid', () => {
    const note: any = clone(sampleAnnotations()[0]);
    note.deleted = true;
    note.rev = '3-abc123';
    expect(agreesWithSchema(note)).toBe(true);
  });
});

describe('isCertainlyValidAnnotation, addresses', () => {
  // Each must get the same answer as the schema's url (canParse + http(s):// prefix).
  const addresses = [
    'https://news.example/a',
    'HTTPS://NEWS.EXAMPLE/a',
    'http://localhost:8080/x?y=1#z',
    ' https://news.example/a',
    'https:news.example/a',
    'HTTP:news.example',
    'https://',
    'https://exa mple.com/',
    'https://[::1]/',
    'https://news.example/%zz',
    'http://a.example/' + 'x'.repeat(2030),
    'file:///etc/passwd',
    'javascript://news.example/%0aalert(1)',
  ];
  for (const address of addresses) {
    it(`agrees on ${address.slice(0, 40)}`, () => {
      for (const field of ['pageUrl', 'sources'] as const) {
        const note: any = clone(sampleAnnotations()[1]);
        if (field === 'pageUrl') note.pageUrl = address;
        else note.sources = [address];
        const fast = agreesWithSchema(note);
        expect(fast).toBe(v.safeParse(AnnotationSchema, note).success);
      }
    });
  }
});
