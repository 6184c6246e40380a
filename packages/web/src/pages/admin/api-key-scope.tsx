import type { ApiKey } from '@amiable/protocol';

/** What an API key may see, in one line. */
export function ScopeSummary({ scope }: { scope: ApiKey['scope'] }) {
  const parts = [
    scope.agents.length ? `${scope.agents.length} agents` : null,
    scope.extensions.length ? `extensions ${scope.extensions.join(', ')}` : null,
    scope.queues.length ? `queues ${scope.queues.join(', ')}` : null,
  ].filter(Boolean);
  return <>{parts.length ? parts.join(' · ') : <span className="muted">nothing (sees no events)</span>}</>;
}
