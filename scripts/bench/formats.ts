/**
 * Suite "formats": export 10,000 notes in every format (target < 1 s each) and
 * import 10,000 (parse + validate + one-transaction write; target < 3 s).
 *
 * Each export is the median of 3 runs after a warm-up. Imports write into a
 * fresh Dexie over fake-indexeddb (Node has no IndexedDB), which is slower
 * than a browser's IndexedDB, so the write numbers are an upper bound.
 */
import { loadavg } from 'node:os';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { Annotation, Verdict } from '../../utils/annotation';
import { VERDICT_KEYS } from '../../utils/annotation';
import { importAnnotations } from '../../utils/db/repository';
import { openDatabase } from '../../utils/db/schema';
import { EXPORT_FORMATS, exportFormat } from '../../utils/formats/export-formats';
import { parseImport } from '../../utils/formats/import';
import type { BenchRow } from './types';

const NOTES = 10_000;
const PAGES = 400;
const EXPORT_TARGET_MS = 1_000;
const IMPORT_TARGET_MS = 3_000;

export function makeNote(i: number): Annotation {
  const korean = i % 2 === 0;
  const quote = korean
    ? `정부는 2024년 경제성장률이 ${(i % 50) / 10 + 1}%로 예상된다고 밝혔다 (주장 ${i})`
    : `Unemployment fell to ${(i % 40) / 10 + 3}% in the third quarter, the lowest in ${i % 20} years (claim ${i})`;
  const at = new Date(Date.UTC(2025, 0, 1, 0, 0, i % 60, i % 1000) + i * 60_000).toISOString();
  const verdict: Verdict | undefined = i % 5 === 4 ? undefined : VERDICT_KEYS[i % VERDICT_KEYS.length];
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    pageUrl: `https://news.example/article/${i % PAGES}`,
    kind: i % 3 === 0 ? 'figure' : 'claim',
    quote,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: korean ? '연합뉴스 보도에 따르면 ' : 'According to the agency, ', suffix: korean ? ' 고 덧붙였다.' : ', it added.' },
      { type: 'TextPositionSelector', start: i, end: i + quote.length },
    ],
    ...(i % 3 === 0 ? { figures: [{ start: 10, end: 14, text: '2024년', kind: 'date' as const, unit: null, iso: '2024' }] } : {}),
    ...(verdict ? { verdict } : {}),
    ...(i % 2 ? { comment: `Checked against the statistics office release, "table 3", row ${i}; differs by ${(i % 30) / 10} pp.` } : {}),
    sources: i % 4 ? ['https://kostat.go.kr/', `https://stats.example.org/release/${i}`] : [],
    tags: korean ? ['경제', 'GDP'] : ['labour', 'jobs'],
    createdAt: at,
    updatedAt: at,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall time and this process's CPU time: on a shared machine the second shows what the code costs. */
function time<T>(work: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, value };
}

const load = () => `load ${loadavg()[0].toFixed(1)}`;

export default async function run(): Promise<BenchRow[]> {
  const notes = Array.from({ length: NOTES }, (_, i) => makeNote(i));
  const pages = Array.from({ length: PAGES }, (_, i) => ({ url: `https://news.example/article/${i}`, title: `기사 제목 ${i} — Article ${i}` }));
  const options = { pages, exportedAt: '2025-06-01T00:00:00.000Z' };
  const rows: BenchRow[] = [];

  for (const format of EXPORT_FORMATS) {
    format.serialize(notes, options); // warm-up
    const runs = [0, 1, 2].map(() => time(() => format.serialize(notes, options)));
    const ms = median(runs.map((r) => r.ms));
    rows.push({
      suite: 'formats',
      metric: `export ${format.id} (${NOTES.toLocaleString('en')} notes)`,
      value: Math.round(ms),
      unit: 'ms',
      target: EXPORT_TARGET_MS,
      ok: ms < EXPORT_TARGET_MS,
      note: `${(runs[0].value.length / 1_048_576).toFixed(1)} MiB, cpu ${Math.round(median(runs.map((r) => r.cpuMs)))} ms, ${load()}`,
    });
  }

  for (const id of ['web-annotation', 'hypothesis'] as const) {
    const text = exportFormat(id).serialize(notes, options);
    const db = openDatabase(`bench-formats-${id}-${Date.now()}`, { indexedDB, IDBKeyRange });
    await db.open();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const parsed = parseImport(text);
    const parsedAt = performance.now();
    const result = await importAnnotations(db, parsed.annotations, parsed.pages);
    const total = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (result.added !== NOTES) throw new Error(`import ${id}: expected ${NOTES} added, got ${JSON.stringify(result)}`);
    rows.push({
      suite: 'formats',
      metric: `import ${id} (${NOTES.toLocaleString('en')} notes, parse+validate+write)`,
      value: Math.round(total),
      unit: 'ms',
      target: IMPORT_TARGET_MS,
      ok: total < IMPORT_TARGET_MS,
      note: `parse+validate ${Math.round(parsedAt - started)} ms, write ${Math.round(performance.now() - parsedAt)} ms (fake-indexeddb), cpu ${Math.round((used.user + used.system) / 1000)} ms, ${load()}`,
    });
    db.close();
  }
  return rows;
}
