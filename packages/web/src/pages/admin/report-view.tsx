import type { ReportColumn, ReportResult } from '@amiable/protocol';
import { BarChart } from '../../charts/bar-chart.tsx';
import { useT } from '../../i18n/index.ts';
import { downloadText, toCsv } from '../../lib/csv.ts';
import { formatDateTime, formatDurationLong, formatPercent } from '../../lib/format.ts';
import { chartsFor, kpisFor, seriesColor } from '../../lib/report-charts.ts';
import { formatCell, reportCsvColumns } from '../../lib/report-format.ts';
import { columnLabel } from '../../lib/report-labels.ts';
import type { DateRange } from '../../lib/time-range.ts';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Icon } from '../../ui/icon.tsx';

const KIND_FORMAT = { number: (v: number) => String(v), percent: (v: number) => formatPercent(v), seconds: (v: number) => formatDurationLong(v) } as const;

/**
 * One report: figures from its totals, charts from its columns, the table, a CSV download and
 * a printable page (reports.css hides the navigation and buttons when printing).
 */
export function ReportView({ report, title, range, loading }: { report: ReportResult; title: string; range: DateRange; loading: boolean }) {
  const { t } = useT('reports');
  const label = (c: ReportColumn) => columnLabel(t, report.report, c);
  const kpis = kpisFor(report);
  const charts = chartsFor(report, label);
  const cell = (value: string | number | null | undefined, column: ReportColumn) =>
    column.key === 'paid' && (value === 'yes' || value === 'no') ? t(`values.${value}`) : formatCell(value, column.type);
  const exportCsv = () => downloadText(`${report.report}_${range.from}_${range.to}.csv`, toCsv(reportCsvColumns(report, label), report.rows));
  return (
    <div className="stack report-print" data-testid="report-view" data-report={report.report} aria-busy={loading}>
      <header className="report-print-heading">
        <h1>{t('print.heading', { title, from: range.from, to: range.to })}</h1>
        <p>{t('print.generated', { at: formatDateTime(report.generatedAt) })}</p>
      </header>
      {kpis.length > 0 && (
        <div className="kpis">
          {kpis.map(({ column, value }) => (
            <div key={column.key} className="kpi">
              <div className="stat-label">{label(column)}</div>
              <div className="stat-value sm" data-testid={`report-kpi-${column.key}`}>
                {formatCell(value, column.type)}
              </div>
            </div>
          ))}
        </div>
      )}
      {charts.length > 0 && (
        <div className="grid-2 report-charts">
          {charts.map((chart) => (
            <Card key={chart.kind} title={<span data-testid={`report-chart-title-${chart.kind}`}>{chart.title}</span>}>
              <BarChart
                labels={chart.labels}
                series={chart.series.map((s, i) => ({ name: s.name, values: s.values, color: seriesColor(i) }))}
                format={KIND_FORMAT[chart.kind]}
                testId={`report-chart-${chart.kind}`}
              />
            </Card>
          ))}
        </div>
      )}
      <Card
        title={title}
        flush
        actions={
          <div className="row report-actions">
            <button type="button" className="btn btn-sm" onClick={exportCsv} disabled={report.rows.length === 0} data-testid="report-export">
              {t('actions.csv')}
            </button>
            <button type="button" className="btn btn-sm" onClick={() => window.print()} data-testid="report-print">
              {t('actions.print')}
            </button>
          </div>
        }
      >
        {report.rows.length === 0 ? (
          <EmptyState icon={<Icon name="chart" size={30} />} title={t('empty')} testId="report-empty" />
        ) : (
          <div className="table-wrap">
            <table className="table report-table" data-testid="report-table">
              <thead>
                <tr>
                  {report.columns.map((c) => (
                    <th key={c.key} className={c.type === 'string' ? '' : 'num'}>
                      {label(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.rows.map((row, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: report rows have no id
                  <tr key={i} data-testid="report-row">
                    {report.columns.map((c) => (
                      <td key={c.key} className={c.type === 'string' ? '' : 'num mono'}>
                        {cell(row[c.key], c)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              {report.totals && (
                <tfoot>
                  <tr className="totals">
                    {report.columns.map((c, i) => (
                      <td key={c.key} className={c.type === 'string' ? '' : 'num mono'}>
                        {i === 0 && c.type === 'string' ? t('total') : c.type === 'string' ? '' : formatCell(report.totals?.[c.key], c.type)}
                      </td>
                    ))}
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
