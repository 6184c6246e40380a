import type { BenchResult } from './result.ts';

/** Compact human formatting: 812000 → "812,000", 19.84 → "19.84". */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) || Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

function verdict(r: BenchResult): string {
  if (r.pass === undefined) return '';
  return r.pass ? 'ok' : 'MISS';
}

/** A plain-text table, one row per result. */
export function renderTable(results: readonly BenchResult[]): string {
  const header = ['bench', 'metric', 'value', 'unit', 'baseline', 'baseline value', 'ratio', 'target', 'pass'];
  const rows = results.map((r) => [
    r.bench,
    r.metric,
    formatNumber(r.value),
    r.unit ?? '',
    r.baseline,
    formatNumber(r.baseline_value),
    `${formatNumber(r.ratio)}x`,
    r.target ?? '',
    verdict(r),
  ]);
  const numeric = new Set([2, 5, 6]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** One line per missed target, for a clear summary after the table. */
export function describeMisses(results: readonly BenchResult[]): string[] {
  return results
    .filter((r) => r.pass === false)
    .map(
      (r) =>
        `MISSED TARGET ${r.bench} ${r.metric}: ${formatNumber(r.value)}${r.unit ? ` ${r.unit}` : ''}` +
        ` vs ${r.baseline} ${formatNumber(r.baseline_value)} (ratio ${formatNumber(r.ratio)}x), target ${r.target ?? '?'}`,
    );
}
