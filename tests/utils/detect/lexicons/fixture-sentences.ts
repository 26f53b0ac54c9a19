import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '../../../fixtures');

/** The sentences of both news fixtures and both no-false-alarm lists: real text the lexicon tests read beside random strings. */
export function fixtureSentences(): string[] {
  const html = (file: string) => readFileSync(join(FIXTURES, file), 'utf8').replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, '\n');
  const texts = [
    html('news-en-datacenter.html'), html('news-ko-grok3.html'),
    readFileSync(join(FIXTURES, 'checks-no-false-alarms-en.txt'), 'utf8'), readFileSync(join(FIXTURES, 'checks-no-false-alarms-ko.txt'), 'utf8'),
  ];
  return texts.flatMap((text) => text.split(/(?<=[.!?])\s+|\n/)).filter((s) => s.trim());
}
