import { useClient } from '../../app/client-context.tsx';
import { useT } from '../../i18n/index.ts';
import type { CallExtras } from '../../lib/call-extras.ts';
import { BusyButton } from '../../ui/busy-button.tsx';
import { Pill } from '../../ui/pill.tsx';

/** Record, pause, resume and stop the call's recording; the state shown is the one Asterisk confirmed (`call.recording`). */
export function RecordingControls({ callId, state, disabled }: { callId: string; state: CallExtras['recording']; disabled: boolean }) {
  const { t } = useT('desk');
  const client = useClient();
  const run = (name: 'recording.start' | 'recording.pause' | 'recording.resume' | 'recording.stop') => () => client.command(name, { callId });
  const active = state === 'recording' || state === 'paused';
  return (
    <div className="row-wrap recording-controls" data-testid="recording-controls" data-state={state ?? 'none'}>
      {active && <Pill tone={state === 'recording' ? 'danger' : 'neutral'}>{t(`recording.${state}`)}</Pill>}
      {!active && (
        <BusyButton className="btn btn-sm" disabled={disabled} onClick={run('recording.start')} testId="btn-record" errorTitle={t('errors.recording')}>
          {t('recording.start')}
        </BusyButton>
      )}
      {state === 'recording' && (
        <BusyButton className="btn btn-sm" disabled={disabled} onClick={run('recording.pause')} testId="btn-record-pause" errorTitle={t('errors.recording')}>
          {t('recording.pause')}
        </BusyButton>
      )}
      {state === 'paused' && (
        <BusyButton className="btn btn-sm" disabled={disabled} onClick={run('recording.resume')} testId="btn-record-resume" errorTitle={t('errors.recording')}>
          {t('recording.resume')}
        </BusyButton>
      )}
      {active && (
        <BusyButton className="btn btn-sm btn-ghost" disabled={disabled} onClick={run('recording.stop')} testId="btn-record-stop" errorTitle={t('errors.recording')}>
          {t('recording.stop')}
        </BusyButton>
      )}
    </div>
  );
}
