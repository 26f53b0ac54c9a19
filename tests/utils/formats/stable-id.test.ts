import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isUuid, sha1Hex, uuidV5 } from '../../../utils/formats/stable-id';

describe('deterministic ids', () => {
  it('SHA-1 matches node:crypto on ASCII, Korean and block-boundary lengths', () => {
    for (const text of ['', 'abc', '한국어 팩트체크', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'w'.repeat(1000)]) {
      expect(sha1Hex(text)).toBe(createHash('sha1').update(text, 'utf8').digest('hex'));
    }
  });

  it('produces RFC 4122 version-5 UUIDs (DNS namespace test vector)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    const id = uuidV5('hypothesis:AbC123xyz');
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('5');
    expect(uuidV5('hypothesis:AbC123xyz')).toBe(id);
    expect(uuidV5('hypothesis:AbC123xyZ')).not.toBe(id);
  });
});
