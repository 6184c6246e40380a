import { describe, expect, it } from 'vitest';
import {
  AmiForbiddenError,
  AmiInvalidArgumentError,
  actionPairs,
  atxferAction,
  blindTransferAction,
  bridgeInfoAction,
  bridgeListAction,
  chanSpyAction,
  coreShowChannelsAction,
  deviceStateListAction,
  encodeAction,
  eventsAction,
  extensionStateListAction,
  hangupAction,
  logoffAction,
  mixMonitorAction,
  originateAction,
  pingAction,
  queueAddAction,
  queuePauseAction,
  queuePenaltyAction,
  queueRemoveAction,
  queueStatusAction,
  queueSummaryAction,
  redirectAction,
  statusAction,
  stopMixMonitorAction,
} from '../../src/index.ts';
import { readTraceBytes } from '../support/traces.ts';

/** The actions the recording client sent, without their ActionID, as text blocks. */
function recorded(scenario: string, file = 'sent.ami'): string[] {
  return readTraceBytes(scenario, file)
    .toString()
    .split('\r\n\r\n')
    .filter(Boolean)
    .map((block) =>
      block
        .split('\r\n')
        .filter((l) => !l.startsWith('ActionID:'))
        .join('\r\n'),
    );
}
const wire = (action: Parameters<typeof encodeAction>[0]) => encodeAction(action).toString().replace(/\r\n\r\n$/, '');

describe('queue actions match what the lab sent to Asterisk 22 (signin-signout)', () => {
  const sent = recorded('signin-signout');

  it('QueueAdd', () => {
    expect(
      wire(queueAddAction({ queue: 'lang-en', interface: 'PJSIP/1003', penalty: 0, paused: false, memberName: 'Agent 1003', stateInterface: 'PJSIP/1003' })),
    ).toBe(sent[1]);
  });

  it('QueueStatus, with and without Member', () => {
    expect(wire(queueStatusAction())).toBe(sent[3]);
    expect(wire(queueStatusAction({ member: 'PJSIP/1003' }))).toBe(sent[5]);
  });

  it('QueuePause with a reason, and unpause', () => {
    expect(wire(queuePauseAction({ interface: 'PJSIP/1003', paused: true, reason: 'wrapup' }))).toBe(sent[4]);
    expect(wire(queuePauseAction({ interface: 'PJSIP/1003', paused: false }))).toBe(sent[6]);
  });

  it('QueueRemove', () => {
    expect(wire(queueRemoveAction({ queue: 'lang-en', interface: 'PJSIP/1003' }))).toBe(sent[7]);
  });

  it('QueuePenalty and QueueSummary', () => {
    expect(queuePenaltyAction({ interface: 'PJSIP/1003', penalty: 2, queue: 'sales' })).toMatchObject({ Penalty: 2, Queue: 'sales' });
    expect(wire(queueSummaryAction())).toBe('Action: QueueSummary');
  });

  it('refuses unsafe or malformed values', () => {
    expect(() => queuePauseAction({ interface: 'PJSIP/1003', paused: true, reason: 'a|b' })).toThrow(AmiInvalidArgumentError);
    expect(() => queuePauseAction({ interface: 'PJSIP/1003', paused: true, reason: 'x\r\nAction: Originate' })).toThrow(
      AmiInvalidArgumentError,
    );
    expect(() => queueAddAction({ queue: 'lang en', interface: 'PJSIP/1003' })).toThrow(AmiInvalidArgumentError);
    expect(() => queueAddAction({ queue: 'lang-en', interface: '1003' })).toThrow(AmiInvalidArgumentError);
    expect(() => queueAddAction({ queue: 'lang-en', interface: 'PJSIP/1003', penalty: -1 })).toThrow(AmiInvalidArgumentError);
    expect(() => queueAddAction({ queue: 'lang-en', interface: 'PJSIP/1003', reason: 'lunch' })).toThrow(AmiInvalidArgumentError);
    const error = (() => {
      try {
        queueRemoveAction({ queue: 'lang-en', interface: 'PJSIP/1003,PJSIP/1004' });
      } catch (e) {
        return e as AmiInvalidArgumentError;
      }
    })();
    expect(error?.code).toBe('AMI_ERR_INVALID_ARGUMENT');
    expect(error?.details).toMatchObject({ field: 'Interface' });
  });
});

