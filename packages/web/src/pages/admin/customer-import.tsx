import type { CustomerImportReport, ImportMode } from '@amiable/sdk';
import { useRef, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useT } from '../../i18n/index.ts';
import { describeError, fieldLabel } from '../../lib/describe-error.ts';
import { formatNumber } from '../../lib/format.ts';
import { importProgress } from '../../lib/import-progress.ts';
import { Card } from '../../ui/card.tsx';

/**
 * CSV import of customers: pick a file, watch the progress, read the bad rows.
 * The server writes an import in one transaction, so it is never half-applied;
 * by default one bad row means nothing is written.
 */
export function CustomerImport({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { t } = useT('admin');
  const { t: tc } = useT('common');
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | undefined>();
  const [report, setReport] = useState<CustomerImportReport | undefined>();
  const [running, setRunning] = useState(false);
  // The error itself is kept, so that its sentence follows the language.
  const [failure, setFailure] = useState<unknown>();
  const shownFailure = failure === undefined ? undefined : describeError(failure);
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');

  const start = async () => {
    if (!file) return;
    setRunning(true);
    setFailure(undefined);
    setReport(undefined);
    try {
      const final = await client.api.customers.importCsv(file, { mode, onProgress: setReport });
      setReport(final);
      if (final.committed) onImported();
    } catch (error) {
      console.warn('The customer import failed', error);
      setFailure(error);
    } finally {
      setRunning(false);
    }
  };

  const progress = report ? importProgress(report) : running ? 0 : undefined;
  return (
    <Card
      title={t('customerImport.title')}
      testId="customer-import"
      actions={
        <button type="button" className="btn btn-ghost btn-sm" onClick={onClose}>
          {tc('actions.close')}
        </button>
      }
    >
      <p className="small muted">
        {t('customerImport.intro')} <code dir="ltr">number,name,address,language,notes</code>
        {'. '}
        {t('customerImport.introRules')}
      </p>
      <label className="checkbox small">
        <input type="checkbox" checked={mode === 'all-or-nothing'} onChange={(e) => setMode(e.target.checked ? 'all-or-nothing' : 'best-effort')} data-testid="import-all-or-nothing" />
        {t('customerImport.allOrNothing')}
      </label>
      <div className="row-wrap">
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            setFile(e.target.files?.[0]);
            setReport(undefined);
            setFailure(undefined);
          }}
          data-testid="import-file"
        />
        <div className="spacer" />
        <button type="button" className="btn btn-primary" disabled={!file || running} onClick={start} data-testid="import-start">
          {running && <span className="spinner" />}
          {t('customerImport.start')}
        </button>
      </div>
      {progress !== undefined && (
        <div className="stack-tight">
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress} data-testid="import-progress" data-value={progress}>
            <div style={{ inlineSize: `${progress}%` }} />
          </div>
          <div className="small muted" data-testid="import-progress-text">
            {report
              ? report.total !== null
                ? t('customerImport.checkedOf', { processed: formatNumber(report.processed), total: formatNumber(report.total) })
                : t('customerImport.checked', { processed: formatNumber(report.processed) })
              : t('customerImport.uploading')}
          </div>
        </div>
      )}
      {shownFailure && (
        <div className="banner banner-danger" role="alert" data-testid="import-error" data-code={shownFailure.code}>
          {shownFailure.message}
          <div className="small">{t('customerImport.rolledBack')}</div>
        </div>
      )}
      {report && report.status !== 'running' && report.committed && (
        <div className={`banner ${report.rejected.length ? 'banner-warning' : 'banner-success'}`} data-testid="import-success">
          {t('customerImport.imported', { created: formatNumber(report.created), updated: formatNumber(report.updated) })}
          {report.rejected.length > 0 && ` ${t('customerImport.skipped', { count: report.rejected.length })}`}
        </div>
      )}
      {report && report.status !== 'running' && !report.committed && (
        <div className="banner banner-danger" role="alert" data-testid="import-nothing-imported">
          <strong>{t('customerImport.nothingImported')}</strong> {t('customerImport.nothingHalf')}{' '}
          {report.rejected.length > 0 ? (
            t('customerImport.rowsWithProblems', { count: report.rejected.length })
          ) : (
            <>
              {t('customerImport.failed')} {report.message && <span lang="en">{report.message}</span>}
            </>
          )}
        </div>
      )}
      {report && report.rejected.length > 0 && (
        <div className="table-wrap bad-rows">
          <table className="table" data-testid="import-bad-rows">
            <thead>
              <tr>
                <th className="num">{t('customerImport.columns.line')}</th>
                <th>{t('customerImport.columns.row')}</th>
                <th>{t('customerImport.columns.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((r) => (
                <tr key={`${r.line}-${r.field ?? ''}-${r.reason}`} data-testid="import-bad-row" data-line={r.line}>
                  <td className="num mono">{r.line}</td>
                  <td className="mono small" dir="auto">
                    {r.values ? Object.values(r.values).filter(Boolean).join(', ') || t('customerImport.emptyRow') : (r.field ?? '—')}
                  </td>
                  {/* The server words the problem (in English), naming the column. */}
                  <td lang="en" dir="ltr">
                    {r.field && <span className="sr-only">{fieldLabel(r.field)}: </span>}
                    {r.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
