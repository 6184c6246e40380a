import type { Customer } from '@amiable/protocol';
import { useMemo, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import type { FieldSpec } from '../../lib/form-spec.ts';
import { formatPhone } from '../../lib/format.ts';
import { CrudPage } from './crud/crud-page.tsx';
import { CustomerImport } from './customer-import.tsx';

const FIELDS: FieldSpec[] = [
  { key: 'name', label: 'Name', kind: 'text', required: true },
  { key: 'company', label: 'Company', kind: 'nullable-text' },
  { key: 'phoneNumbers', label: 'Phone numbers', kind: 'list', required: true, mono: true, hint: 'Comma-separated. Used to recognise callers.' },
  { key: 'email', label: 'E-mail', kind: 'nullable-text' },
  { key: 'language', label: 'Language', kind: 'nullable-text', placeholder: 'en' },
  { key: 'externalUrl', label: 'CRM link', kind: 'nullable-text', placeholder: 'https://crm.example/customers/42' },
  { key: 'notes', label: 'Notes', kind: 'nullable-text' },
];

export function CustomersPage() {
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

  return (
    <>
      {importing && (
        <div className="content content-tight">
          <CustomerImport
            onClose={() => setImporting(false)}
            onImported={() => setGeneration((g) => g + 1)}
          />
        </div>
      )}
      <CrudPage<Customer>
        title="Customers"
        description="Callers are recognised by phone number; their card pops up on the agent's desktop."
        noun="Customer"
        resource={resource}
        testId="admin-customers"
        fields={FIELDS}
        toolbar={
          <>
            <input className="input input-sm" type="search" placeholder="Search name or number" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search customers" data-testid="customer-search" style={{ width: 240 }} />
            <button type="button" className="btn" onClick={() => setImporting(true)} data-testid="open-import">
              Import CSV…
            </button>
          </>
        }
        columns={[
          { header: 'Name', cell: (c) => (<><div className="agent-name">{c.name}</div>{c.company && <div className="small muted">{c.company}</div>}</>) },
          { header: 'Numbers', cell: (c) => <span className="mono small">{c.phoneNumbers.map((n) => formatPhone(n)).join(', ')}</span> },
          { header: 'Language', cell: (c) => c.language?.toUpperCase() ?? '—' },
          { header: 'Notes', cell: (c) => <span className="small muted clamp">{c.notes ?? ''}</span> },
        ]}
      />
    </>
  );
}
