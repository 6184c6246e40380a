import type { CallView } from '@amiable/protocol';
import { useEffect, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useT } from '../../i18n/index.ts';
import type { CallExtras } from '../../lib/call-extras.ts';
import { formatPhone } from '../../lib/format.ts';
import { BusyButton } from '../../ui/busy-button.tsx';
import { Card } from '../../ui/card.tsx';
import { Pill } from '../../ui/pill.tsx';
import { ConsultPanel } from './consult-panel.tsx';
import type { Request } from './desktop-page.tsx';
import { useDeskStatus } from './desk-status.tsx';
import { RecordingControls } from './recording-controls.tsx';
import { TransferDialog } from './transfer-dialog.tsx';

/**
 * The agent's current call: hang up, transfer (blind, attended, to a queue), the recording when
 * policy allows, and the hold state the phone reports (Asterisk has no AMI action to hold a call:
 * hold is done on the phone, and the desk shows it from Asterisk's Hold/Unhold events).
 */
export function CallControls({ call, extras, recordingControl, transferRequest }: { call: CallView | undefined; extras: CallExtras; recordingControl: boolean; transferRequest: Request }) {
  const { t } = useT('desk');
  const client = useClient();
  const { offline } = useDeskStatus();
  const [transferring, setTransferring] = useState(false);
  const connected = call !== undefined && (call.state === 'talking' || call.state === 'held' || call.state === 'transferring');
  // Only a new request (the Transfer shortcut) opens the dialog, not a change of call state.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the request counter is the trigger
  useEffect(() => {
    if (transferRequest > 0 && connected && !offline) setTransferring(true);
  }, [transferRequest]);
  if (!call) return null;
  const held = call.state === 'held';
  return (
    <Card title={t('call.title')} testId="call-controls">
      <div className="row-wrap">
        <span className="small muted">
          {t(call.direction === 'inbound' ? 'call.from' : 'call.to')} <strong className="mono" dir="ltr">{formatPhone(call.callerNumber, t('pop.unknownNumber'))}</strong>
        </span>
        {held && (
          <span data-testid="call-held" title={t('call.heldHint')}>
            <Pill tone="warning">{t('call.held')}</Pill>
          </span>
        )}
        <div className="spacer" />
        <BusyButton className="btn btn-danger" disabled={offline} onClick={() => client.command('call.hangup', { callId: call.callId })} testId="btn-hangup" errorTitle={t('errors.hangup')}>
          {t('call.hangup')}
        </BusyButton>
        <button type="button" className="btn" disabled={offline || !connected || extras.consult !== null} onClick={() => setTransferring(true)} data-testid="btn-transfer">
          {t('call.transfer')}
        </button>
      </div>
      {recordingControl && connected && <RecordingControls callId={call.callId} state={extras.recording} disabled={offline} />}
      {!recordingControl && extras.recording && extras.recording !== 'stopped' && (
        <div className="row small" data-testid="recording-state" data-state={extras.recording}>
          <Pill tone={extras.recording === 'recording' ? 'danger' : 'neutral'}>{t(`recording.${extras.recording}`)}</Pill>
        </div>
      )}
      <ConsultPanel callId={call.callId} extras={extras} disabled={offline} />
      {transferring && <TransferDialog callId={call.callId} onClose={() => setTransferring(false)} />}
    </Card>
  );
}
