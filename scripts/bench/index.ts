/**
 * npm run bench -- [SUITE] [--json]
 *
 * Runs scripts/bench/SUITE.ts (default export `run(): Promise<BenchRow[]>`), or
 * every suite when none is named, and prints an aligned table, or with --json
 * one JSON object per line: {"suite","metric","value","unit","target","ok","baseline"}
 * (keys left out when absent).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './types';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
/** Modules in scripts/bench that are not suites. */
const NOT_SUITES = new Set(['index', 'types']);

type Suite = () => Promise<BenchRow[]>;

async function loadSuite(name: string): Promise<Suite | undefined> {
  const module = (await import(pathToFileURL(join(BENCH_DIR, `${name}.ts`)).href)) as { default?: unknown };
  return typeof module.default === 'function' ? (module.default as Suite) : undefined;
}

/** Files with a default-exported run function. */
async function listSuites(): Promise<string[]> {
  const names = readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => file.slice(0, -3))
    .filter((name) => !NOT_SUITES.has(name))
    .sort();
  const suites: string[] = [];
  for (const name of names) if (await loadSuite(name)) suites.push(name);
  return suites;
}

function jsonLine(row: BenchRow): string {
  const out: Record<string, unknown> = { suite: row.suite, metric: row.metric, value: row.value, unit: row.unit };
  if (row.target !== undefined) out.target = row.target;
  if (row.ok !== undefined) out.ok = row.ok;
  if (row.baseline !== undefined) out.baseline = row.baseline;
  return JSON.stringify(out);
}

function formatNumber(value: number | undefined): string {
  if (value === undefined) return '';
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(1) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toFixed(3);
}

export function formatTable(rows: BenchRow[]): string {
  const header = ['suite', 'metric', 'value', 'unit', 'target', 'ok', 'baseline', 'note'];
  const cells = rows.map((row) => [
    row.suite,
    row.metric,
    formatNumber(row.value),
    row.unit,
    formatNumber(row.target),
    row.ok === undefined ? '' : row.ok ? 'yes' : 'NO',
    formatNumber(row.baseline),
    row.note ?? '',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i].length)));
  const numeric = new Set([2, 4, 6]);
  const render = (line: string[]) =>
    line
      .map((cell, i) => (i === line.length - 1 ? cell : numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...cells.map(render)].join('\n');
}

async function main(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const named = args.filter((arg) => arg !== '--json' && arg !== '--');
  const available = await listSuites();
  const unknown = named.filter((name) => !available.includes(name));
  if (unknown.length) {
    process.stderr.write(`unknown bench suite: ${unknown.join(', ')}. Suites: ${available.join(', ') || '(none)'}\n`);
    return 2;
  }
  const chosen = named.length ? named : available;
  const seen = new Set<string>();
  const rows: BenchRow[] = [];
  for (const name of chosen) {
    const run = (await loadSuite(name))!;
    for (const row of await run()) {
      // A suite may also report rows of another (detect reports the spec rows): print each once.
      const key = `${row.suite}\u0000${row.metric}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(row);
      if (json) process.stdout.write(jsonLine(row) + '\n');
    }
  }
  if (!json) process.stdout.write(formatTable(rows) + '\n');
  return 0; // a missed target is reported in the table, not as a failure
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  },
);
