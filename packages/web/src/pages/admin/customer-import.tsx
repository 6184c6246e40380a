import type { CustomerImportReport, ImportMode } from '@amiable/sdk';
import { useRef, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { describeError } from '../../app/toasts.tsx';
import { importProgress } from '../../lib/import-progress.ts';
import { Card } from '../../ui/card.tsx';

/**
 * CSV import of customers: pick a file, watch the progress, read the bad rows.
 * The server writes an import in one transaction, so it is never half-applied;
 * by default one bad row means nothing is written.
 */
export function CustomerImport({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | undefined>();
  const [report, setReport] = useState<CustomerImportReport | undefined>();
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<{ message: string; code?: string } | undefined>();
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
      setFailure(describeError(error));
    } finally {
      setRunning(false);
    }
  };

  const progress = report ? importProgress(report) : running ? 0 : undefined;
  return (
    <Card title="Import customers from CSV" testId="customer-import" actions={<button type="button" className="btn btn-ghost btn-sm" onClick={onClose}>Close</button>}>
      <p className="small muted">
        One customer per line after a header line naming the columns: <code>number,name,address,language,notes</code> (any order;{' '}
        <code>number</code> and <code>name</code> are required). A customer whose number is already known is updated.
      </p>
      <label className="checkbox small">
        <input type="checkbox" checked={mode === 'all-or-nothing'} onChange={(e) => setMode(e.target.checked ? 'all-or-nothing' : 'best-effort')} data-testid="import-all-or-nothing" />
        Import only if every row is valid (otherwise the valid rows are imported and the others listed)
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
          Import
        </button>
      </div>
      {progress !== undefined && (
        <div className="stack-tight">
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress} data-testid="import-progress" data-value={progress}>
            <div style={{ width: `${progress}%` }} />
          </div>
          <div className="small muted" data-testid="import-progress-text">
            {report ? `${report.processed}${report.total !== null ? ` of ${report.total}` : ''} rows checked` : 'Uploading…'}
          </div>
        </div>
      )}
      {failure && (
        <div className="banner banner-danger" role="alert" data-testid="import-error">
          {failure.message} {failure.code && <span className="toast-code">{failure.code}</span>}
          <div className="small">The import was rolled back: nothing was half-imported.</div>
        </div>
      )}
      {report && report.status !== 'running' && report.committed && (
        <div className={`banner ${report.rejected.length ? 'banner-warning' : 'banner-success'}`} data-testid="import-success">
          Imported: {report.created} created, {report.updated} updated.
          {report.rejected.length > 0 && ` ${report.rejected.length} row${report.rejected.length === 1 ? ' was' : 's were'} skipped (listed below); every other row was imported whole.`}
        </div>
      )}
      {report && report.status !== 'running' && !report.committed && (
        <div className="banner banner-danger" role="alert" data-testid="import-nothing-imported">
          <strong>Nothing was imported</strong>, so nothing is half-imported.{' '}
          {report.rejected.length > 0 ? `${report.rejected.length} row${report.rejected.length === 1 ? ' has' : 's have'} problems; fix them and import the file again.` : (report.message ?? 'The import failed.')}
        </div>
      )}
      {report && report.rejected.length > 0 && (
        <div className="table-wrap bad-rows">
          <table className="table" data-testid="import-bad-rows">
            <thead>
              <tr>
                <th className="num">Line</th>
                <th>Row</th>
                <th>Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((r) => (
                <tr key={`${r.line}-${r.field ?? ''}-${r.reason}`} data-testid="import-bad-row" data-line={r.line}>
                  <td className="num mono">{r.line}</td>
                  <td className="mono small">{r.values ? Object.values(r.values).filter(Boolean).join(', ') || '(empty)' : (r.field ?? '—')}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
