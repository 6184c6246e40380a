import type { Customer } from '@amiable/protocol';
import { useMemo, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useT } from '../../i18n/index.ts';
import type { FieldSpec } from '../../lib/form-spec.ts';
import { formatPhone } from '../../lib/format.ts';
import { Icon } from '../../ui/icon.tsx';
import { CrudPage } from './crud/crud-page.tsx';
import { CustomerImport } from './customer-import.tsx';

export function CustomersPage() {
  const { t } = useT('admin');
  const client = useClient();
  const [query, setQuery] = useState('');
  const [importing, setImporting] = useState(false);
  const [generation, setGeneration] = useState(0);
  // A new resource object per search (and after an import) makes the list reload.
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation forces a reload after an import
  const resource = useMemo(() => {
    const base = client.api.customers;
    return { ...base, list: (q?: { limit?: number; offset?: number }) => base.list({ ...q, ...(query.trim() ? { q: query.trim() } : {}) }) };
  }, [client, query, generation]);
  const fields: FieldSpec[] = [
    { key: 'name', label: t('customers.fields.name'), kind: 'text', required: true },
    { key: 'company', label: t('customers.fields.company'), kind: 'nullable-text' },
    { key: 'phoneNumbers', label: t('customers.fields.phoneNumbers'), kind: 'list', required: true, mono: true, hint: t('customers.hints.phoneNumbers') },
    { key: 'email', label: t('customers.fields.email'), kind: 'nullable-text', mono: true },
    { key: 'language', label: t('customers.fields.language'), kind: 'nullable-text', placeholder: 'en', mono: true },
    { key: 'externalUrl', label: t('customers.fields.externalUrl'), kind: 'nullable-text', placeholder: 'https://crm.example/customers/42', mono: true },
    { key: 'notes', label: t('customers.fields.notes'), kind: 'nullable-text' },
  ];

  return (
    <>
      {importing && (
        <div className="content content-tight">
          <CustomerImport onClose={() => setImporting(false)} onImported={() => setGeneration((g) => g + 1)} />
        </div>
      )}
      <CrudPage<Customer>
        title={t('customers.title')}
        description={t('customers.description')}
        noun={t('customers.noun')}
        resource={resource}
        testId="admin-customers"
        fields={fields}
        toolbar={
          <>
            <input
              className="input input-sm search-input"
              type="search"
              placeholder={t('customers.search')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              aria-label={t('customers.searchLabel')}
              data-testid="customer-search"
            />
            <button type="button" className="btn" onClick={() => setImporting(true)} data-testid="open-import">
              <Icon name="upload" size={16} />
              {t('customers.import')}
            </button>
          </>
        }
        columns={[
          {
            header: t('customers.columns.name'),
            cell: (c) => (
              <>
                <div className="agent-name">{c.name}</div>
                {c.company && <div className="small muted">{c.company}</div>}
              </>
            ),
          },
          {
            header: t('customers.columns.numbers'),
            cell: (c) => (
              <span className="mono small">
                {c.phoneNumbers.map((n, i) => (
                  <span key={n}>
                    {i > 0 && ', '}
                    <bdi dir="ltr" className="nowrap">
                      {formatPhone(n)}
                    </bdi>
                  </span>
                ))}
              </span>
            ),
          },
          { header: t('customers.columns.language'), cell: (c) => c.language?.toUpperCase() ?? '—' },
          { header: t('customers.columns.notes'), cell: (c) => <span className="small muted clamp">{c.notes ?? ''}</span> },
        ]}
      />
    </>
  );
}
