/**
 * Shared by every bench: how a figure is printed, and the statistics the
 * benches report. One figure a line, `NAME.FIGURE: VALUE UNIT`.
 */

/** Where a bench sends its figures; the runner puts the bench's name in front. */
export interface Report {
  /** One measured figure: `report.figure('redeem_p99', 1.83, 'ms')` prints `signin.redeem_p99: 1.83 ms`. */
  figure(name: string, value: number, unit: string): void;
  /** A figure divided by its baseline from the same run, printed as `N x`. */
  ratio(name: string, value: number, baseline: number): void;
  /** How the figures after it were taken, in words: `report.note('zip_runtime', 'tsx')` prints `billing.zip_runtime: tsx`. */
  note(name: string, text: string): void;
}

/** A bench module's default export. */
export type Bench = (report: Report) => Promise<void>;

/** Three significant digits, without trailing zeros or exponent notation (1.8, 0.0412, 12300). */
export function significant(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  return String(Number(value.toPrecision(digits)));
}

export function createReport(bench: string, write: (line: string) => void = (line) => console.log(line)): Report {
  return {
    figure(name, value, unit) {
      const shown = Number.isInteger(value) && Math.abs(value) >= 1000 ? String(value) : significant(value);
      write(`${bench}.${name}: ${shown} ${unit}`);
    },
    ratio(name, value, baseline) {
      write(`${bench}.${name}: ${significant(value / baseline)} x`);
    },
    note(name, text) {
      write(`${bench}.${name}: ${text}`);
    },
  };
}

/** The p-th percentile (0-100) of some samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]!;
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export function elapsedMs(start: number): number {
  return performance.now() - start;
}

/** Fisher-Yates, in place. */
export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
