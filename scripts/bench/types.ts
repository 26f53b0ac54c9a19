/** One benchmark result row; `--json` prints exactly these objects, one per line. */
export interface BenchRow {
  suite: string;
  metric: string;
  value: number;
  unit: string;
  /** The target, where it sets one. */
  target?: number;
  /** value meets target. */
  ok?: boolean;
  /** A reference measured in the same run (e.g. a bare regex pass), so ratios hold on a noisy machine. */
  baseline?: number;
  /** Free-form context printed in the table (batch sizes, counts). */
  note?: string;
}

export type BenchSuite = () => Promise<BenchRow[]>;
