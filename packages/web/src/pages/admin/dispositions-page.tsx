import type { QueueDispositions } from '@amiable/protocol';
import { type FormEvent, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useT } from '../../i18n/index.ts';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Icon } from '../../ui/icon.tsx';
import { type CodeRow, codeProblem } from './dispositions-form.ts';

/** Disposition codes per queue: the outcomes agents pick after a call, and whether one is required before Ready. */
export function DispositionsPage() {
  const { t } = useT('wrapup');
  const client = useClient();
  const data = useAsync(async () => {
    const [queues, dispositions] = await Promise.all([client.api.queues.list(), client.api.dispositions.list()]);
    const names = [...new Set([...queues.items.map((q) => q.queue), ...dispositions.items.map((d) => d.queue)])].sort();
    return { names, byQueue: new Map(dispositions.items.map((d) => [d.queue, d])) };
  }, [client]);
  const [selected, setSelected] = useState<string | undefined>();
  const names = data.data?.names ?? [];
  const queue = selected ?? names[0];

  return (
    <div className="content" data-testid="admin-dispositions">
      <div className="page-header">
        <div>
          <h1>{t('admin.title')}</h1>
          <p>{t('admin.intro')}</p>
        </div>
      </div>
      {!data.data ? (
        <Card>
          {data.error ? (
            <EmptyState icon={<Icon name="alert" size={30} />} title={t('admin.loadFailed')} />
          ) : (
            <EmptyState icon={<span className="spinner" />} title={t('admin.loading')} />
          )}
        </Card>
      ) : names.length === 0 ? (
        <Card>
          <EmptyState icon={<Icon name="list" size={30} />} title={t('admin.noQueues')} />
        </Card>
      ) : (
        <div className="dispositions-layout">
          <Card title={t('admin.queues')} flush>
            <ul className="dispositions-queues" data-testid="dispositions-queues">
              {names.map((name) => {
                const d = data.data?.byQueue.get(name);
                return (
                  <li key={name}>
                    <button type="button" className={`dispositions-queue${name === queue ? ' active' : ''}`} aria-current={name === queue} onClick={() => setSelected(name)} data-testid={`dispositions-queue-${name}`}>
                      <span className="mono">{name}</span>
                      <span className="small muted">
                        {d && d.codes.length > 0 ? t('admin.codeCount', { count: d.codes.length }) : t('admin.noCodes')}
                        {d?.required ? ` · ${t('admin.required')}` : ''}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </Card>
          {queue && <QueueCodes key={queue} queue={queue} current={data.data.byQueue.get(queue)} onSaved={data.reload} />}
        </div>
      )}
    </div>
  );
}

function QueueCodes({ queue, current, onSaved }: { queue: string; current: QueueDispositions | undefined; onSaved: () => void }) {
  const { t } = useT('wrapup');
  const client = useClient();
  const toast = useToast();
  const [required, setRequired] = useState(current?.required ?? false);
  const [rows, setRows] = useState<CodeRow[]>(current?.codes.map((c) => ({ ...c })) ?? []);
  const [problem, setProblem] = useState<string | null>(null);

  const edit = (i: number, patch: Partial<CodeRow>) => {
    setProblem(null);
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const bad = codeProblem(rows, required);
    if (bad) return setProblem(t(bad.key, bad));
    try {
      await client.api.dispositions.set(queue, { required, codes: rows.map((r) => ({ code: r.code, label: r.label.trim() })) });
      toast.success(t('admin.saved', { queue }));
      onSaved();
    } catch (error) {
      toast.error(error, t('admin.saveFailed'));
    }
  };
  const clear = async () => {
    try {
      await client.api.dispositions.remove(queue);
      toast.success(t('admin.cleared', { queue }));
      setRows([]);
      setRequired(false);
      onSaved();
    } catch (error) {
      toast.error(error, t('admin.saveFailed'));
    }
  };

  return (
    <Card title={t('admin.codesOf', { queue })} testId="dispositions-editor">
      <form className="stack" onSubmit={save}>
        <label className="checkbox">
          <input type="checkbox" checked={required} onChange={(e) => {
              setProblem(null);
              setRequired(e.target.checked);
            }} data-testid="dispositions-required" />
          {t('admin.required')}
        </label>
        <p className="small muted">{t('admin.requiredHint')}</p>
        <table className="table dispositions-table">
          <thead>
            <tr>
              <th>{t('admin.code')}</th>
              <th>{t('admin.label')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the code itself is being typed
              <tr key={i} data-testid="dispositions-row">
                <td>
                  <input className="input mono" dir="ltr" aria-label={t('admin.code')} value={row.code} maxLength={64} onChange={(e) => edit(i, { code: e.target.value })} data-testid="dispositions-code" />
                </td>
                <td>
                  <input className="input" aria-label={t('admin.label')} value={row.label} maxLength={200} onChange={(e) => edit(i, { label: e.target.value })} data-testid="dispositions-label" />
                </td>
                <td>
                  <button type="button" className="btn btn-ghost btn-sm" aria-label={t('admin.removeCode', { code: row.code })} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                    {t('admin.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {problem && (
          <div className="form-error" role="alert" data-testid="dispositions-problem">
            {problem}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => setRows([...rows, { code: '', label: '' }])} data-testid="dispositions-add">
            {t('admin.addCode')}
          </button>
          <div className="spacer" />
          {current && (
            <button type="button" className="btn btn-ghost" onClick={() => void clear()}>
              {t('admin.clear')}
            </button>
          )}
          <button type="submit" className="btn btn-primary" data-testid="dispositions-save">
            {t('admin.save')}
          </button>
        </div>
      </form>
    </Card>
  );
}
