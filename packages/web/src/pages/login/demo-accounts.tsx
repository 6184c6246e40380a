import type { DemoInfo } from '@amiable/sdk';
import { useT } from '../../i18n/index.ts';

type Account = DemoInfo['accounts'][number];

/** The demo server's accounts; clicking one fills the form. */
export function DemoAccounts({ demo, onPick }: { demo: DemoInfo; onPick: (account: Account) => void }) {
  const { t } = useT('common');
  return (
    <div className="demo-accounts" data-testid="demo-credentials">
      <div className="row">
        <span className="pill pill-info plain">{t('login.demo')}</span>
        <span className="small muted">{t('login.demoIntro')}</span>
      </div>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t('fields.role')}</th>
              <th>{t('fields.username')}</th>
              <th>{t('fields.password')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {demo.accounts.map((a) => (
              <tr key={a.username} data-testid="demo-account">
                <td>
                  {t(`roles.${a.role}`, { defaultValue: a.role })}
                  {a.description && (
                    <div className="small muted" lang="en" dir="auto">
                      {a.description}
                    </div>
                  )}
                </td>
                <td className="mono" data-testid="demo-username" dir="ltr">
                  {a.username}
                </td>
                <td className="mono" data-testid="demo-password" dir="ltr">
                  {a.password}
                </td>
                <td className="actions">
                  <button type="button" className="btn btn-sm" onClick={() => onPick(a)} aria-label={t('login.useAccount', { username: a.username })}>
                    {t('login.use')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
