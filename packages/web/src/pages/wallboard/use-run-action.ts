import { useCallback, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { describeError, useToast } from '../../app/toasts.tsx';
import { useT } from '../../i18n/index.ts';
import { awaitEffect, EffectTimeoutError } from '../../lib/await-effect.ts';
import type { ActionSpec } from './supervisor-actions.ts';

/**
 * Runs a supervisor action and tells the supervisor when it took effect: the success message
 * comes with the event that shows it, not with the server's answer; a timeout or a refusal is
 * a sentence naming the agent and the action.
 */
export function useRunAction(agentName: string) {
  const client = useClient();
  const toast = useToast();
  const { t } = useT('supervisor');
  const [pending, setPending] = useState<string | null>(null);
  const run = useCallback(
    (action: ActionSpec, values: Record<string, string> = {}) => {
      const vars = { agent: agentName, ...values };
      setPending(action.key);
      awaitEffect(client, () => client.command(action.command, action.args as never), action.effect, action.timeoutMs).then(
        () => {
          setPending(null);
          toast.show({ kind: 'success', title: t(`done.${action.key}`, vars) });
        },
        (error: unknown) => {
          setPending(null);
          if (error instanceof EffectTimeoutError) {
            toast.show({ kind: 'error', title: t(`timeout.${action.key}`, { ...vars, seconds: Math.round(error.timeoutMs / 1000) }) });
            return;
          }
          toast.show({ kind: 'error', title: t(`failed.${action.key}`, vars), message: describeError(error).message });
        },
      );
    },
    [client, toast, t, agentName],
  );
  return { run, pending };
}
