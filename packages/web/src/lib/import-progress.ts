import type { CustomerImportReport } from '@amiable/sdk';

/** Percentage (0–100) of an import's progress; 100 once it is over, whatever the counts say. */
export function importProgress(report: CustomerImportReport): number {
  if (report.status !== 'running') return 100;
  if (!report.total) return 0;
  return Math.min(99, Math.floor((report.processed / report.total) * 100));
}
