import type { ReportResult } from '@amiable/protocol';
import { describe, expect, it } from 'vitest';
import { areasFor, homeArea } from '../src/lib/access.ts';
import { csvField, toCsv } from '../src/lib/csv.ts';
import { fromFormValues, missingFields, parseSkillLevels, toFormValues, type FieldSpec } from '../src/lib/form-spec.ts';
import { chartsFor, kpisFor } from '../src/lib/report-charts.ts';
import { formatCell, reportCsvColumns } from '../src/lib/report-format.ts';
import { errorField, isReversedRange } from '../src/lib/report-range.ts';
import { niceMax, ticks } from '../src/lib/scale.ts';
import { rangeToIso } from '../src/lib/time-range.ts';

describe('who sees what', () => {
  it('gives agents the desktop, supervisors the wallboard (and the desktop when also agents), admins everything', () => {
    expect(areasFor({ role: 'agent', isAgent: true })).toEqual(['desktop']);
    expect(areasFor({ role: 'supervisor', isAgent: false })).toEqual(['wallboard']);
    expect(areasFor({ role: 'supervisor', isAgent: true })).toEqual(['desktop', 'wallboard']);
    expect(areasFor({ role: 'admin', isAgent: false })).toEqual(['desktop', 'wallboard', 'admin']);
    expect(areasFor({ role: 'integration', isAgent: false })).toEqual([]);
  });

  it('lands supervisors on the wallboard and agents on the desktop', () => {
    expect(homeArea({ role: 'supervisor', isAgent: true })).toBe('wallboard');
    expect(homeArea({ role: 'agent', isAgent: true })).toBe('desktop');
  });
});

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, and neutralises spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
  });

  it('writes a header line and one line per row with CRLF', () => {
    const csv = toCsv([{ header: 'Queue', value: (r: { q: string; n: number }) => r.q }, { header: 'Calls', value: (r) => r.n }], [{ q: 'lang-en', n: 3 }]);
    expect(csv).toBe('Queue,Calls\r\nlang-en,3\r\n');
  });
});

describe('chart scales', () => {
  it('rounds the axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 7, 11, 23, 240, 499].map(niceMax)).toEqual([1, 10, 20, 25, 250, 500]);
    expect(ticks(23)).toEqual([0, 6.25, 12.5, 18.75, 25]);
  });
});

describe('admin forms', () => {
  const fields: FieldSpec[] = [
    { key: 'name', label: 'Name', kind: 'text', required: true },
    { key: 'password', label: 'Password', kind: 'password', required: true, only: 'create' },
    { key: 'password', label: 'New password', kind: 'password', only: 'edit' },
    { key: 'teams', label: 'Teams', kind: 'list' },
    { key: 'wrapupSeconds', label: 'Wrap-up', kind: 'nullable-number' },
    { key: 'skills', label: 'Skills', kind: 'skill-levels' },
    { key: 'disabled', label: 'Disabled', kind: 'checkbox' },
  ];

  it('turns an entity into form text and back without losing nulls, lists or skills', () => {
    const entity = { name: 'Ada', teams: ['t1', 't2'], wrapupSeconds: null, skills: [{ skillId: 'en', level: 100 }], disabled: false };
    const values = toFormValues(fields, entity);
    expect(values).toMatchObject({ name: 'Ada', teams: 't1, t2', wrapupSeconds: '', skills: 'en:100', disabled: false, password: '' });
    expect(fromFormValues(fields, values, 'edit')).toEqual({ name: 'Ada', teams: ['t1', 't2'], wrapupSeconds: null, skills: [{ skillId: 'en', level: 100 }], disabled: false });
  });

  it('requires the password on create but keeps the current one when left empty on edit', () => {
    const values = toFormValues(fields, undefined);
    expect(missingFields(fields, { ...values, name: 'x' }, 'create')).toEqual(['Password']);
    expect(missingFields(fields, { ...values, name: 'x' }, 'edit')).toEqual([]);
    expect(fromFormValues(fields, { ...values, name: 'x', password: 's3cret!!' }, 'create').password).toBe('s3cret!!');
  });

  it('reads skill levels typed as "en:100, fr" with a default level and clamping', () => {
    expect(parseSkillLevels('en:100, fr, de:250, :5')).toEqual([
      { skillId: 'en', level: 100 },
      { skillId: 'fr', level: 100 },
      { skillId: 'de', level: 100 },
    ]);
  });
});

