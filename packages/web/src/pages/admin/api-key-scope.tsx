import type { ApiKey } from '@amiable/protocol';
import { useT } from '../../i18n/index.ts';

/** What an API key may see, in one line. */
export function ScopeSummary({ scope }: { scope: ApiKey['scope'] }) {
  const { t } = useT('admin');
  const parts = [
    scope.agents.length ? t('apiKeys.scope.agents', { count: scope.agents.length }) : null,
    scope.extensions.length ? t('apiKeys.scope.extensions', { list: scope.extensions.join(', ') }) : null,
    scope.queues.length ? t('apiKeys.scope.queues', { list: scope.queues.join(', ') }) : null,
  ].filter(Boolean);
  return <>{parts.length ? parts.join(' · ') : <span className="muted">{t('apiKeys.scope.nothing')}</span>}</>;
}
