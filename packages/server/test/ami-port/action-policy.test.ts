import { describe, expect, it } from 'vitest';
import { ActionHeaders } from '../../src/ami-port/action-headers.ts';
import type { TrackedChannel } from '../../src/ami-port/call-tracker.ts';
import { AmiPortBadRequestError, AmiPortForbiddenError } from '../../src/ami-port/errors.ts';
import { hangupPolicy, originatePolicy, redirectPolicy, transferPolicy } from '../../src/ami-port/policy-call.ts';
import { queueAddPolicy, queuePausePolicy, queueRemovePolicy } from '../../src/ami-port/policy-queue.ts';
import type { PolicyContext } from '../../src/ami-port/policy-types.ts';
import { scopeOf } from '../../src/ami-port/scope.ts';
import { principal } from './support/traces.ts';

const live: TrackedChannel[] = [
  { uniqueid: '1.2', name: 'PJSIP/1003-00000002', device: 'PJSIP/1003', linkedid: '1.1' },
  { uniqueid: '1.3', name: 'PJSIP/1004-00000003', device: 'PJSIP/1004', linkedid: '1.1' },
  { uniqueid: '1.1', name: 'Local/+1555@trunk-sim-00000001;1', device: 'Local/+1555@trunk-sim', linkedid: '1.1' },
];

function ctx(overrides: Parameters<typeof principal>[0] = {}): PolicyContext {
  return {
    scope: scopeOf(principal({ extensions: ['1003'], queues: ['lang-en', 'lang-ar'], ...overrides })),
    allowedContext: 'internal',
    defaultPbxId: 'pbx1',
    findChannel: (id) => {
      const channel = live.find((c) => c.name === id || c.uniqueid === id);
      return channel ? { pbxId: 'pbx2', channel } : undefined;
    },
  };
}

const h = (...pairs: Array<[string, string]>) => new ActionHeaders(pairs);
const forbidden = (run: () => unknown) => expect(run).toThrow(AmiPortForbiddenError);

describe('queue actions are limited to the client’s own interface and queues', () => {
  it('rebuilds a QueuePause for the own interface without the client’s ActionID', () => {
    const plan = queuePausePolicy(
      h(['Action', 'queuepause'], ['ActionID', 'c-1'], ['Interface', 'PJSIP/1003'], ['Paused', 'true'], ['Queue', 'lang-en'], ['Reason', 'lunch']),
      ctx(),
    );
    expect(plan).toEqual({
      pbxId: 'pbx1',
      actions: [
        [
          ['Action', 'QueuePause'],
          ['Queue', 'lang-en'],
          ['Interface', 'PJSIP/1003'],
          ['Paused', 'true'],
          ['Reason', 'lunch'],
        ],
      ],
    });
  });

  it('sends a QueuePause without Queue once per queue of the client’s scope', () => {
    const plan = queuePausePolicy(h(['Action', 'QueuePause'], ['Interface', 'PJSIP/1003'], ['Paused', 'false']), ctx());
    expect(plan.actions.map((a) => a.find(([k]) => k === 'Queue')?.[1])).toEqual(['lang-ar', 'lang-en']);
  });

  it('refuses another agent’s interface, a queue outside the scope, and look-alike interfaces', () => {
    forbidden(() => queuePausePolicy(h(['Action', 'QueuePause'], ['Interface', 'PJSIP/1004'], ['Paused', 'true']), ctx()));
    forbidden(() => queueAddPolicy(h(['Action', 'QueueAdd'], ['Queue', 'sales'], ['Interface', 'PJSIP/1003']), ctx()));
    forbidden(() => queueAddPolicy(h(['Action', 'QueueAdd'], ['Queue', 'lang-en'], ['Interface', 'Local/1003@internal']), ctx()));
    forbidden(() => queueAddPolicy(h(['Action', 'QueueAdd'], ['Queue', 'lang-en'], ['Interface', 'SIP/1003']), ctx()));
    forbidden(() =>
      queueAddPolicy(h(['Action', 'QueueAdd'], ['Queue', 'lang-en'], ['Interface', 'PJSIP/1003'], ['StateInterface', 'PJSIP/1004']), ctx()),
    );
    forbidden(() => queueRemovePolicy(h(['Action', 'QueueRemove'], ['Queue', 'lang-en'], ['Interface', 'PJSIP/1004']), ctx()));
  });

  it('lets an admin manage any member of any queue', () => {
    const plan = queueAddPolicy(h(['Action', 'QueueAdd'], ['Queue', 'sales'], ['Interface', 'PJSIP/1009']), ctx({ role: 'admin', extensions: [], queues: [] }));
    expect(plan.actions[0]).toEqual([
      ['Action', 'QueueAdd'],
      ['Queue', 'sales'],
      ['Interface', 'PJSIP/1009'],
    ]);
  });

  it('refuses headers it does not know and repeated headers', () => {
    forbidden(() => queuePausePolicy(h(['Action', 'QueuePause'], ['Interface', 'PJSIP/1003'], ['Paused', '1'], ['Variable', 'x=1']), ctx()));
    forbidden(() =>
      queuePausePolicy(h(['Action', 'QueuePause'], ['Interface', 'PJSIP/1003'], ['Interface', 'PJSIP/1004'], ['Paused', '1']), ctx()),
    );
    expect(() => queuePausePolicy(h(['Action', 'QueuePause'], ['Interface', 'PJSIP/1003']), ctx())).toThrow(AmiPortBadRequestError);
  });
});

