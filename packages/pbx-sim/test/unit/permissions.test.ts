import { describe, expect, it } from 'vitest';
import { ALL_PERMS, PERM, parseClasses, parseEventMask, privilegeOf } from '../../src/ami/permissions.ts';

describe('AMI class permissions', () => {
  it('parses manager.conf class lists, all and none', () => {
    expect(parseClasses('call,agent')).toBe(PERM.call | PERM.agent);
    expect(parseClasses('all')).toBe(ALL_PERMS);
    expect(parseClasses('none')).toBe(0);
  });

  it('reads an Events header as a true word, a false word, a list or a bitmask', () => {
    expect(parseEventMask('on')).toBe(ALL_PERMS);
    expect(parseEventMask('off')).toBe(0);
    expect(parseEventMask('agent,call')).toBe(PERM.agent | PERM.call);
    expect(parseEventMask('2')).toBe(PERM.call);
  });

  it('prints the Privilege header as "<class>,all"', () => {
    expect(privilegeOf(PERM.dialplan)).toBe('dialplan,all');
    expect(privilegeOf(PERM.security)).toBe('security,all');
  });
});