describe('call control actions', () => {
  it('Originate matches the click-to-dial recording and is always Async', () => {
    const action = originateAction({
      channel: 'PJSIP/1001',
      context: 'internal',
      exten: '1002',
      callerId: { name: 'Agent 1001', number: '1001' },
    });
    expect(wire(action)).toBe(recorded('originate-click-to-dial')[1]);
  });

  it('Originate puts each variable in its own Variable header and refuses commas, expansions and functions', () => {
    const action = originateAction({ channel: 'PJSIP/1001', context: 'internal', exten: '1002', variables: { __CTI_CALL_ID: 'abc-1' } });
    expect(actionPairs(action).filter(([k]) => k === 'Variable')).toEqual([['Variable', '__CTI_CALL_ID=abc-1']]);
    const base = { channel: 'PJSIP/1001', context: 'internal', exten: '1002' };
    expect(() => originateAction({ ...base, variables: { A: 'x,B=y' } })).toThrow(AmiInvalidArgumentError);
    expect(() => originateAction({ ...base, variables: { A: '$' + '{SHELL(id)}' } })).toThrow(AmiInvalidArgumentError);
    expect(() => originateAction({ ...base, variables: { 'FILE(/etc/x)': '1' } })).toThrow(AmiInvalidArgumentError);
    expect(() => originateAction({ ...base, callerId: { name: 'x" <666>', number: '1' } })).toThrow(AmiInvalidArgumentError);
  });

  it('Originate refuses System and any application off the allow-list; only ChanSpy is allowed by default', () => {
    const call = { channel: 'PJSIP/2001' };
    expect(() => originateAction({ ...call, application: 'System', data: 'id' })).toThrow(AmiForbiddenError);
    expect(() => originateAction({ ...call, application: 'System', data: 'id' }, { allowedApplications: ['System'] })).toThrow(
      AmiForbiddenError,
    );
    expect(() => originateAction({ ...call, application: 'Playback', data: 'hello' })).toThrow(AmiForbiddenError);
    expect(originateAction({ ...call, application: 'Playback', data: 'hello-world' }, { allowedApplications: ['Playback'] })).toMatchObject({
      Application: 'Playback',
      Data: 'hello-world',
      Async: true,
    });
    expect(() =>
      originateAction({ ...call, application: 'Playback', data: '$' + '{FILE(/etc/passwd)}' }, { allowedApplications: ['Playback'] }),
    ).toThrow(AmiForbiddenError);
    expect(() => originateAction({ ...call, application: 'ChanSpy', exten: '1' })).toThrow(AmiInvalidArgumentError);
  });

  it('ChanSpy listen, whisper and barge build fixed option strings on an exact channel', () => {
    const target = 'PJSIP/1001-0000002a';
    const listen = chanSpyAction({ supervisor: 'PJSIP/2001', target, mode: 'listen' });
    expect(listen).toMatchObject({ Action: 'Originate', Channel: 'PJSIP/2001', Application: 'ChanSpy', Data: `${target},uqE`, Async: true });
    expect(chanSpyAction({ supervisor: 'PJSIP/2001', target, mode: 'whisper' }).Data).toBe(`${target},uqEw`);
    expect(chanSpyAction({ supervisor: 'PJSIP/2001', target: '1795671580.0', mode: 'barge' }).Data).toBe('1795671580.0,uqEB');
    expect(() => chanSpyAction({ supervisor: 'PJSIP/2001', target: 'PJSIP/1001-0000002a,qw', mode: 'listen' })).toThrow(
      AmiInvalidArgumentError,
    );
    expect(() => chanSpyAction({ supervisor: 'PJSIP/2001', target: 'PJSIP/', mode: 'listen' })).toThrow(AmiInvalidArgumentError);
    expect(() => chanSpyAction({ supervisor: 'PJSIP/2001', target, mode: 'spy' as never })).toThrow(AmiInvalidArgumentError);
  });

  it('BlindTransfer, Atxfer and Hangup match the transfer recordings', () => {
    expect(wire(blindTransferAction({ channel: 'PJSIP/1001-00000000', exten: '1002', context: 'internal' }))).toBe(
      recorded('blind-transfer')[3],
    );
    expect(wire(hangupAction({ channel: 'Local/+15551112222@trunk-sim-00000000;2', cause: 16 }))).toBe(recorded('blind-transfer')[4]);
    expect(wire(atxferAction({ channel: 'PJSIP/1001-00000000', exten: '1002', context: 'internal' }))).toBe(
      recorded('attended-transfer')[3],
    );
  });

  it('Hangup takes a concrete channel or a Uniqueid, never a /regex/ or a bare device', () => {
    expect(hangupAction({ channel: '1795671580.12' }).Channel).toBe('1795671580.12');
    expect(hangupAction({ channel: 'PJSIP/lab-trunk-00000003' }).Channel).toBe('PJSIP/lab-trunk-00000003');
    for (const channel of ['/PJSIP/.*/', 'PJSIP/1001', 'PJSIP/1001-0000002a\r\nAction: Hangup', '']) {
      expect(() => hangupAction({ channel })).toThrow(AmiInvalidArgumentError);
    }
    expect(() => hangupAction({ channel: 'PJSIP/1001-0000002a', cause: 300 })).toThrow(AmiInvalidArgumentError);
  });

  it('Redirect needs a full extra target when moving a second channel', () => {
    expect(wire(redirectAction({ channel: 'PJSIP/9999-00000000', context: 'internal', exten: '1001' }))).toBe(
      recorded('permissions-limited')[9],
    );
    expect(() =>
      redirectAction({ channel: 'PJSIP/1001-00000000', context: 'internal', exten: '1001', extraChannel: 'PJSIP/1002-00000001' }),
    ).toThrow(AmiInvalidArgumentError);
    expect(
      redirectAction({
        channel: 'PJSIP/1001-00000000',
        context: 'internal',
        exten: '1001',
        extraChannel: 'PJSIP/1002-00000001',
        extraContext: 'internal',
        extraExten: '1003',
      }),
    ).toMatchObject({ ExtraChannel: 'PJSIP/1002-00000001', ExtraContext: 'internal', ExtraExten: '1003', ExtraPriority: '1' });
  });
});

