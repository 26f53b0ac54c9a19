/**
 * Loads the ClaimBuster dataset (../shared/data/claimbuster) with the split its
 * SOURCE.md fixes: train = File_id year before 2012 (both CSVs), test = 2012 and
 * 2016. Positive = Verdict 1 (check-worthy factual sentence).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface ClaimBusterRow {
  id: string;
  text: string;
  fileId: string;
  year: number;
  positive: boolean;
}

/**
 * The data set is not part of this repository (see its SOURCE.md in the workspace's shared/data): it is read from
 * $FACTMARK_CLAIMBUSTER_DIR, or from shared/ beside the checkout, where CI lays it.
 */
export const CLAIMBUSTER_DIR = process.env.FACTMARK_CLAIMBUSTER_DIR ?? resolve(import.meta.dirname, '../../shared/data/claimbuster');

export function claimBusterAvailable(dir = CLAIMBUSTER_DIR): boolean {
  return existsSync(resolve(dir, 'crowdsourced.csv')) && existsSync(resolve(dir, 'groundtruth.csv'));
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

export function loadClaimBuster(dir = CLAIMBUSTER_DIR): { train: ClaimBusterRow[]; test: ClaimBusterRow[] } {
  const train: ClaimBusterRow[] = [];
  const test: ClaimBusterRow[] = [];
  for (const file of ['crowdsourced.csv', 'groundtruth.csv']) {
    const [header, ...rows] = parseCsv(readFileSync(resolve(dir, file), 'utf8'));
    const col = (name: string) => {
      const index = header.indexOf(name);
      if (index < 0) throw new Error(`${file}: no column ${name}`);
      return index;
    };
    const [idCol, textCol, fileCol, verdictCol] = [col('Sentence_id'), col('Text'), col('File_id'), col('Verdict')];
    for (const cells of rows) {
      const fileId = cells[fileCol];
      const year = Number(fileId.slice(0, 4));
      const row = { id: `${file}:${cells[idCol]}`, text: cells[textCol].normalize('NFC'), fileId, year, positive: cells[verdictCol] === '1' };
      (year < 2012 ? train : test).push(row);
    }
  }
  return { train, test };
}
