import { describe, expect, it } from 'vitest';
import { CSV_BOM, CSV_COLUMNS, csvCell, exportCsv } from '../../../utils/formats/csv';
import { sampleAnnotations, samplePages } from './sample-annotations';

/** Minimal RFC 4180 reader, strict: every field quoted, CRLF between records. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    expect(text[i]).toBe('"');
    let value = '';
    i++;
    for (;;) {
      const quote = text.indexOf('"', i);
      value += text.slice(i, quote);
      if (text[quote + 1] === '"') {
        value += '"';
        i = quote + 2;
      } else {
        i = quote + 1;
        break;
      }
    }
    row.push(value);
    if (text[i] === ',') i++;
    else {
      expect(text.slice(i, i + 2)).toBe('\r\n');
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('CSV', () => {
  const text = exportCsv(sampleAnnotations(), { pages: samplePages, language: 'ko' });

  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('is one row per annotation with a header, and Korean survives byte for byte', () => {
    const rows = readCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + sampleAnnotations().length);
    const first = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1][i]]));
    expect(first.page_title).toBe(samplePages[0].title);
    expect(first.quote).toBe('10만개');
    expect(first.verdict).toBe('mostly-true');
    expect(first.verdict_label).toBe('대체로 사실');
    expect(first.rating_value).toBe('4');
    expect(first.comment).toBe('엔비디아 발표와 일치. 다만 "10만개"는 최대치,\r\n실제 동시 가동은 더 적을 수 있음');
    expect(first.tags.split('\r\n')).toEqual(['AI', 'GPU', '반도체']);
    expect(first.text_fragment_link).toContain('#:~:text=');
    const unverifiable = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[2][i]]));
    expect(unverifiable.rating_value).toBe('');
  });

  it('guards cells a spreadsheet would run as formulas, unless told not to', () => {
    const rows = readCsv(text.slice(1));
    const comment = rows[2][CSV_COLUMNS.indexOf('comment')];
    expect(comment.startsWith("'=HYPERLINK(")).toBe(true);
    expect(rows[4][CSV_COLUMNS.indexOf('quote')]).toBe("'-40% since 2019");
    for (const dangerous of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(dangerous)).toBe(`"'${dangerous}"`);
    expect(csvCell('safe = text')).toBe('"safe = text"');
    const raw = readCsv(exportCsv(sampleAnnotations(), { guardFormulas: false }).slice(1));
    expect(raw[4][CSV_COLUMNS.indexOf('quote')]).toBe('-40% since 2019');
  });

  it('doubles embedded quotes', () => {
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
  });
});
