import type { CallView } from '@amiable/protocol';
import { useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { formatPhone } from '../../lib/format.ts';
import { BusyButton } from '../../ui/busy-button.tsx';
import { Card } from '../../ui/card.tsx';
import { TransferDialog } from './transfer-dialog.tsx';

/** Hang up and transfer (blind or attended) for the agent's current call. */
export function CallControls({ call }: { call: CallView | undefined }) {
  const client = useClient();
  const [transferring, setTransferring] = useState(false);
  const [consulting, setConsulting] = useState<string | null>(null);
  if (!call) return null;
  const connected = call.state === 'talking' || call.state === 'held' || call.state === 'transferring';
  return (
    <Card title="Call controls" testId="call-controls">
      <div className="row-wrap">
        <span className="small muted">
          {call.direction === 'inbound' ? 'From' : 'To'} <strong className="mono">{formatPhone(call.callerNumber)}</strong>
          {call.state === 'held' && ' · on hold'}
        </span>
        <div className="spacer" />
        <BusyButton className="btn btn-danger" onClick={() => client.command('call.hangup', { callId: call.callId })} testId="btn-hangup" errorTitle="Could not hang up">
          Hang up
        </BusyButton>
        <button type="button" className="btn" disabled={!connected} onClick={() => setTransferring(true)} data-testid="btn-transfer">
          Transfer…
        </button>
        {consulting && (
          <BusyButton
            className="btn btn-primary"
            onClick={async () => {
              await client.command('call.completeTransfer', { callId: call.callId });
              setConsulting(null);
            }}
            testId="btn-complete-transfer"
            errorTitle="Could not complete the transfer"
          >
            Complete transfer to {consulting}
          </BusyButton>
        )}
      </div>
      {transferring && (
        <TransferDialog
          callId={call.callId}
          onClose={() => setTransferring(false)}
          onConsulting={(target) => {
            setTransferring(false);
            setConsulting(target);
          }}
        />
      )}
    </Card>
  );
}
