import type { AgentView } from '@amiable/protocol';
import { useT } from '../../i18n/index.ts';

/** Why Ready is held back (the last call's queue requires a disposition that is not set yet), or null. */
export function useReadyBlock(agent: AgentView): string | null {
  const { t } = useT('wrapup');
  const due = agent.dispositionDue;
  return due ? t('ready.blocked', { queue: due.queue }) : null;
}
