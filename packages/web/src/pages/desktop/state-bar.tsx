import type { AgentView } from '@amiable/protocol';
import { useClient } from '../../app/client-context.tsx';
import { useT } from '../../i18n/index.ts';
import { formatDuration, secondsSince } from '../../lib/format.ts';
import { BusyButton } from '../../ui/busy-button.tsx';
import { StatePill } from '../../ui/state-pill.tsx';
import type { Request } from './desktop-page.tsx';
import { useDeskStatus } from './desk-status.tsx';
import { PauseAfterCall } from './pause-after-call.tsx';
import { PauseMenu } from './pause-menu.tsx';
import { usePauseReasons } from './use-pause-reasons.ts';
import { WrapupCountdown } from './wrapup-countdown.tsx';
import { useReadyBlock } from './wrapup-ready-block.ts';

/** The agent's state and the buttons that change it, with the time spent in the current state. */
export function StateBar({ agent, pauseRequest, onHelp }: { agent: AgentView; pauseRequest: Request; onHelp: () => void }) {
  const { t } = useT('desk');
  const client = useClient();
  const { now, offline } = useDeskStatus();
  const reasons = usePauseReasons();
  const reasonLabel = agent.reason ? (reasons.find((r) => r.code === agent.reason)?.label ?? agent.reason) : null;
  const busyOnCall = agent.state === 'on-call' || agent.state === 'ringing';
  // A disposition the last call's queue requires holds Ready back (the wrap-up panel says why).
  const blocked = useReadyBlock(agent);

  return (
    <section className={`state-bar ${stateClass(agent.state)}`} data-testid="state-bar" data-state={agent.state}>
      <div className="state-now">
        <StatePill state={agent.state} reason={agent.state === 'paused' ? reasonLabel : null} testId="state-current" />
        <span className="state-timer mono" data-testid="state-timer" data-frozen={offline} title={t('state.timerTitle')}>
          {formatDuration(secondsSince(agent.since, now))}
        </span>
      </div>
      {agent.state === 'wrap-up' && <WrapupCountdown agent={agent} now={now} />}
      <div className="spacer" />
      <div className="row-wrap state-actions">
        {agent.state === 'wrap-up' ? (
          <BusyButton className="btn btn-success" disabled={offline || blocked !== null} title={blocked ?? undefined} onClick={() => client.command('agent.endWrapup', {})} testId="btn-end-wrapup" errorTitle={t('errors.ready')}>
            {t('state.ready')}
          </BusyButton>
        ) : (
          <BusyButton
            className={`btn ${agent.state === 'ready' ? 'btn-success active' : 'btn-success'}`}
            disabled={offline || agent.state === 'ready' || busyOnCall || blocked !== null}
            title={blocked ?? undefined}
            onClick={() => client.command('agent.ready', {})}
            testId="btn-ready"
            errorTitle={t('errors.ready')}
          >
            {t('state.ready')}
          </BusyButton>
        )}
        <PauseMenu reasons={reasons} current={agent.state === 'paused' ? agent.reason : null} disabled={offline || busyOnCall} openRequest={pauseRequest} />
        <PauseAfterCall agent={agent} reasons={reasons} disabled={offline} />
        <BusyButton className="btn btn-ghost" onClick={() => client.command('agent.signOut', {})} testId="btn-signout" disabled={offline || busyOnCall} errorTitle={t('errors.signOut')}>
          {t('state.signOut')}
        </BusyButton>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onHelp} aria-label={t('shortcuts.title')} title={t('shortcuts.title')} data-testid="btn-shortcuts">
          ?
        </button>
      </div>
    </section>
  );
}

function stateClass(state: string): string {
  return `state-bar-${state}`;
}
