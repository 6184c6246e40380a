import { formatPhone } from '../../lib/format.ts';
import { useT } from '../../i18n/index.ts';
import { DialLink } from './dial-link.tsx';

/** Ids of contacts that only the configured CRM knows (the server's CRM lookup names them so). */
export const CRM_PREFIX = 'crm:';

interface CrmContact {
  id: string;
  name: string | null;
  company: string | null;
  externalUrl: string | null;
}

/** The caller as the CRM knows them: name, company, number and a link to the CRM's record. */
export function CrmContactCard({ contact, number }: { contact: CrmContact; number: string | null }) {
  const { t } = useT('desk');
  return (
    <div className="customer-card" data-testid="crm-contact-card" data-customer-id={contact.id}>
      <div className="customer-grid">
        <div>
          <div className="stat-label">{t('customer.name')}</div>
          <div data-testid="customer-name">
            {contact.name ?? <span className="muted">{t('pop.unknownCaller')}</span>}
            {contact.company && <div className="small muted">{contact.company}</div>}
          </div>
        </div>
        <div>
          <div className="stat-label">{t('customer.number')}</div>
          <div>{number ? <DialLink number={number} /> : <span className="muted">{formatPhone(number, t('pop.unknownNumber'))}</span>}</div>
        </div>
      </div>
      <div className="small muted">
        {t('customer.fromCrm')}{' '}
        {contact.externalUrl && (
          <a href={contact.externalUrl} target="_blank" rel="noopener noreferrer" data-testid="crm-link">
            {t('customer.openInCrm')}
          </a>
        )}
      </div>
    </div>
  );
}
