import { describe, expect, it } from 'vitest';
import { deviceOfChannel, phoneEndpoint } from '../../src/ami-port/channel-name.ts';
import { extractFacts } from '../../src/ami-port/event-facts.ts';
import { loadEvents, msg } from './support/traces.ts';

describe('channel names', () => {
  it('maps channels to devices, cutting the suffix at the last dash', () => {
    expect(deviceOfChannel('PJSIP/1001-0000002a')).toBe('PJSIP/1001');
    expect(deviceOfChannel('PJSIP/lab-trunk-00000001')).toBe('PJSIP/lab-trunk');
    expect(deviceOfChannel('PJSIP/1001')).toBe('PJSIP/1001');
    expect(deviceOfChannel('Local/1002@internal-00000001;2')).toBe('Local/1002@internal');
    expect(phoneEndpoint('PJSIP/1001')).toBe('1001');
    expect(phoneEndpoint('Local/1002@internal')).toBeUndefined();
    expect(phoneEndpoint('Queue:lang-en_avail')).toBeUndefined();
  });
});

describe('event facts', () => {
  it('pairs each channel with its own Uniqueid and Linkedid by prefix', () => {
    const agentCalled = loadEvents('screen-pop').find((m) => m.event === 'AgentCalled')!;
    const facts = extractFacts(agentCalled);
    expect(facts.channels).toEqual([
      { name: agentCalled.get('Channel'), uniqueid: agentCalled.get('Uniqueid'), linkedid: agentCalled.get('Linkedid') },
      { name: agentCalled.get('DestChannel'), uniqueid: agentCalled.get('DestUniqueid'), linkedid: agentCalled.get('DestLinkedid') },
    ]);
    expect(facts.queues).toEqual(['lang-en']);
    expect(facts.devices).toEqual(['PJSIP/1001']);
    expect([...facts.mentioned]).toEqual(['PJSIP/1001']);
  });

  it('reads a Cdr’s two channels and its UniqueID, and a pause pseudo-device’s queue and member', () => {
    const cdr = extractFacts(
      msg(['Event', 'Cdr'], ['Channel', 'Local/+1@trunk-sim-00000000;1'], ['DestinationChannel', 'PJSIP/1001-00000002'], ['UniqueID', '1.0']),
    );
    expect(cdr.channels.map((c) => [c.name, c.uniqueid])).toEqual([
      ['Local/+1@trunk-sim-00000000;1', '1.0'],
      ['PJSIP/1001-00000002', undefined],
    ]);
    const pause = extractFacts(msg(['Event', 'DeviceStateChange'], ['Device', 'Queue:lang-en_pause_PJSIP/1003'], ['State', 'INUSE']));
    expect([pause.queues, pause.devices]).toEqual([['lang-en'], ['PJSIP/1003']]);
  });

  it('finds phone channels named in keys and values, not devices or Local halves', () => {
    const facts = extractFacts(
      msg(
        ['Event', 'OriginateResponse'],
        ['ChanVariable(PJSIP/1004-0000000a)', 'X=1'],
        ['Value', 'peer PJSIP/lab-trunk-00000003,PJSIP/1005'],
        ['Data', 'Local/1006@internal-00000001;1'],
      ),
    );
    expect([...facts.mentioned].sort()).toEqual(['PJSIP/1004', 'PJSIP/lab-trunk']);
  });

  it('takes hint extensions and devices from ExtensionStatus only', () => {
    const facts = extractFacts(msg(['Event', 'ExtensionStatus'], ['Exten', '1001'], ['Context', 'internal'], ['Hint', 'PJSIP/1001&Custom:DND1001']));
    expect([facts.extens, facts.hintDevices]).toEqual([['1001'], ['PJSIP/1001', 'Custom:DND1001']]);
    expect(extractFacts(msg(['Event', 'Newchannel'], ['Exten', '1001'])).extens).toEqual([]);
  });
});
