import type { Page } from '@amiable/protocol';
import type { Resource } from '@amiable/sdk';
import { type ReactNode, useState } from 'react';
import { useToast } from '../../../app/toasts.tsx';
import { useAsync } from '../../../app/use-async.ts';
import { useT } from '../../../i18n/index.ts';
import { describeError } from '../../../lib/describe-error.ts';
import { formatNumber } from '../../../lib/format.ts';
import type { FieldSpec } from '../../../lib/form-spec.ts';
import { Card } from '../../../ui/card.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { Icon } from '../../../ui/icon.tsx';
import { Modal } from '../../../ui/modal.tsx';
import { EntityForm } from './entity-form.tsx';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

/** Rows loaded at once: the smallest page size every admin collection accepts. */
const LIST_LIMIT = 500;

/**
 * A list with create, edit and delete for one REST collection: the shape
 * shared by users, agents, skills, workstations, pause reasons…
 * `title`, `noun`, column headers and field labels come translated from the page;
 * the sentences around them are in the admin namespace (`crud.*`), worded so that
 * they need no grammatical agreement with the noun.
 */
export function CrudPage<T extends { id: string }>({
  title,
  description,
  noun,
  resource,
  columns,
  fields,
  empty,
  testId,
  toolbar,
  rowActions,
}: {
  title: string;
  description?: string;
  noun: string;
  // biome-ignore lint/suspicious/noExplicitAny: create and update bodies are built from the field specs
  resource: Resource<T, any, any, any>;
  columns: Column<T>[];
  fields: readonly FieldSpec[];
  empty?: string;
  testId: string;
  toolbar?: ReactNode;
  rowActions?: (row: T, reload: () => void) => ReactNode;
}) {
  const { t } = useT('admin');
  const { t: tc } = useT('common');
  const toast = useToast();
  const list = useAsync<Page<T>>(() => resource.list({ limit: LIST_LIMIT }), [resource]);
  const [editing, setEditing] = useState<{ mode: 'create' | 'edit'; row?: T } | undefined>();

  // Errors reach the form, which shows them next to the fields they name.
  const save = async (body: Record<string, unknown>) => {
    if (editing?.mode === 'edit' && editing.row) await resource.update(editing.row.id, body);
    else await resource.create(body);
    toast.success(noun, editing?.mode === 'edit' ? t('crud.saved') : t('crud.created'));
    setEditing(undefined);
    list.reload();
  };
  const remove = async (row: T) => {
    if (!window.confirm(t('crud.confirmDelete', { noun }))) return;
    try {
      await resource.remove(row.id);
      toast.success(noun, t('crud.deleted'));
      list.reload();
    } catch (error) {
      toast.error(error, t('crud.deleteFailed'));
    }
  };

  const rows = list.data?.items ?? [];
  return (
    <div className="content" data-testid={testId}>
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          {description && <p>{description}</p>}
        </div>
        <div className="spacer" />
        {toolbar}
        <button type="button" className="btn btn-primary" onClick={() => setEditing({ mode: 'create' })} data-testid="crud-create">
          <Icon name="plus" size={16} />
          {noun}
        </button>
      </div>
      <Card flush>
        {list.error && !list.data ? (
          <EmptyState icon={<Icon name="alert" size={30} />} title={t('crud.loadFailed', { title })}>
            {describeError(list.error).message}
          </EmptyState>
        ) : rows.length === 0 ? (
          list.loading ? (
            <EmptyState icon={<span className="spinner" />} title={tc('status.loading')} />
          ) : (
            <EmptyState icon={<Icon name="plus" size={30} />} title={empty ?? t('crud.empty')}>
              {t('crud.emptyHint', { noun })}
            </EmptyState>
          )
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid={`${testId}-table`}>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.header} className={c.className}>
                      {c.header}
                    </th>
                  ))}
                  <th className="actions">
                    <span className="sr-only">{tc('actions.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} data-testid="crud-row" data-id={row.id}>
                    {columns.map((c) => (
                      <td key={c.header} className={c.className}>
                        {c.cell(row)}
                      </td>
                    ))}
                    <td className="actions">
                      {rowActions?.(row, list.reload)}
                      <button type="button" className="btn btn-sm btn-ghost" onClick={() => setEditing({ mode: 'edit', row })} data-testid="crud-edit">
                        {tc('actions.edit')}
                      </button>
                      <button type="button" className="btn btn-sm btn-ghost text-danger" onClick={() => remove(row)} data-testid="crud-delete">
                        {tc('actions.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {list.data && list.data.total > rows.length && (
        <p className="small muted" data-testid="crud-truncated">
          {t('crud.truncated', { shown: formatNumber(rows.length), total: formatNumber(list.data.total) })}
        </p>
      )}
      {editing && (
        <Modal
          title={editing.mode === 'create' ? t('crud.newTitle', { noun }) : t('crud.editTitle', { noun })}
          onClose={() => setEditing(undefined)}
          testId="crud-dialog"
        >
          <EntityForm
            fields={fields}
            entity={editing.row as Record<string, unknown> | undefined}
            mode={editing.mode}
            onSubmit={save}
            onCancel={() => setEditing(undefined)}
          />
        </Modal>
      )}
    </div>
  );
}
