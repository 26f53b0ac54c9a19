import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_KINDS } from '../../utils/annotation';
import { CLAIM_KINDS } from '../../utils/detect/types';

const ROOT = join(__dirname, '../..');

function readMessages(locale: string): Record<string, { message: string }> {
  return JSON.parse(readFileSync(join(ROOT, 'public/_locales', locale, 'messages.json'), 'utf8'));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The first argument of every `t(` call, up to the comma or parenthesis that closes it at depth 0. */
function firstArguments(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?<![\w.$])t\(/g)) {
    let depth = 0;
    let i = match.index + match[0].length;
    const start = i;
    for (; i < source.length; i++) {
      const c = source[i];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
    }
    found.push(source.slice(start, i));
  }
  return found;
}

/** Keys named in a t() argument: plain literals (also both arms of a ternary, not the compared values in its condition) and `prefix${kind}` templates over the known kinds. */
function keysNamed(argument: string): string[] {
  const keys = [...argument.replace(/[!=]==\s*(['"])[^'"]*\1/g, '').matchAll(/'([A-Za-z0-9_]+)'|"([A-Za-z0-9_]+)"/g)].map((m) => m[1] ?? m[2]);
  const template = /^`([A-Za-z0-9_]+)\$\{[^}]+\}`$/.exec(argument.trim());
  if (template) {
    const kinds = [...new Set<string>([...ANNOTATION_KINDS, ...CLAIM_KINDS])];
    const prefix = template[1];
    // popupKind_ covers notes and claims; pageUiKind_ only claims (the hover card shows a claim's kinds).
    const used = prefix === 'pageUiKind_' ? CLAIM_KINDS : kinds;
    keys.push(...used.map((kind) => prefix + kind));
  }
  return keys;
}

describe('UI strings', () => {
  const en = readMessages('en');
  const ko = readMessages('ko');

  it('en and ko define the same keys', () => {
    expect(Object.keys(en).length).toBeGreaterThan(0);
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message is non-empty in both locales', () => {
    const empty = Object.entries({ ...prefixed('en', en), ...prefixed('ko', ko) })
      .filter(([, entry]) => !entry.message?.trim())
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('every key named in a t() call in components/, utils/ and entrypoints/ exists', () => {
    const files = ['components', 'utils', 'entrypoints'].flatMap((dir) => sourceFiles(join(ROOT, dir)));
    const missing: string[] = [];
    let checked = 0;
    for (const file of files) {
      for (const argument of firstArguments(readFileSync(file, 'utf8'))) {
        for (const key of keysNamed(argument)) {
          checked++;
          if (!(key in en)) missing.push(`${relative(ROOT, file)}: ${key}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});

function prefixed(locale: string, messages: Record<string, { message: string }>): Record<string, { message: string }> {
  return Object.fromEntries(Object.entries(messages).map(([key, entry]) => [`${locale}:${key}`, entry]));
}
