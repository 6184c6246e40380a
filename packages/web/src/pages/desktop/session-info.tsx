import type { AgentView } from '@amiable/protocol';
import { useLive } from '../../app/live-store.tsx';
import { useT } from '../../i18n/index.ts';
import { Card } from '../../ui/card.tsx';
import { Pill } from '../../ui/pill.tsx';

/** Where the agent is signed in: the extension, and the queues with their languages. */
export function SessionInfo({ agent }: { agent: AgentView }) {
  const { t } = useT('desk');
  const live = useLive();
  return (
    <Card title={t('session.title')} testId="session-info">
      <div className="row">
        <span className="stat-label">{t('session.extension')}</span>
        <span className="mono session-extension" data-testid="session-extension">
          {agent.extension ?? '—'}
        </span>
      </div>
      <div className="stack-tight">
        <span className="stat-label">{t('session.queues')}</span>
        {agent.queues.length === 0 ? (
          <span className="small muted">{t('session.noQueue')}</span>
        ) : (
          <div className="row-wrap" data-testid="session-queues">
            {agent.queues.map((q) => {
              const language = live.queues[q]?.language;
              return (
                <Pill key={q} tone="primary" plain testId={`session-queue-${q}`}>
                  {q}
                  {language ? ` · ${language.toUpperCase()}` : ''}
                </Pill>
              );
            })}
          </div>
        )}
      </div>
    </Card>
  );
}