describe('snapshot, recording and session actions', () => {
  it('match the resync recording', () => {
    const sent = recorded('reconnect-resync', 'resync-sent.ami');
    expect(wire(coreShowChannelsAction())).toBe(sent[1]);
    expect(wire(deviceStateListAction())).toBe(sent[4]);
    expect(wire(extensionStateListAction())).toBe(sent[5]);
    expect(wire(bridgeListAction())).toBe(sent[6]);
    expect(wire(bridgeInfoAction({ bridgeUniqueid: 'dffb391b-30a1-45e9-9071-d0413142f23e' }))).toBe(sent[7]);
    expect(wire(statusAction())).toBe(sent[8]);
  });

  it('Status asks for plain variables only', () => {
    expect(statusAction({ channel: 'PJSIP/1001-00000000', variables: ['CUSTOMER_LANG', 'QUEUENAME'] }).Variables).toBe(
      'CUSTOMER_LANG,QUEUENAME',
    );
    expect(() => statusAction({ variables: ['SHELL(id)'] })).toThrow(AmiInvalidArgumentError);
  });

  it('MixMonitor never carries a Command and refuses path tricks; StopMixMonitor', () => {
    const start = mixMonitorAction({ channel: 'PJSIP/1001-00000000', file: 'cti/call-1795671580.0.wav', options: 'b' });
    expect(start).toEqual({ Action: 'MixMonitor', Channel: 'PJSIP/1001-00000000', File: 'cti/call-1795671580.0.wav', Options: 'b' });
    expect(actionPairs(start).map(([k]) => k)).not.toContain('Command');
    expect(() => mixMonitorAction({ channel: 'PJSIP/1001-00000000', file: '../../etc/asterisk/x.conf' })).toThrow(AmiInvalidArgumentError);
    expect(() => mixMonitorAction({ channel: 'PJSIP/1001-00000000', options: 'b|cat' })).toThrow(AmiInvalidArgumentError);
    expect(stopMixMonitorAction({ channel: 'PJSIP/1001-00000000' })).toMatchObject({ Action: 'StopMixMonitor' });
  });

  it('Ping, Logoff and Events', () => {
    expect(wire(pingAction())).toBe('Action: Ping');
    expect(wire(logoffAction())).toBe('Action: Logoff');
    expect(wire(eventsAction('on'))).toBe(recorded('login-failures', 'third-sent.ami')[2]);
    expect(eventsAction(['call', 'agent']).EventMask).toBe('call,agent');
    expect(() => eventsAction('call\r\nAction: Originate')).toThrow(AmiInvalidArgumentError);
  });
});