describe('reports', () => {
  const report: ReportResult = {
    report: 'queue-summary',
    from: '2026-11-20T00:00:00.000Z',
    to: '2026-11-27T00:00:00.000Z',
    generatedAt: '2026-11-26T10:00:00.000Z',
    columns: [
      { key: 'queue', label: 'Queue', type: 'string' },
      { key: 'answered', label: 'Answered', type: 'number' },
      { key: 'serviceLevel', label: 'Service level', type: 'percent' },
      { key: 'asa', label: 'ASA', type: 'seconds' },
    ],
    rows: [
      { queue: 'lang-en', answered: 391, serviceLevel: 84.2, asa: 16 },
      { queue: 'lang-de', answered: 119, serviceLevel: null, asa: 44 },
    ],
    totals: { queue: null, answered: 510, serviceLevel: 80.9, asa: 19 },
  };

  it('draws one chart per kind of figure, labelled by the first text column', () => {
    const charts = chartsFor(report);
    expect(charts.map((c) => c.kind)).toEqual(['number', 'percent', 'seconds']);
    expect(charts[0]?.labels).toEqual(['lang-en', 'lang-de']);
    expect(charts[1]?.series).toEqual([{ key: 'serviceLevel', name: 'Service level', values: [84.2, 0] }]);
  });

  it('titles each chart by the series it plots, and labels bars by every leading text column', () => {
    const sheet: ReportResult = {
      ...report,
      report: 'calls-by-queue-hour',
      columns: [
        { key: 'queue', label: 'Queue', type: 'string' },
        { key: 'hour', label: 'Hour', type: 'string' },
        { key: 'sessions', label: 'Sessions', type: 'number' },
        { key: 'offered', label: 'Offered', type: 'number' },
      ],
      rows: [{ queue: 'Support', hour: '09:00', sessions: 1, offered: 4 }],
    };
    const [chart] = chartsFor(sheet, (c) => `«${c.label}»`);
    expect(chart?.title).toBe('«Sessions», «Offered»');
    expect(chart?.labels).toEqual(['Support · 09:00']);
  });

  it('knows a reversed date range before asking the server', () => {
    expect(isReversedRange({ from: '2026-11-20', to: '2026-11-19' })).toBe(true);
    expect(isReversedRange({ from: '2026-11-20', to: '2026-11-20' })).toBe(false);
    expect(errorField({ code: 'CTI_ERR_REPORT_RANGE', details: { field: 'to' } })).toBe('to');
    expect(errorField(new Error('x'))).toBeUndefined();
  });

  it('shows the totals as headline figures, formatted by type', () => {
    const kpis = kpisFor(report).map(({ column, value }) => [column.key, formatCell(value, column.type)]);
    expect(kpis).toEqual([
      ['answered', '510'],
      ['serviceLevel', '80.9%'],
      ['asa', '19s'],
    ]);
  });

  it('exports raw values under the column labels', () => {
    const columns = reportCsvColumns(report);
    expect(toCsv(columns, report.rows)).toBe('Queue,Answered,Service level,ASA\r\nlang-en,391,84.2,16\r\nlang-de,119,,44\r\n');
  });

  it('turns a local date range into the ISO bounds of whole days', () => {
    const { from, to } = rangeToIso({ from: '2026-11-20', to: '2026-11-26' });
    expect(new Date(from).getDate()).toBe(20);
    expect(new Date(to).getDate()).toBe(27);
    expect(new Date(to).getHours()).toBe(0);
  });
});
