import { describe, expect, it } from 'vitest';
import { listTransferTargets, resolveTransfer } from '../../src/features/calls/transfer-targets.ts';
import { checkRecordingTemplate, renderRecordingFile } from '../../src/features/recording/recording-template.ts';

const queues = new Set(['sales', 'support', 'lang-en']);
const open = { targets: [], queues, defaultCountry: 'GB', outboundPrefix: '9' };
const listed = {
  ...open,
  targets: [
    { kind: 'queue' as const, value: 'sales' },
    { kind: 'extension' as const, value: '1004' },
    { kind: 'external' as const, value: '+4420' },
  ],
};

describe('transfer targets', () => {
  it('sends a queue by name to that queue, and an extension as it is, when no list is configured', () => {
    expect(resolveTransfer('sales', open)).toEqual({ kind: 'queue', exten: 'sales' });
    expect(resolveTransfer('1002', open)).toEqual({ kind: 'extension', exten: '1002' });
    expect(resolveTransfer('020 7946 0000', open)).toEqual({ kind: 'external', exten: '9+442079460000' });
    expect(() => resolveTransfer('marketing', open)).toThrow(expect.objectContaining({ code: 'CTI_ERR_INVALID_NUMBER' }));
  });

  it('allows only the listed queue, extension and external prefix once a list is configured', () => {
    expect(resolveTransfer('sales', listed)).toEqual({ kind: 'queue', exten: 'sales' });
    expect(resolveTransfer('1004', listed)).toEqual({ kind: 'extension', exten: '1004' });
    expect(resolveTransfer('+44 20 7946 0000', listed)).toEqual({ kind: 'external', exten: '9+442079460000' });
    // A 00 international prefix is the same number, so the same listed prefix allows it.
    expect(resolveTransfer('0044 20 7946 0000', listed)).toEqual({ kind: 'external', exten: '9+442079460000' });
    for (const to of ['support', '1002', '+33 1 42 68 53 02']) {
      expect(() => resolveTransfer(to, listed)).toThrow(expect.objectContaining({ code: 'CTI_ERR_TRANSFER_TARGET_NOT_ALLOWED' }));
    }
  });

  it('offers the configured list, or every queue of the PBX when none is configured', () => {
    expect(listTransferTargets(listed)).toMatchObject({ restricted: true, targets: listed.targets });
    expect(listTransferTargets(open)).toEqual({
      restricted: false,
      targets: ['lang-en', 'sales', 'support'].map((value) => ({ kind: 'queue', value })),
    });
  });
});

describe('recording file names', () => {
  const at = Date.UTC(2026, 11, 6, 9, 33, 44);

  it('fills the template with the call, in UTC, and adds the format', () => {
    const file = renderRecordingFile('cti/{date}/{queue}-{linkedid}-{extension}-{time}', { at, linkedid: '1796549619.354', extension: '1002', queue: 'lang-en' }, 'wav');
    expect(file).toBe('cti/2026-12-06/lang-en-1796549619.354-1002-093344.wav');
  });

  it('turns characters a value should not hold into _, so no value can climb directories or break the AMI line', () => {
    const file = renderRecordingFile('r/{agent}-{queue}', { at, agent: '../../etc/passwd', queue: 'a\r\nCommand: rm -rf /' }, 'wav');
    expect(file).not.toContain('..');
    expect(file).toMatch(/^r\/[A-Za-z0-9_.-]+\.wav$/);
    expect(renderRecordingFile('r/{queue}', { at, queue: null }, 'wav')).toBe('r/none.wav');
  });

  it('refuses templates that are absolute, climb, hold other characters or unknown placeholders, and any shell syntax', () => {
    expect(checkRecordingTemplate('cti/{date}/{linkedid}')).toBe('cti/{date}/{linkedid}');
    for (const bad of ['/var/spool/{linkedid}', 'cti/../{linkedid}', 'cti//x', 'cti/{nope}', 'cti/{linkedid', 'x,Command', `\${SHELL(id)}`, '$(id)', 'a b', 'x;y', 'x\r\nAction: Command']) {
      expect(() => checkRecordingTemplate(bad), bad).toThrow(expect.objectContaining({ code: 'CTI_ERR_RECORDING_TEMPLATE' }));
    }
  });
});
