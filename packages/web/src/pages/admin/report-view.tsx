import type { ReportResult } from '@amiable/protocol';
import { BarChart } from '../../charts/bar-chart.tsx';
import { downloadText, toCsv } from '../../lib/csv.ts';
import { formatDurationLong, formatPercent } from '../../lib/format.ts';
import { chartsFor, kpisFor, seriesColor } from '../../lib/report-charts.ts';
import { formatCell, reportCsvColumns } from '../../lib/report-format.ts';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Icon } from '../../ui/icon.tsx';

const KIND_TITLE = { number: 'Calls', percent: 'Rates', seconds: 'Times' } as const;
const KIND_FORMAT = { number: (v: number) => String(v), percent: (v: number) => formatPercent(v), seconds: (v: number) => formatDurationLong(v) } as const;

/** One report: figures from its totals, charts from its columns, the table, and CSV export. */
export function ReportView({ report, title, loading }: { report: ReportResult; title: string; loading: boolean }) {
  const kpis = kpisFor(report);
  const charts = chartsFor(report);
  const exportCsv = () => {
    const day = (iso: string) => iso.slice(0, 10);
    downloadText(`${report.report}_${day(report.from)}_${day(report.to)}.csv`, toCsv(reportCsvColumns(report), report.rows));
  };
  return (
    <div className="stack" data-testid="report-view" data-report={report.report} aria-busy={loading}>
      {kpis.length > 0 && (
        <div className="kpis">
          {kpis.map(({ column, value }) => (
            <div key={column.key} className="kpi">
              <div className="stat-label">{column.label}</div>
              <div className="stat-value sm" data-testid={`report-kpi-${column.key}`}>
                {formatCell(value, column.type)}
              </div>
            </div>
          ))}
        </div>
      )}
      {charts.length > 0 && (
        <div className="grid-2">
          {charts.map((chart) => (
            <Card key={chart.kind} title={`${title}: ${KIND_TITLE[chart.kind].toLowerCase()}`}>
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
      <Card title={title} flush actions={<button type="button" className="btn btn-sm" onClick={exportCsv} disabled={report.rows.length === 0} data-testid="report-export">Export CSV</button>}>
        {report.rows.length === 0 ? (
          <EmptyState icon={<Icon name="chart" size={30} />} title="No data in this range" testId="report-empty" />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="report-table">
              <thead>
                <tr>
                  {report.columns.map((c) => (
                    <th key={c.key} className={c.type === 'string' ? '' : 'num'}>
                      {c.label}
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
                        {formatCell(row[c.key], c.type)}
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
                        {i === 0 && c.type === 'string' ? 'Total' : formatCell(report.totals?.[c.key], c.type)}
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
