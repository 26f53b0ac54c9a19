import { describe, expect, it } from 'vitest';
import { parseSources, parseTags } from '../../../components/page-ui/note-draft';

describe('note draft parsing', () => {
  it('accepts only http(s) links with a host, one per line or separated by spaces', () => {
    expect(parseSources('https://a.example/x\nhttp://b.example  ftp://c.example, javascript:alert(1) localhost not-a-url https://a.example/x')).toEqual({
      valid: ['https://a.example/x', 'http://b.example/'],
      invalid: ['ftp://c.example', 'javascript:alert(1)', 'localhost', 'not-a-url'],
    });
  });

  it('trims tags, drops #, and removes duplicates ignoring case', () => {
    expect(parseTags(' GPU, #gpu ,연산량，, 반도체\n')).toEqual(['GPU', '연산량', '반도체']);
  });
});
