import type { Workstation } from '@amiable/protocol';
import { useClient } from '../../app/client-context.tsx';
import { useT } from '../../i18n/index.ts';
import type { FieldSpec } from '../../lib/form-spec.ts';
import { Card } from '../../ui/card.tsx';
import { Pill } from '../../ui/pill.tsx';
import { CrudPage } from './crud/crud-page.tsx';

/** A desk with the server's warnings about desks sharing its address (`same-ip`, `overlapping-ip`). */
type Desk = Workstation & { warnings?: { code: 'same-ip' | 'overlapping-ip'; otherId: string; otherName: string; otherIp: string }[] };

/** Free seating: desks by MAC or IP (or a block), with warnings when addresses collide. */
export function WorkstationsPage() {
  const { t } = useT('admin');
  const client = useClient();
  const fields: FieldSpec[] = [
    { key: 'name', label: t('workstations.name'), kind: 'text', required: true, placeholder: t('workstations.namePlaceholder') },
    { key: 'extension', label: t('workstations.extension'), kind: 'text', required: true, mono: true },
    { key: 'mac', label: t('workstations.mac'), kind: 'nullable-text', mono: true, placeholder: '00:11:22:aa:bb:cc', hint: t('workstations.macHint') },
    { key: 'ip', label: t('workstations.ip'), kind: 'nullable-text', mono: true, placeholder: '10.0.0.21', hint: t('workstations.ipHint') },
  ];
  return (
    <>
      <CrudPage<Desk>
        title={t('workstations.title')}
        description={t('workstations.description')}
        noun={t('workstations.noun')}
        resource={client.api.workstations}
        testId="admin-workstations"
        fields={fields}
        columns={[
          { header: t('workstations.colName'), cell: (w) => w.name },
          { header: t('workstations.colExtension'), cell: (w) => <span className="mono">{w.extension}</span> },
          { header: t('workstations.colMac'), cell: (w) => <span className="mono">{w.mac ?? '—'}</span> },
          { header: t('workstations.colIp'), cell: (w) => <span className="mono">{w.ip ?? '—'}</span> },
          {
            header: t('workstations.colWarnings'),
            cell: (w) =>
              (w.warnings ?? []).length === 0 ? (
                <span className="muted">—</span>
              ) : (
                <ul className="desk-warnings" data-testid="workstation-warnings">
                  {(w.warnings ?? []).map((x) => (
                    <li key={`${x.code}-${x.otherId}`}>
                      <Pill tone="warning">{t(`workstations.warning.${x.code}`, { name: x.otherName, ip: x.otherIp })}</Pill>
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      <div className="content desk-help">
        <Card title={t('workstations.macTitle')} testId="workstations-mac-help">
          <p>{t('workstations.macIntro')}</p>
          <p>{t('workstations.macAgent')}</p>
          <p className="small muted">{t('workstations.overlapNote')}</p>
        </Card>
      </div>
    </>
  );
}
