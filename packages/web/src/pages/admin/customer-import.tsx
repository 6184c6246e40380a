import type { CustomerImportReport } from '@amiable/sdk';
import { useRef, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { describeError } from '../../app/toasts.tsx';
import { importProgress } from '../../lib/import-progress.ts';
import { Card } from '../../ui/card.tsx';

/**
 * CSV import of customers: pick a file, watch the progress, read the bad rows.
 * The server imports all rows or none, so a file with bad rows changes nothing.
 */
export function CustomerImport({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | undefined>();
  const [report, setReport] = useState<CustomerImportReport | undefined>();
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<{ message: string; code?: string } | undefined>();

  const start = async () => {
    if (!file) return;
    setRunning(true);
    setFailure(undefined);
    setReport(undefined);
    try {
      const final = await client.api.customers.importCsv(file, { onProgress: setReport });
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
        One customer per line with a header line, for example <code>name,phone,language,company,email,notes</code>. Several numbers go in one
        field separated by <code>;</code>. Existing customers with the same number are updated.
      </p>
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
          <div className="small">Nothing was imported.</div>
        </div>
      )}
      {report && report.status !== 'running' && report.committed && (
        <div className="banner banner-success" data-testid="import-success">
          Imported: {report.created} created, {report.updated} updated.
        </div>
      )}
      {report && report.status !== 'running' && !report.committed && (
        <div className="banner banner-danger" role="alert" data-testid="import-nothing-imported">
          <strong>Nothing was imported.</strong> {report.rejected.length > 0 ? `${report.rejected.length} row${report.rejected.length === 1 ? ' has' : 's have'} problems; fix them and import the file again.` : (report.message ?? 'The import failed.')}
        </div>
      )}
      {report && report.rejected.length > 0 && (
        <div className="table-wrap bad-rows">
          <table className="table" data-testid="import-bad-rows">
            <thead>
              <tr>
                <th className="num">Line</th>
                <th>Field</th>
                <th>Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((r) => (
                <tr key={`${r.line}-${r.field ?? ''}-${r.reason}`} data-testid="import-bad-row" data-line={r.line}>
                  <td className="num mono">{r.line}</td>
                  <td className="mono">{r.field ?? '—'}</td>
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