describe('Originate is click-to-dial from the own phone into the allowed context only', () => {
  const originate = (...extra: Array<[string, string]>) =>
    h(['Action', 'Originate'], ['Channel', 'PJSIP/1003'], ['Exten', '1002'], ...extra);

  it('forces Async, the allowed context and priority 1', () => {
    const plan = originatePolicy(originate(['Context', 'internal'], ['CallerID', '"Agent" <1003>'], ['Async', 'false']), ctx());
    expect(plan.actions[0]).toEqual([
      ['Action', 'Originate'],
      ['Channel', 'PJSIP/1003'],
      ['Context', 'internal'],
      ['Exten', '1002'],
      ['Priority', '1'],
      ['Async', 'true'],
      ['CallerID', '"Agent" <1003>'],
    ]);
  });

  it('refuses Application, Data, Variable, other contexts, other phones and odd numbers', () => {
    forbidden(() => originatePolicy(originate(['Application', 'System'], ['Data', 'id']), ctx()));
    forbidden(() => originatePolicy(originate(['Variable', 'X=1']), ctx()));
    forbidden(() => originatePolicy(originate(['Context', 'from-trunk']), ctx()));
    forbidden(() => originatePolicy(h(['Action', 'Originate'], ['Channel', 'PJSIP/1004'], ['Exten', '1002']), ctx()));
    forbidden(() => originatePolicy(h(['Action', 'Originate'], ['Channel', 'Local/1003@internal'], ['Exten', '1002']), ctx()));
    forbidden(() => originatePolicy(originate(['Priority', '2']), ctx()));
    forbidden(() => originatePolicy(h(['Action', 'Originate'], ['Channel', 'PJSIP/1003'], ['Exten', '1002@evil']), ctx()));
    forbidden(() => originatePolicy(h(['Action', 'Originate'], ['Channel', 'PJSIP/1003'], ['Exten', 's']), ctx()));
  });

  it('is disabled when no allowed context is configured', () => {
    forbidden(() => originatePolicy(originate(), { ...ctx(), allowedContext: undefined }));
  });
});

describe('channel actions need a live channel of the client’s own phone', () => {
  it('hangs up the own channel on the PBX that has it, by name or by Uniqueid', () => {
    expect(hangupPolicy(h(['Action', 'Hangup'], ['Channel', 'PJSIP/1003-00000002']), ctx())).toEqual({
      pbxId: 'pbx2',
      actions: [
        [
          ['Action', 'Hangup'],
          ['Channel', 'PJSIP/1003-00000002'],
        ],
      ],
    });
    expect(hangupPolicy(h(['Action', 'Hangup'], ['Channel', '1.2'], ['Cause', '16']), ctx()).actions[0]).toEqual([
      ['Action', 'Hangup'],
      ['Channel', 'PJSIP/1003-00000002'],
      ['Cause', '16'],
    ]);
  });

  it('refuses regex channels, other phones’ channels, the caller’s channel and unknown channels', () => {
    forbidden(() => hangupPolicy(h(['Action', 'Hangup'], ['Channel', '/PJSIP/.*/']), ctx()));
    forbidden(() => hangupPolicy(h(['Action', 'Hangup'], ['Channel', 'PJSIP/1004-00000003']), ctx()));
    forbidden(() => hangupPolicy(h(['Action', 'Hangup'], ['Channel', 'Local/+1555@trunk-sim-00000001;1']), ctx()));
    forbidden(() => hangupPolicy(h(['Action', 'Hangup'], ['Channel', 'PJSIP/1003-000000ff']), ctx()));
  });

  it('transfers and redirects the own channel into the allowed context only', () => {
    const blind = transferPolicy(h(['Action', 'BlindTransfer'], ['Channel', 'PJSIP/1003-00000002'], ['Exten', '1002']), ctx());
    expect(blind.actions[0]).toContainEqual(['Context', 'internal']);
    const atx = transferPolicy(h(['Action', 'Atxfer'], ['Channel', 'PJSIP/1003-00000002'], ['Exten', '1002']), ctx());
    expect(atx.actions[0]![0]).toEqual(['Action', 'Atxfer']);
    forbidden(() => transferPolicy(h(['Action', 'BlindTransfer'], ['Channel', 'PJSIP/1003-00000002'], ['Exten', '1002'], ['Context', 'admin']), ctx()));
    forbidden(() =>
      redirectPolicy(h(['Action', 'Redirect'], ['Channel', 'PJSIP/1003-00000002'], ['Exten', '1002'], ['ExtraChannel', 'PJSIP/1004-00000003']), ctx()),
    );
    const redirect = redirectPolicy(h(['Action', 'Redirect'], ['Channel', 'PJSIP/1003-00000002'], ['Exten', '1002'], ['Context', 'internal'], ['Priority', '1']), ctx());
    expect(redirect.pbxId).toBe('pbx2');
  });
});
