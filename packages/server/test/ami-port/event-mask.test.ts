import { describe, expect, it } from 'vitest';
import { maskAllows, maskReply, parseEventMask } from '../../src/ami-port/event-mask.ts';

describe('event mask (Events action and Login Events: header)', () => {
  it('turns everything on or off with Asterisk’s true and false words', () => {
    expect(parseEventMask('on')).toBe('all');
    expect(parseEventMask('YES')).toBe('all');
    expect(parseEventMask('off')).toBe('none');
    expect(parseEventMask('0')).toBe('none');
    expect(maskReply(parseEventMask('on'))).toBe('On');
    expect(maskReply(parseEventMask('off'))).toBe('Off');
  });

  it('lets through only events whose every class is in a comma list', () => {
    const mask = parseEventMask('call,agent');
    expect(maskAllows(mask, 'call,all')).toBe(true);
    expect(maskAllows(mask, 'agent,all')).toBe(true);
    expect(maskAllows(mask, 'dialplan,all')).toBe(false);
    expect(maskAllows(mask, 'system,all')).toBe(false);
    expect(maskReply(mask)).toBe('On');
  });

  it('reads a numeric mask as Asterisk’s class bits (system=1, call=2, agent=32)', () => {
    const mask = parseEventMask('35');
    expect(maskAllows(mask, 'system,all')).toBe(true);
    expect(maskAllows(mask, 'call,all')).toBe(true);
    expect(maskAllows(mask, 'agent,all')).toBe(true);
    expect(maskAllows(mask, 'cdr,all')).toBe(false);
  });

  it('ignores unknown class names, and a list of only unknown names means off', () => {
    expect(parseEventMask('bogus')).toBe('none');
    expect(maskAllows(parseEventMask('call,bogus'), 'call,all')).toBe(true);
  });
});
