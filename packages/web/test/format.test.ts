import { describe, expect, it } from 'vitest';
import { countdown } from '../src/lib/countdown.ts';
import { formatDuration, formatDurationLong, formatPercent, formatPhone, initials, internationalForm, secondsSince } from '../src/lib/format.ts';
import { importProgress } from '../src/lib/import-progress.ts';

describe('formatting for the screens', () => {
  it('shows time in state as m:ss, and h:mm:ss past an hour', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(-5)).toBe('0:00');
  });

  it('shows report durations in words and a dash when unknown', () => {
    expect(formatDurationLong(45)).toBe('45s');
    expect(formatDurationLong(330)).toBe('5m 30s');
    expect(formatDurationLong(7260)).toBe('2h 01m');
    expect(formatDurationLong(null)).toBe('—');
  });

  it('counts seconds since an ISO time, never negative', () => {
    const now = Date.parse('2026-11-26T10:00:30.000Z');
    expect(secondsSince('2026-11-26T10:00:00.000Z', now)).toBe(30);
    expect(secondsSince('2026-11-26T10:01:00.000Z', now)).toBe(0);
    expect(secondsSince(null, now)).toBe(0);
  });

  it("groups international numbers the way their country writes them and keeps the rest as sent", () => {
    expect(formatPhone('+442079460000')).toBe('+44 20 7946 0000');
    expect(formatPhone('+33634567890')).toBe('+33 6 34 56 78 90');
    expect(formatPhone('+14155550100')).toBe('+1 415 555 0100');
    expect(formatPhone('+35312345678')).toBe('+353 1 234 5678');
    expect(formatPhone('0033634567890')).toBe('+33 6 34 56 78 90');
    expect(formatPhone('02079460000')).toBe('02079460000');
    expect(formatPhone('1002')).toBe('1002');
    expect(formatPhone(null)).toBe('—');
    expect(formatPhone(undefined, 'Unknown number')).toBe('Unknown number');
  });

  it('reads a 00 international prefix as +', () => {
    expect(internationalForm('0044 20 7946 0000')).toBe('+442079460000');
    expect(internationalForm('+44 (20) 7946-0000')).toBe('+442079460000');
    expect(internationalForm('020 7946 0000')).toBeNull();
    expect(internationalForm('1002')).toBeNull();
  });

  it('makes avatar initials from a name', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('jdoe')).toBe('J');
    expect(initials('')).toBe('?');
  });

  it('shows a percentage or a dash before the first call', () => {
    expect(formatPercent(86.44)).toBe('86%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('wrap-up countdown', () => {
  const start = '2026-11-26T10:00:00.000Z';
  const end = '2026-11-26T10:00:30.000Z';

  it('counts down the seconds left and the share spent', () => {
    const c = countdown(end, start, Date.parse('2026-11-26T10:00:10.000Z'));
    expect(c).toEqual({ remaining: 20, progress: 10 / 30, expired: false });
  });

  it('rounds a part second up so it never shows 0 before the end', () => {
    expect(countdown(end, start, Date.parse('2026-11-26T10:00:29.400Z')).remaining).toBe(1);
  });

  it('never shows more than the whole wrap-up when the display clock lags its start', () => {
    expect(countdown(end, start, Date.parse('2026-11-26T09:59:59.200Z'))).toEqual({ remaining: 30, progress: 0, expired: false });
  });

  it('stops at zero and says expired once the deadline passed', () => {
    expect(countdown(end, start, Date.parse('2026-11-26T10:00:45.000Z'))).toEqual({ remaining: 0, progress: 1, expired: true });
  });

  it('has no countdown when wrap-up lasts until the agent presses Ready', () => {
    expect(countdown(null, start, Date.now())).toEqual({ remaining: null, progress: null, expired: false });
  });
});

describe('import progress', () => {
  it('shows import progress as a percentage and 100 once finished', () => {
    const base = { created: 0, updated: 0, rejected: [], committed: false };
    expect(importProgress({ ...base, status: 'running', total: 200, processed: 50 })).toBe(25);
    expect(importProgress({ ...base, status: 'running', total: 200, processed: 200 })).toBe(99);
    expect(importProgress({ ...base, status: 'running', total: null, processed: 10 })).toBe(0);
    expect(importProgress({ ...base, status: 'done', total: 200, processed: 120 })).toBe(100);
  });
});
