import type { ReportColumn } from '@amiable/protocol';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A report column's heading in the reader's language: the report's own wording
 * (`columnsIn.<report>.<key>`), else the column's (`columns.<key>`), else the server's label.
 */
export function columnLabel(t: Translate, report: string, column: ReportColumn): string {
  return t(`columnsIn.${report}.${column.key}`, { defaultValue: t(`columns.${column.key}`, { defaultValue: column.label }) });
}
