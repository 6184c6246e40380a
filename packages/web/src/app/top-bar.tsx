import type { PrincipalSummary } from '@amiable/protocol';
import { initials } from '../lib/format.ts';
import { BusyButton } from '../ui/busy-button.tsx';
import { Pill } from '../ui/pill.tsx';
import { useClient } from './client-context.tsx';
import { useConnection } from './use-session.ts';
import { useT } from '../i18n/index.ts';
import { LanguageSwitch } from '../i18n/language-switch.tsx';

const CONNECTION: Record<string, { label: string; tone: 'success' | 'warning' | 'danger' | 'neutral' }> = {
  open: { label: 'connection.open', tone: 'success' },
  connecting: { label: 'connection.connecting', tone: 'warning' },
  authenticating: { label: 'connection.connecting', tone: 'warning' },
  reconnecting: { label: 'connection.reconnecting', tone: 'warning' },
  closed: { label: 'connection.offline', tone: 'danger' },
  idle: { label: 'connection.offline', tone: 'neutral' },
};

export function TopBar({ title, user }: { title: string; user: PrincipalSummary }) {
  const { t } = useT();
  const client = useClient();
  const connection = useConnection();
  const shown = CONNECTION[connection.state] ?? { label: connection.state, tone: 'neutral' as const };
  return (
    <header className="topbar">
      <div className="topbar-title">{title}</div>
      <div className="spacer" />
      <span title={connection.reason ?? ''} data-testid="connection-status" data-state={connection.state}>
        <Pill tone={shown.tone}>{t(shown.label)}</Pill>
      </span>
      <LanguageSwitch />
      <div className="user-chip">
        <div className="avatar" aria-hidden="true">
          {initials(user.username)}
        </div>
        <div>
          <div data-testid="current-user" dir="auto">
            {user.username}
          </div>
          <div className="small muted">{t(`roles.${user.role}`, { defaultValue: user.role })}</div>
        </div>
      </div>
      <BusyButton className="btn btn-sm" onClick={() => client.logout()} testId="logout">
        {t('user.logout')}
      </BusyButton>
    </header>
  );
}
