import type { CallRecord, Customer } from '@amiable/protocol';
import { type ReactNode, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { formatDateTime, formatDurationLong, formatPhone } from '../../lib/format.ts';
import type { ScreenPop } from '../../lib/screen-pop.ts';
import { CreateCustomerDialog } from './create-customer-dialog.tsx';
import { DialLink } from './dial-link.tsx';
import { useT } from '../../i18n/index.ts';
import { WrapupHistoryNote } from './wrapup-history-note.tsx';
import { CRM_PREFIX, CrmContactCard } from './crm-contact-card.tsx';

interface Loaded {
  customer: Customer | undefined;
  calls: CallRecord[];
}

/** The customer's record for the calling number, or "unknown caller" with a one-click create. */
export function CustomerCard({ pop }: { pop: ScreenPop }) {
  const { t } = useT('desk');
  const client = useClient();
  const [creating, setCreating] = useState(false);
  const crmContact = pop.customer?.id.startsWith(CRM_PREFIX) ? pop.customer : undefined;
  const state = useAsync<Loaded>(async () => {
    let customer: Customer | undefined;
    // A contact only the CRM knows has no record here: the card shows what the CRM said.
    if (crmContact) return { customer: undefined, calls: [] };
    if (pop.customer?.id) customer = await client.api.customers.get(pop.customer.id);
    else if (pop.callerNumber) customer = (await client.api.customers.lookup(pop.callerNumber))[0];
    const calls = customer ? (await client.api.customers.calls(customer.id, 5).catch(() => ({ items: [] as CallRecord[] }))).items : [];
    return { customer, calls };
  }, [client, pop.callId, pop.customer?.id]);

  if (state.loading && !state.data) {
    return (
      <div className="customer-card row small muted">
        <span className="spinner" /> {t('customer.lookingUp')}
      </div>
    );
  }
  const customer = state.data?.customer;
  if (crmContact) return <CrmContactCard contact={crmContact} number={pop.callerNumber} />;
  if (!customer) {
    return (
      <div className="customer-card unknown" data-testid="unknown-caller">
        <div>
          <strong>{t('pop.unknownCaller')}</strong>
          <div className="small muted">{t('customer.noMatch', { number: formatPhone(pop.callerNumber, t('pop.unknownNumber')) })}</div>
        </div>
        <div className="spacer" />
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="create-customer">
          {t('customer.create')}
        </button>
        {creating && (
          <CreateCustomerDialog
            number={pop.callerNumber}
            name={pop.callerName}
            language={pop.language}
            onClose={() => setCreating(false)}
            onCreated={() => {
              setCreating(false);
              state.reload();
            }}
          />
        )}
      </div>
    );
  }
  const address = (customer as Customer & { address?: string | null }).address;
  return (
    <div className="customer-card" data-testid="customer-card" data-customer-id={customer.id}>
      <div className="customer-grid">
        <Fact label={t('customer.name')} testId="customer-name">
          {customer.name}
          {customer.company && <div className="small muted">{customer.company}</div>}
        </Fact>
        <Fact label={t('customer.number')} testId="customer-number">
          {customer.phoneNumbers.map((n) => (
            <div key={n}>
              <DialLink number={n} />
            </div>
          ))}
        </Fact>
        <Fact label={t('customer.address')} testId="customer-address">
          {address || <span className="muted">—</span>}
        </Fact>
        <Fact label={t('customer.language')} testId="customer-language">
          {customer.language ? customer.language.toUpperCase() : <span className="muted">—</span>}
        </Fact>
        {customer.email && <Fact label={t('customer.email')}>{customer.email}</Fact>}
      </div>
      <Fact label={t('customer.notes')} testId="customer-notes">
        {customer.notes ? <p className="notes">{customer.notes}</p> : <span className="muted">{t('customer.noNotes')}</span>}
      </Fact>
      <div data-testid="customer-last-calls">
        <div className="stat-label">{t('customer.lastCalls')}</div>
        {state.data && state.data.calls.length > 0 ? (
          <ul className="last-calls">
            {state.data.calls.slice(0, 5).map((c) => (
              <li key={c.callId}>
                <span>{formatDateTime(c.startedAt)}</span>
                <span className="muted">{c.queue ?? t(`direction.${c.direction}`, { defaultValue: c.direction })}</span>
                <span className="muted">{t(`outcome.${c.outcome}`, { defaultValue: c.outcome })}</span>
                <span className="mono">{formatDurationLong(c.talkSeconds)}</span>
                <WrapupHistoryNote call={c} />
              </li>
            ))}
          </ul>
        ) : (
          <div className="small muted">{t('customer.noEarlierCalls')}</div>
        )}
      </div>
      {customer.externalUrl && (
        <a href={customer.externalUrl} target="_blank" rel="noopener noreferrer">
          {t('customer.record')} ↗
        </a>
      )}
    </div>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="fact">
      <div className="stat-label">{label}</div>
      <div data-testid={testId}>{children}</div>
    </div>
  );
}
